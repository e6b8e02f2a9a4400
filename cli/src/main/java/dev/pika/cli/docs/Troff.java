package dev.pika.cli.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The troff (man(7)) text the man page writer emits: escaping of running text, code and macro arguments, and the
 * wrapping of fill-mode lines to {@value #MAX_LINE} bytes. Plain ASCII out: other characters become
 * {@code \[uXXXX]}.
 */
final class Troff {
    /** The longest input line written in fill mode (mandoc's style check). */
    static final int MAX_LINE = 80;

    private Troff() {
    }

    /** Breaks text lines in fill mode at spaces so no input line is longer than {@value #MAX_LINE} bytes. */
    static String wrap(String page) {
        StringBuilder out = new StringBuilder();
        boolean fill = true;
        for (String line : page.split("\n")) {
            if (line.startsWith(".nf")) {
                fill = false;
            } else if (line.startsWith(".fi")) {
                fill = true;
            }
            if (!fill || line.startsWith(".") || line.length() <= MAX_LINE) {
                out.append(line).append('\n');
                continue;
            }
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                if (current.length() > 0 && current.length() + 1 + word.length() > MAX_LINE) {
                    out.append(current).append('\n');
                    current.setLength(0);
                }
                if (current.length() == 0 && (word.startsWith(".") || word.startsWith("'"))) {
                    current.append("\\&");
                } else if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(word);
            }
            out.append(current).append('\n');
        }
        return out.toString();
    }

    /** Text with explicit line breaks kept ({@code .br}). */
    static String lines(String text) {
        List<String> parts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                parts.add(text(line.strip()));
            }
        }
        return String.join("\n.br\n", parts);
    }

    /** Running text: escapes, hyphens kept as hyphens. */
    static String text(String s) {
        return escapeLine(s, false);
    }

    /** Code (names, options, commands): hyphens become {@code \-} so they copy and paste as ASCII minus. */
    static String code(String s) {
        return escapeLine(s, true);
    }

    /** A macro argument in double quotes. */
    static String quote(String s) {
        return "\"" + escapeLine(s, false).replace("\"", "\\(dq") + "\"";
    }

    /**
     * Escapes one line of text for troff: backslash, leading dot or apostrophe, non-ASCII as {@code \[uXXXX]}.
     *
     * @param s     the text, one line
     * @param minus whether to write hyphens as {@code \-}
     * @return the escaped text
     */
    static String escapeLine(String s, boolean minus) {
        StringBuilder sb = new StringBuilder();
        if (s.startsWith(".") || s.startsWith("'")) {
            sb.append("\\&");
        }
        s.codePoints().forEach(cp -> {
            if (cp == '\\') {
                sb.append("\\e");
            } else if (cp == '-' && minus) {
                sb.append("\\-");
            } else if (cp == '\t') {
                sb.append(' ');
            } else if (cp > 126 || cp < 32) {
                sb.append(String.format(Locale.ROOT, "\\[u%04X]", cp));
            } else {
                sb.append((char) cp);
            }
        });
        return sb.toString();
    }
}
