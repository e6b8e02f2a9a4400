package dev.pika.cli.image;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting for values that reach a shell (the remote side of ssh, and the printed dry-run plan).
 *
 * <p>A word made only of characters no POSIX shell treats specially is left as is; anything else is put in single
 * quotes, with each embedded {@code '} written as {@code '\''}. The result always parses back to exactly the
 * original word, whatever it contains (spaces, {@code $()}, backticks, newlines, quotes).
 */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./=:@%+,-][A-Za-z0-9_./=:@%+,#-]*");

    private ShellQuote() {
    }

    /**
     * @param word any string (may be empty)
     * @return a shell word that expands to exactly {@code word}
     */
    public static String quote(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Quotes one word so that every common login shell reads it back unchanged: POSIX sh, bash, zsh and fish.
     * fish treats {@code \\} and {@code \'} inside single quotes as escapes, so a backslash is never put inside
     * single quotes here: it is written as {@code '"\\"'} (double quotes read {@code \\} as one backslash in all
     * of them), and a single quote as {@code '"'"'}. Used for the one word ssh hands to the remote login shell
     * ({@code sh -c WORD}).
     *
     * @param word any string
     * @return a single-quoted shell word without a backslash inside single quotes
     */
    public static String quoteAnyShell(String word) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            switch (c) {
                case '\'' -> sb.append("'\"'\"'");
                case '\\' -> sb.append("'\"\\\\\"'");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /**
     * @param words an argv
     * @return the words quoted and joined with single spaces, a command line a shell runs as that argv
     */
    public static String join(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
