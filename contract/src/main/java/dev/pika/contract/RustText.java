package dev.pika.contract;

/**
 * Rust's string behaviour where the contract depends on it: {@code str::trim} (Unicode {@code White_Space}) and
 * the {@code {:?}} (Debug) quoting the reference uses in its messages, e.g. {@code got "X"} (CONTRACT.md §5).
 */
final class RustText {
    private RustText() {
    }

    /**
     * @param cp a code point
     * @return whether Rust's {@code char::is_whitespace} is true: the Unicode {@code White_Space} property
     *         (which, unlike Java's {@link Character#isWhitespace}, includes no-break spaces and excludes the
     *         information separators U+001C..U+001F)
     */
    static boolean isWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    /**
     * @param s any string
     * @return {@code s} without leading and trailing {@link #isWhitespace whitespace}, as Rust's {@code str::trim}
     */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!isWhitespace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!isWhitespace(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    /**
     * Rust's {@code format!("{:?}", s)} for a {@code &str}: double quotes around it; {@code "} and {@code \} escaped
     * with a backslash; tab, carriage return, line feed and NUL as {@code \t \r \n \0}; other control, format,
     * separator, private-use, unassigned and combining characters as <code>&#92;u{hex}</code>. (Rust decides
     * "printable" from its own Unicode tables; Java's categories agree for all but rare newly assigned characters.)
     *
     * @param s any string
     * @return the Debug form
     */
    static String debugQuote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case 0 -> sb.append("\\0");
                default -> {
                    if (printable(cp)) {
                        sb.appendCodePoint(cp);
                    } else {
                        sb.append("\\u{").append(Integer.toHexString(cp)).append('}');
                    }
                }
            }
        });
        return sb.append('"').toString();
    }

    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                    Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> false;
            default -> true;
        };
    }
}
