package dev.pika.cli.render;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quoting rules for the bash text pika renders (docs/render.md "Quoting").
 */
final class Shell {
    private Shell() {
    }

    /** One or more words of characters that bash never treats specially, separated by spaces. */
    private static final Pattern PLAIN = Pattern.compile(" *[A-Za-z0-9_./:=,+@%-]+( +[A-Za-z0-9_./:=,+@%-]+)* *");

    /** Bash reserved words that, in command position, start a compound command that one line cannot finish. */
    private static final Set<String> RESERVED = Set.of("case", "coproc", "do", "done", "elif", "else", "esac", "fi",
            "for", "function", "if", "in", "select", "then", "until", "while");

    /**
     * Whether a guest command is <em>plain</em>: a single line of words made only of {@code A-Z a-z 0-9 _ . / : = , +
     * @ % -} separated by spaces, whose first word is not a reserved word. Such a command means the same thing
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
        return !RESERVED.contains(first);
    }

    /**
     * Quotes text as one bash word in single quotes: {@code it's} becomes {@code 'it'\''s'}. Every byte,
     * including newlines, backslashes and {@code $}, stands for itself.
     *
     * @param text any text without NUL
     * @return the quoted word
     */
    static String singleQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
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
