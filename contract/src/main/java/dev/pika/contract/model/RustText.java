package dev.pika.contract.model;

/**
 * String operations with the reference's (Rust's) exact semantics, so that our verdicts match its verdicts.
 *
 * <p>Java's {@link String#strip()} and {@link String#trim()} use other whitespace sets than Rust's
 * {@code str::trim} (Unicode {@code White_Space}), and Java's {@code "%s"} of a string is not Rust's
 * {@code {:?}}.
 */
public final class RustText {
    private RustText() {
    }

    /**
     * Rust's {@code char::is_whitespace}: the Unicode {@code White_Space} property.
     *
     * @param cp a code point
     * @return whether Rust's {@code trim} removes it
     */
    public static boolean isWhitespace(int cp) {
        switch (cp) {
            case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
            case 0x85: case 0xA0: case 0x1680:
            case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return cp >= 0x2000 && cp <= 0x200A;
        }
    }

    /**
     * Rust's {@code s.trim()}.
     *
     * @param s a string
     * @return {@code s} without leading and trailing Unicode {@code White_Space}
     */
    public static String trim(String s) {
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
     * Rust's {@code s.trim().is_empty()}, the reference's "must be non-empty" check (CONTRACT.md §4 rule 1).
     *
     * @param s a string
     * @return true when {@code s} is empty or only whitespace
     */
    public static boolean isBlank(String s) {
        return trim(s).isEmpty();
    }

    /**
     * Rust's {@code format!("{:?}", s)} for a string: double-quoted, with {@code \\}, {@code \"}, {@code \n},
     * {@code \r}, {@code \t}, {@code \0} escaped, and the characters Rust does not print as they are — control,
     * format, private-use, unassigned and surrogate characters, separators other than the space, and combining marks
     * (grapheme extenders) — as <code>&#92;u{hex}</code>. (Rust decides from its own Unicode tables; Java's
     * categories agree but for characters assigned in one Unicode version and not the other.)
     *
     * @param s a string
     * @return the quoted form, e.g. {@code "/run/pika-cloud/status.json"}
     */
    public static String debugQuote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case 0: sb.append("\\0"); break;
                default:
                    if (!printable(cp)) {
                        sb.append("\\u{").append(Integer.toHexString(cp)).append('}');
                    } else {
                        sb.appendCodePoint(cp);
                    }
            }
        });
        return sb.append('"').toString();
    }

    /** Rust's {@code char::is_printable}, plus its Debug escaping of grapheme extenders. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL: case Character.FORMAT: case Character.UNASSIGNED: case Character.PRIVATE_USE:
            case Character.SURROGATE: case Character.LINE_SEPARATOR: case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR: case Character.NON_SPACING_MARK: case Character.ENCLOSING_MARK:
                return false;
            default:
                return true;
        }
    }
}
