package dev.pika.cli.render;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quoting rules for the bash text pika renders (docs/render.md "Quoting").
 */
final class Shell {
    private Shell() {
    }

    /** A word of characters that bash never treats specially ({@code #} only starts a comment at a word's start). */
    private static final String WORD = "[A-Za-z0-9_./:=,+@%-][A-Za-z0-9_./:=,+@%#-]*";
    /** One or more such words separated by spaces. */
    private static final Pattern PLAIN = Pattern.compile(" *" + WORD + "( +" + WORD + ")* *");

    /** A first word that bash reads as a variable assignment and sudo as an environment setting. */
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=");

    /** Bash reserved words that start (or continue) a compound command when they are the first word. */
    private static final Set<String> RESERVED = Set.of("case", "coproc", "do", "done", "elif", "else", "esac", "fi",
            "for", "function", "if", "in", "select", "then", "until", "while");

    /**
     * Whether a guest command is <em>plain</em>: a single line of words separated by spaces, made only of letters,
     * digits and {@code _ . / : = , + @ % -} (and {@code #} after a word's first character, as in
     * {@code nix build .#pkg}), whose first word is not a reserved word, does not start with {@code -} (sudo would
     * read it as its own option) and is not {@code NAME=…} (sudo would read it as an environment setting). Such a command means the same thing
     * whether bash reads it as a line of the script or as the words of {@code sudo}, so it can be spliced into the
     * script unquoted, exactly as the reference does (e.g. {@code cargo test -p pika-core -- --nocapture}).
     *
     * @param command the guest command
     * @return true when the command can be spliced raw
     */
    static boolean isPlain(String command) {
        if (!PLAIN.matcher(command).matches()) {
            return false;
        }
        String first = command.strip().split(" +", 2)[0];
        return !RESERVED.contains(first) && !first.startsWith("-") && !ASSIGNMENT.matcher(first).lookingAt();
    }

    /**
     * Quotes text as one bash word in ANSI-C quotes: {@code $'…'} with {@code \\} and {@code \'} for backslash
     * and single quote, {@code \n}, {@code \t}, {@code \r} and {@code \xHH} for control characters, every other
     * character as itself. The word's value is exactly {@code text}, it stays on one line, and (unlike
     * {@code '…'\''…'} splicing) shellcheck reads it without notes.
     *
     * @param text any text without NUL
     * @return the quoted word
     */
    static String ansiCQuoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16).append("$'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    /**
     * Escapes text for use between double quotes: {@code \}, {@code "}, {@code $} and {@code `} get a backslash,
     * everything else (spaces, newlines) is literal there. Text without those four characters is returned
     * unchanged, so {@code /Volumes/My Shared Files/artifacts} renders exactly as the reference renders it.
     *
     * @param text any text without NUL
     * @return the escaped text, to be put between {@code "…"}
     */
    static String insideDoubleQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"' || c == '$' || c == '`') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
