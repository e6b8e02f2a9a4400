package dev.pika.cli.common;

/**
 * Output helpers for text meant for a terminal. Everything pika prints comes partly from outside (documents, file
 * names, tool output), and a control character in it would be executed by the terminal: {@code ESC [2K} erases
 * the line, an OSC sequence sets the title or a hyperlink. Text formats therefore print such characters escaped
 * (JSON output escapes them by its own rules).
 */
public final class Display {
    private Display() {
    }

    /**
     * @param value text from anywhere, may be null
     * @return {@code value} with every control character (C0, DEL, C1) as {@code \xNN} and the Unicode line and
     *     bidirectional-override characters as {@code &#92;u{NNNN}}; {@code null} stays {@code "null"}
     */
    public static String escape(String value) {
        return escape(value, false, false);
    }

    /**
     * @param value a message that may span lines on purpose
     * @return {@link #escape} except that line feeds are kept
     */
    public static String escapeKeepingLines(String value) {
        return escape(value, true, false);
    }

    /**
     * @param value a value to show inside a message, may be null
     * @return the value in double quotes, with {@code "} and {@code \} backslash-escaped and control characters as
     *     in {@link #escape}; {@code <unset>} for null
     */
    public static String quoted(String value) {
        if (value == null) {
            return "<unset>";
        }
        return "\"" + escape(value, false, true) + "\"";
    }

    private static String escape(String value, boolean keepLines, boolean quotes) {
        if (value == null) {
            return "null";
        }
        if (!needsEscape(value, keepLines, quotes)) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            if (keepLines && c == '\n') {
                sb.append('\n');
            } else if (quotes && (c == '"' || c == '\\')) {
                sb.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c)) {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            } else if (isFormatting(c)) {
                sb.append("\\u{").append(Integer.toHexString(c)).append('}');
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static boolean needsEscape(String value, boolean keepLines, boolean quotes) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((Character.isISOControl(c) && !(keepLines && c == '\n')) || isFormatting(c)
                    || (quotes && (c == '"' || c == '\\'))) {
                return true;
            }
        }
        return false;
    }

    /** Line/paragraph separators and the bidirectional embedding, override and isolate controls. */
    private static boolean isFormatting(int c) {
        return c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
