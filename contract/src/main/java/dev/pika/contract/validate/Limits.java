package dev.pika.contract.validate;

/**
 * The limits that keep hostile input from exhausting memory or time. The reference decoder (serde_json) has only
 * its recursion limit ({@link #MAX_DEPTH}, an error like any of its verdicts); the others are pika's, and an input
 * over one is not checked ({@link LimitExceededException}), never reported invalid (docs/validation.md § Limits).
 * {@link #MAX_STRING_CHARS} and {@link #MAX_NUMBER_CHARS} only bound the Jackson reader of record lists
 * ({@code ImageRecords}); documents are decoded by {@code Decoder}, which needs neither.
 *
 * <p>Memory for one document is about {@link #maxBytes()} (its bytes; strings without escapes are not copied)
 * plus the values kept for the rules, whatever the input.
 *
 * @param maxBytes the most bytes read for one single document, and for one line of an event stream; 1 to
 *                 {@link #MAX_BYTES_CEILING}. Larger input is not read further.
 */
public record Limits(int maxBytes) {
    /** Default largest single document read, in bytes: 16 MiB. */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    /** Default longest line of an event stream, in bytes: 16 MiB. */
    public static final int MAX_EVENT_LINE_BYTES = 16 * 1024 * 1024;
    /** The largest {@link #maxBytes()} accepted: 1 GiB. */
    public static final int MAX_BYTES_CEILING = 1 << 30;
    /**
     * Longest string value or field name, in characters after unescaping: 4 Mi (4,194,304). serde_json has no such
     * limit; this one only bounds memory, and documents of real writers stay far below it.
     */
    public static final int MAX_STRING_CHARS = 1 << 22;
    /** Longest number, in characters (Jackson's limit; serde_json has none but parses to f64/u64/i64). */
    public static final int MAX_NUMBER_CHARS = 1000;
    /**
     * Most values kept for the value rules in one document or event line: 10,000. Values nested in fields the
     * contract does not type ({@code details}, {@code metadata}, unknown fields) are checked and not counted.
     */
    public static final int MAX_VALUES = 10_000;
    /** serde_json's recursion limit: the 128th nested array or object is rejected. */
    public static final int MAX_DEPTH = 127;

    /** The defaults: 16 MiB per document and per event line. */
    public static final Limits DEFAULT = new Limits(MAX_DOCUMENT_BYTES);

    /**
     * @throws IllegalArgumentException when {@code maxBytes} is below 1 or above {@link #MAX_BYTES_CEILING}
     */
    public Limits {
        if (maxBytes < 1 || maxBytes > MAX_BYTES_CEILING) {
            throw new IllegalArgumentException("the byte limit must be 1 to " + MAX_BYTES_CEILING + " bytes, got "
                    + maxBytes);
        }
    }

    /**
     * Parses a size as written on a command line: a number of bytes, optionally followed by a unit — {@code k},
     * {@code M}, {@code G} (or {@code KiB}, {@code MiB}, {@code GiB}, {@code KB}, {@code MB}, {@code GB}; all
     * binary, 1k = 1024 bytes, case-insensitive).
     *
     * @param text e.g. {@code 64M}, {@code 512k}, {@code 1048576}
     * @return the limits with that byte limit
     * @throws IllegalArgumentException with a user-facing message when the text is not a size or out of range
     */
    public static Limits parseMaxBytes(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,19})\\s*([kmg]?)(i?b)?\\s*",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text);
        if (!m.matches() || (m.group(2).isEmpty() && m.group(3) != null && !m.group(3).equalsIgnoreCase("b"))) {
            throw new IllegalArgumentException("not a size: `" + text + "` (expected bytes, or a number with k, M "
                    + "or G, e.g. 64M)");
        }
        int shift = switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        java.math.BigInteger bytes = new java.math.BigInteger(m.group(1)).shiftLeft(shift);
        if (bytes.signum() == 0 || bytes.compareTo(java.math.BigInteger.valueOf(MAX_BYTES_CEILING)) > 0) {
            throw new IllegalArgumentException("size `" + text + "` is out of range: 1 byte to 1G");
        }
        return new Limits(bytes.intValueExact());
    }

    /** @return {@link #maxBytes()} for messages: {@code 16 MiB}, {@code 512 KiB} or {@code 1000 bytes} */
    public String describe() {
        if (maxBytes % (1 << 20) == 0) {
            return (maxBytes >> 20) + " MiB";
        }
        if (maxBytes % (1 << 10) == 0) {
            return (maxBytes >> 10) + " KiB";
        }
        return maxBytes + (maxBytes == 1 ? " byte" : " bytes");
    }
}
