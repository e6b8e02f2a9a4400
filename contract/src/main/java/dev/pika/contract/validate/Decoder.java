package dev.pika.contract.validate;

import dev.pika.contract.Severity;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes one JSON document against a {@link Schema.Type} exactly as the reference decoder does: serde_json 1.0's
 * {@code Deserializer} over a byte slice ({@code from_slice}; for event lines {@code from_str}) driving the
 * visitors that {@code #[derive(Deserialize)]} generates (CONTRACT.md §1). The verdict, the error and its position
 * are serde's: the decode stops at the first error, and the finding's end is serde's {@code line L column C}.
 * What the reference accepts but writers never produce (positional structs, map-form enums, odd bytes in ignored
 * values, unknown fields) becomes a lint warning.
 *
 * <p>Why hand-written: no Java JSON library reproduces serde_json's verdicts (UTF-8 checked only where a string
 * is kept, {@code -0} as a float, ignored values skipped without a depth limit) or its error positions, and both
 * are the contract. The code follows serde_json's {@code de.rs}/{@code read.rs} function by function (names in
 * the comments), and {@code SerdeConformanceTest} compares it with the real serde_json on generated documents.
 *
 * <p>Memory: the document's bytes, the nodes kept for the value rules ({@link Limits#MAX_VALUES}), and one bit per
 * nesting level of an ignored value.
 */
final class Decoder {
    /** serde_json's {@code remaining_depth} at the start: the 128th nested container is rejected. */
    static final int RECURSION_LIMIT = 128;

    /** The flattened fields of {@code RuntimePaths} ({@code #[serde(flatten)] RuntimeArtifactPaths}): it is read as a map. */
    private static final Set<String> FLATTENED_PATHS = Set.of("events_path", "status_path", "result_path");
    private static final String FLATTENED_TYPE = "RuntimeArtifactPaths";

    /** Thrown after the decode's one error was recorded (or, in quiet mode, without recording). */
    static final class Fail extends Exception {
        private static final long serialVersionUID = 1L;

        Fail() {
            super(null, null, false, false);
        }
    }

    /** Thrown when a pika limit (not the reference's) is reached: the document is not checked. */
    static final class LimitReached extends Exception {
        private static final long serialVersionUID = 1L;

        LimitReached(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * 1e0 … 1e308, each the double nearest to it, as serde_json's table has them. A holder class: the table is made
     * (309 parses) only when a document has a float with an exponent or a fraction, not at every start.
     */
    private static final class Pow10 {
        static final double[] TABLE = new double[309];

        static {
            for (int k = 0; k < TABLE.length; k++) {
                TABLE[k] = Double.parseDouble("1e" + k);
            }
        }
    }

    private static final int[] NO_NEWLINES = new int[0];

    private final byte[] b;
    private final int base;
    private final int end;
    private final Collector out;
    private final int lineBase;
    private final boolean utf8Checked;
    private final int[] newlines;
    private final int newlineCount;
    private int i;
    private int remaining = RECURSION_LIMIT;
    private int values;
    private boolean quiet;

    /**
     * @param b           the bytes
     * @param off         where the document starts
     * @param len         its length
     * @param out         where findings go
     * @param lineBase    added to every line (event streams: the stream line minus one)
     * @param utf8Checked the input is known to be UTF-8 ({@code from_str}): strings are not checked again
     */
    Decoder(byte[] b, int off, int len, Collector out, int lineBase, boolean utf8Checked) {
        this(b, off, len, out, lineBase, utf8Checked, true);
    }

    /**
     * @param mayHaveNewlines false when the caller knows the bytes hold no newline (an event line): they are not
     *                        scanned for line starts
     */
    Decoder(byte[] b, int off, int len, Collector out, int lineBase, boolean utf8Checked, boolean mayHaveNewlines) {
        this.b = b;
        this.base = off;
        this.end = off + len;
        this.i = off;
        this.out = out;
        this.lineBase = lineBase;
        this.utf8Checked = utf8Checked;
        int n = 0;
        int[] nl = NO_NEWLINES;
        for (int k = off; mayHaveNewlines && k < end; k++) {
            if (b[k] == '\n') {
                if (n == nl.length) {
                    nl = Arrays.copyOf(nl, Math.max(16, n * 2));
                }
                nl[n++] = k;
            }
        }
        this.newlines = nl;
        this.newlineCount = n;
        this.encodingHint = encodingHint(b, off, len);
    }

    /** Why a document that fails in its first bytes is probably not UTF-8 JSON at all, or null. */
    private final String encodingHint;

    private static String encodingHint(byte[] b, int off, int len) {
        if (len >= 3 && (b[off] & 0xff) == 0xEF && (b[off + 1] & 0xff) == 0xBB && (b[off + 2] & 0xff) == 0xBF) {
            return "the input starts with a UTF-8 byte order mark, which the reference decoder rejects: save it "
                    + "without the BOM";
        }
        if (len >= 2 && (((b[off] & 0xff) == 0xFE && (b[off + 1] & 0xff) == 0xFF)
                || ((b[off] & 0xff) == 0xFF && (b[off + 1] & 0xff) == 0xFE))) {
            return "the input starts with a UTF-16/32 byte order mark: documents must be UTF-8 JSON";
        }
        for (int k = 0; k < Math.min(len, 4); k++) {
            if (b[off + k] == 0) {
                return "NUL byte at offset " + k + ": documents must be UTF-8 JSON (is this UTF-16 or UTF-32?)";
            }
        }
        return null;
    }

    // ---- positions (read.rs: position_of_index) -------------------------------------------------------------

    /** @return serde's line for the position after the bytes before {@code idx} */
    private int lineOf(int idx) {
        int lo = 0;
        int hi = newlineCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (newlines[mid] < idx) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo + 1;
    }

    /** @return serde's column: bytes between the last newline before {@code idx} and {@code idx} */
    private int columnOf(int idx, int line) {
        int lineStart = line == 1 ? base : newlines[line - 2] + 1;
        return idx - lineStart;
    }

    /** A value's node, located at the byte {@code start}. */
    private Node node(Node.Kind kind, Node parent, String seg, int start) throws LimitReached {
        if (++values > Limits.MAX_VALUES) {
            throw new LimitReached("more than " + Limits.MAX_VALUES + " values in one document: more than pika "
                    + "keeps for the value rules (a limit of pika's, not of the reference decoder)");
        }
        int line = lineOf(start + 1);
        return new Node(kind, parent, seg, line + lineBase, columnOf(start + 1, line));
    }

    /** Ends a node at the byte before the current index. */
    private void close(Node n) {
        int line = lineOf(i);
        n.endLine = line + lineBase;
        n.endColumn = Math.max(1, columnOf(i, line));
    }

    // ---- errors -----------------------------------------------------------------------------------------------

    private static String pointer(Node parent, String seg) {
        if (parent == null) {
            return seg == null ? "" : "/" + Node.escape(seg);
        }
        return seg == null ? parent.pointer() : parent.pointer() + "/" + Node.escape(seg);
    }

    /** Records the decode's error: serde's position is the index {@code at}; the token started at {@code start}. */
    /** The value being read by a scalar reader, for the pointer of its errors (computed only on an error). */
    private Node ctxParent;
    private String ctxSeg;

    /** A pointer computed when an error needs it: the value {@link #ctxParent}/{@link #ctxSeg} names. */
    private String lazyPointer(Node parent, String seg) {
        ctxParent = parent;
        ctxSeg = seg;
        return null;
    }

    private Fail fail(String rule, int start, int at, String pointer, String message, String hint) {
        if (pointer == null) {
            pointer = pointer(ctxParent, ctxSeg);
        }
        if (encodingHint != null && at - base <= 4 && (rule.equals("syntax-error") || rule.equals("invalid-type"))) {
            rule = "encoding";
            hint = encodingHint;
        }
        if (!quiet) {
            int endLine = lineOf(at);
            int endColumn = columnOf(at, endLine);
            int s = Math.min(start, Math.max(at - 1, base));
            int startLine = lineOf(s + 1);
            int startColumn = columnOf(s + 1, startLine);
            if (at <= base || start >= at) {
                startLine = endLine;
                startColumn = endColumn;
            }
            out.add(Severity.ERROR, rule, startLine + lineBase, startColumn, endLine + lineBase, endColumn, pointer,
                    message, hint);
        }
        return new Fail();
    }

    /** serde_json's {@code error}: at the last byte read. */
    private Fail error(String code, String ptr) {
        return fail(rule(code), i - 1, i, ptr, code, null);
    }

    /** serde_json's {@code peek_error}: at the next byte. */
    private Fail peekError(String code, String ptr) {
        return fail(rule(code), i, Math.min(end, i + 1), ptr, code, null);
    }

    private static String rule(String code) {
        return switch (code) {
            case TRAILING_CHARACTERS -> "trailing-characters";
            case RECURSION -> "recursion-limit";
            case INVALID_UNICODE, LONE_SURROGATE, END_OF_HEX_ESCAPE -> "invalid-unicode";
            case NUMBER_OUT_OF_RANGE -> "number-out-of-range";
            default -> "syntax-error";
        };
    }

    static final String EOF_LIST = "EOF while parsing a list";
    static final String EOF_OBJECT = "EOF while parsing an object";
    static final String EOF_STRING = "EOF while parsing a string";
    static final String EOF_VALUE = "EOF while parsing a value";
    static final String EXPECTED_COLON = "expected `:`";
    static final String EXPECTED_LIST_COMMA = "expected `,` or `]`";
    static final String EXPECTED_OBJECT_COMMA = "expected `,` or `}`";
    static final String EXPECTED_IDENT = "expected ident";
    static final String EXPECTED_VALUE = "expected value";
    static final String INVALID_ESCAPE = "invalid escape";
    static final String INVALID_NUMBER = "invalid number";
    static final String NUMBER_OUT_OF_RANGE = "number out of range";
    static final String INVALID_UNICODE = "invalid unicode code point";
    static final String CONTROL = "control character (\\u0000-\\u001F) found while parsing a string";
    static final String KEY_MUST_BE_STRING = "key must be a string";
    static final String LONE_SURROGATE = "lone leading surrogate in hex escape";
    static final String TRAILING_COMMA = "trailing comma";
    static final String TRAILING_CHARACTERS = "trailing characters";
    static final String END_OF_HEX_ESCAPE = "unexpected end of hex escape";
    static final String RECURSION = "recursion limit exceeded";

    /**
     * A visitor's error inside {@code visit_map}: serde_json fixes its position after {@code end_map} ran, which
     * skips whitespace and consumes a closing brace.
     */
    private int afterEndMap() {
        int j = i;
        while (j < end && isWs(b[j])) {
            j++;
        }
        return j < end && b[j] == '}' ? j + 1 : j;
    }

    /** Like {@link #afterEndMap()} for {@code visit_seq} and {@code end_seq} (which also eats a comma). */
    private int afterEndSeq() {
        int j = i;
        while (j < end && isWs(b[j])) {
            j++;
        }
        if (j < end && b[j] == ']') {
            return j + 1;
        }
        if (j < end && b[j] == ',') {
            j++;
            while (j < end && isWs(b[j])) {
                j++;
            }
        }
        return j;
    }

    private static boolean isWs(byte c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    // ---- reading (de.rs) --------------------------------------------------------------------------------------

    /** {@code parse_whitespace}: the next non-whitespace byte, not consumed, or -1 at the end. */
    private int ws() {
        while (i < end) {
            byte c = b[i];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                i++;
            } else {
                return c & 0xff;
            }
        }
        return -1;
    }

    private int peekOrNull() {
        return i < end ? b[i] & 0xff : 0;
    }

    /** {@code parse_ident}. */
    private void ident(String rest, String ptr) throws Fail {
        for (int k = 0; k < rest.length(); k++) {
            if (i >= end) {
                throw error(EOF_VALUE, ptr);
            }
            byte c = b[i++];
            if (c != rest.charAt(k)) {
                throw error(EXPECTED_IDENT, ptr);
            }
        }
    }

    /**
     * Decodes a whole document: one value of {@code root}, then only whitespace ({@code from_slice}).
     *
     * @return the root node, or null after an error (recorded)
     * @throws LimitReached when a pika limit was reached
     */
    Node document(Schema.Type root) throws LimitReached {
        try {
            Node n = value(root, null, null, false);
            if (ws() != -1) {
                throw peekError(TRAILING_CHARACTERS, "");
            }
            return n;
        } catch (Fail f) {
            return null;
        }
    }

    /** One value of {@code type} ({@code T::deserialize}); {@code option}: the field is an {@code Option<T>}. */
    private Node value(Schema.Type type, Node parent, String seg, boolean option) throws Fail, LimitReached {
        if (option) {
            // deserialize_option
            if (ws() == 'n') {
                int s = i;
                i++;
                ident("ull", pointer(parent, seg));
                Node n = node(Node.Kind.NULL, parent, seg, s);
                close(n);
                return n;
            }
        }
        if (type instanceof Schema.Obj obj) {
            return struct(obj, parent, seg);
        } else if (type instanceof Schema.Str) {
            return string(parent, seg);
        } else if (type instanceof Schema.Enum en) {
            return enumeration(en, parent, seg);
        } else if (type instanceof Schema.Int it) {
            return integer(it, parent, seg);
        } else if (type instanceof Schema.Bool) {
            return bool(parent, seg);
        } else if (type instanceof Schema.Array arr) {
            return seq(arr, parent, seg);
        } else if (type instanceof Schema.MapOf map) {
            return map(map, parent, seg);
        } else {
            ws();
            Node n = node(Node.Kind.UNRETAINED, parent, seg, Math.min(i, end - 1));
            any(pointer(parent, seg));
            close(n);
            return n;
        }
    }

    private Fail eofValue(Node parent, String seg) {
        return peekError(EOF_VALUE, pointer(parent, seg));
    }

    /** serde's custom error, positioned by {@code fix_position} at {@code at}. */
    private Fail custom(String rule, int start, int at, Node parent, String seg, String message, String hint) {
        return fail(rule, start, at, pointer(parent, seg), message, hint);
    }

    /** {@code peek_invalid_type}: reads the value that is there and reports it as the wrong type. */
    private Fail invalidType(String expected, Node parent, String seg) throws Fail {
        String ptr = pointer(parent, seg);
        int s = i;
        int c = peekOrNull();
        String unexpected;
        switch (c) {
            case 'n' -> {
                i++;
                ident("ull", ptr);
                unexpected = "null";
            }
            case 't' -> {
                i++;
                ident("rue", ptr);
                unexpected = "boolean `true`";
            }
            case 'f' -> {
                i++;
                ident("alse", ptr);
                unexpected = "boolean `false`";
            }
            case '-' -> {
                i++;
                unexpected = parseInteger(false, ptr).unexpected();
            }
            case '"' -> {
                i++;
                unexpected = "string " + JsonText.quote(parseStr(ptr));
            }
            case '[' -> unexpected = "sequence";
            case '{' -> unexpected = "map";
            default -> {
                if (c >= '0' && c <= '9') {
                    unexpected = parseInteger(true, ptr).unexpected();
                } else {
                    throw peekError(EXPECTED_VALUE, ptr);
                }
            }
        }
        return custom("invalid-type", s, i, parent, seg, "invalid type: " + unexpected + ", expected " + expected,
                null);
    }

    private void enter(String ptr) throws Fail {
        if (--remaining == 0) {
            throw peekError(RECURSION, ptr);
        }
    }

    // ---- strings (read.rs: parse_str, ignore_str, parse_escape) -----------------------------------------------

    private static boolean escape(byte c) {
        return c == '"' || c == '\\' || (c >= 0 && c < 0x20);
    }

    /** {@code parse_str} after the opening quote: the string, with UTF-8 checked (from_slice). */
    private String parseStr(String ptr) throws Fail {
        int start = i;
        byte[] scratch = null;
        int slen = 0;
        while (true) {
            while (i < end && !escape(b[i])) {
                i++;
            }
            if (i == end) {
                throw error(EOF_STRING, ptr);
            }
            byte c = b[i];
            if (c == '"') {
                String s;
                lastWasPlain = scratch == null;
                if (scratch == null) {
                    i++;
                    if (!utf8Checked && !Utf8.valid(b, start, i - 1)) {
                        throw error(INVALID_UNICODE, ptr);
                    }
                    s = lazyPlain ? null : new String(b, start, i - 1 - start, StandardCharsets.UTF_8);
                } else {
                    int n = i - start;
                    scratch = grow(scratch, slen + n);
                    System.arraycopy(b, start, scratch, slen, n);
                    slen += n;
                    i++;
                    if (!utf8Checked && !Utf8.valid(scratch, 0, slen)) {
                        throw error(INVALID_UNICODE, ptr);
                    }
                    s = new String(scratch, 0, slen, StandardCharsets.UTF_8);
                }
                return s;
            } else if (c == '\\') {
                int n = i - start;
                scratch = grow(scratch, slen + n + 4);
                System.arraycopy(b, start, scratch, slen, n);
                slen += n;
                i++;
                slen = parseEscape(scratch, slen, ptr);
                scratch = this.escBuf;
                start = i;
            } else {
                i++;
                throw error(CONTROL, ptr);
            }
        }
    }

    private byte[] escBuf;
    /** Whether the last {@link #parseStr} had no escapes (its text is the bytes between the quotes). */
    private boolean lastWasPlain;
    /** When set, {@link #parseStr} returns null for a string without escapes (the caller keeps the bytes). */
    private boolean lazyPlain;

    private static byte[] grow(byte[] a, int need) {
        if (a == null) {
            return new byte[Math.max(32, need * 2)];
        }
        return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
    }

    /** {@code parse_escape} with validation; appends to {@code scratch} (left in {@link #escBuf}). */
    private int parseEscape(byte[] scratch, int slen, String ptr) throws Fail {
        if (i >= end) {
            throw error(EOF_STRING, ptr);
        }
        byte ch = b[i++];
        scratch = grow(scratch, slen + 4);
        switch (ch) {
            case '"', '\\', '/' -> scratch[slen++] = ch;
            case 'b' -> scratch[slen++] = 8;
            case 'f' -> scratch[slen++] = 12;
            case 'n' -> scratch[slen++] = '\n';
            case 'r' -> scratch[slen++] = '\r';
            case 't' -> scratch[slen++] = '\t';
            case 'u' -> {
                int n = hexEscape(ptr);
                int cp;
                if (n >= 0xDC00 && n <= 0xDFFF) {
                    throw error(LONE_SURROGATE, ptr);
                } else if (n >= 0xD800 && n <= 0xDBFF) {
                    if (i >= end) {
                        throw error(EOF_STRING, ptr);
                    }
                    if (b[i] == '\\') {
                        i++;
                    } else {
                        i++;
                        throw error(END_OF_HEX_ESCAPE, ptr);
                    }
                    if (i >= end) {
                        throw error(EOF_STRING, ptr);
                    }
                    if (b[i] == 'u') {
                        i++;
                    } else {
                        i++;
                        throw error(END_OF_HEX_ESCAPE, ptr);
                    }
                    int n2 = hexEscape(ptr);
                    if (n2 < 0xDC00 || n2 > 0xDFFF) {
                        throw error(LONE_SURROGATE, ptr);
                    }
                    cp = ((n - 0xD800) << 10 | (n2 - 0xDC00)) + 0x10000;
                } else {
                    cp = n;
                }
                byte[] enc = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(enc, 0, scratch, slen, enc.length);
                slen += enc.length;
            }
            default -> throw error(INVALID_ESCAPE, ptr);
        }
        this.escBuf = scratch;
        return slen;
    }

    /** {@code decode_hex_escape}. */
    private int hexEscape(String ptr) throws Fail {
        if (i + 4 > end) {
            i = end;
            throw error(EOF_STRING, ptr);
        }
        int n = 0;
        for (int k = 0; k < 4; k++) {
            int v = hex(b[i]);
            i++;
            if (v < 0) {
                throw error(INVALID_ESCAPE, ptr);
            }
            n = (n << 4) + v;
        }
        return n;
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** What {@code ignore_str} skipped that a kept string would reject, for lint; null when nothing. */
    private String oddIgnored;

    /** {@code ignore_str} after the opening quote. */
    private void ignoreStr(String ptr) throws Fail {
        int start = i;
        while (true) {
            while (i < end && !escape(b[i])) {
                i++;
            }
            if (i == end) {
                throw error(EOF_STRING, ptr);
            }
            byte c = b[i];
            if (c == '"') {
                i++;
                if (oddIgnored == null && !utf8Checked && !Utf8.valid(b, start, i - 1)) {
                    oddIgnored = "bytes that are not UTF-8";
                }
                return;
            } else if (c == '\\') {
                i++;
                if (i >= end) {
                    throw error(EOF_STRING, ptr);
                }
                byte ch = b[i++];
                switch (ch) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                    }
                    case 'u' -> {
                        int n = hexEscape(ptr);
                        if (oddIgnored == null && n >= 0xD800 && n <= 0xDFFF) {
                            boolean paired = n <= 0xDBFF && i + 6 <= end && b[i] == '\\' && b[i + 1] == 'u'
                                    && isLowSurrogateHex(i + 2);
                            if (!paired && !(n >= 0xDC00 && precededByHigh(i - 6))) {
                                oddIgnored = String.format("a lone surrogate escape \\u%04x", n);
                            }
                        }
                    }
                    default -> throw error(INVALID_ESCAPE, ptr);
                }
            } else {
                throw error(CONTROL, ptr);
            }
        }
    }

    private boolean isLowSurrogateHex(int at) {
        int n = 0;
        for (int k = 0; k < 4; k++) {
            int v = hex(b[at + k]);
            if (v < 0) {
                return false;
            }
            n = (n << 4) + v;
        }
        return n >= 0xDC00 && n <= 0xDFFF;
    }

    private boolean precededByHigh(int escStart) {
        int at = escStart - 6;
        if (at < base || b[at] != '\\' || b[at + 1] != 'u') {
            return false;
        }
        int n = 0;
        for (int k = 0; k < 4; k++) {
            int v = hex(b[at + 2 + k]);
            if (v < 0) {
                return false;
            }
            n = (n << 4) + v;
        }
        return n >= 0xD800 && n <= 0xDBFF;
    }

    // ---- numbers (de.rs: parse_integer and friends, without float_roundtrip) ---------------------------------

    /** serde_json's {@code ParserNumber}. */
    private record Num(int kind, long bits, double f) {
        static final int U64 = 0;
        static final int I64 = 1;
        static final int F64 = 2;

        String unexpected() {
            return switch (kind) {
                case U64 -> "integer `" + Long.toUnsignedString(bits) + "`";
                case I64 -> "integer `" + bits + "`";
                default -> "floating point `" + rustFloat(f) + "`";
            };
        }

        /** @return whether this integer is {@link #bits} as a signed long: an i64, or a u64 below 2^63 */
        boolean fitsLong() {
            return kind != U64 || bits >= 0;
        }

        BigInteger integer() {
            // no decimal round trip for a long (the event hot path)
            return fitsLong() ? BigInteger.valueOf(bits) : new BigInteger(Long.toUnsignedString(bits));
        }
    }

    /**
     * An f64 as serde's {@code Unexpected::Float} shows it in the reference (Rust's {@code Display} with a decimal
     * point kept: {@code 1.0}, {@code -0.0}, {@code 18446744073709552000.0}).
     */
    static String rustFloat(double f) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            return Double.toString(f);
        }
        if (f == 0) {
            return (1 / f < 0) ? "-0.0" : "0.0";
        }
        String s = new java.math.BigDecimal(Double.toString(f)).stripTrailingZeros().toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }

    private static final long U64_MAX_DIV_10 = Long.divideUnsigned(-1L, 10);
    private static final long U64_MAX_REM_10 = Long.remainderUnsigned(-1L, 10);

    private static boolean overflowU64(long a, long digit) {
        int cmp = Long.compareUnsigned(a, U64_MAX_DIV_10);
        return cmp >= 0 && (cmp > 0 || digit > U64_MAX_REM_10);
    }

    private static boolean overflowI32(int a, int digit) {
        return a >= Integer.MAX_VALUE / 10 && (a > Integer.MAX_VALUE / 10 || digit > Integer.MAX_VALUE % 10);
    }

    private static double u64ToDouble(long s) {
        if (s >= 0) {
            return (double) s;
        }
        return ((double) ((s >>> 1) | (s & 1))) * 2.0;
    }

    /** {@code parse_integer} (after a '-' when {@code !positive}). */
    private Num parseInteger(boolean positive, String ptr) throws Fail {
        if (i >= end) {
            throw error(EOF_VALUE, ptr);
        }
        int next = b[i++] & 0xff;
        if (next == '0') {
            int p = peekOrNull();
            if (p >= '0' && p <= '9') {
                throw peekError(INVALID_NUMBER, ptr);
            }
            return parseNumber(positive, 0, ptr);
        } else if (next >= '1' && next <= '9') {
            long significand = next - '0';
            while (true) {
                int c = peekOrNull();
                if (c >= '0' && c <= '9') {
                    long digit = c - '0';
                    if (overflowU64(significand, digit)) {
                        return new Num(Num.F64, 0, parseLongInteger(positive, significand, ptr));
                    }
                    i++;
                    significand = significand * 10 + digit;
                } else {
                    return parseNumber(positive, significand, ptr);
                }
            }
        } else {
            throw error(INVALID_NUMBER, ptr);
        }
    }

    private Num parseNumber(boolean positive, long significand, String ptr) throws Fail {
        int c = peekOrNull();
        if (c == '.') {
            return new Num(Num.F64, 0, parseDecimal(positive, significand, 0, ptr));
        } else if (c == 'e' || c == 'E') {
            return new Num(Num.F64, 0, parseExponent(positive, significand, 0, ptr));
        } else if (positive) {
            return new Num(Num.U64, significand, 0);
        } else {
            long neg = -significand;
            if (neg >= 0) {
                return new Num(Num.F64, 0, -u64ToDouble(significand));
            }
            return new Num(Num.I64, neg, 0);
        }
    }

    private double parseDecimal(boolean positive, long significand, int exponent, String ptr) throws Fail {
        i++;
        while (true) {
            int c = peekOrNull();
            if (c < '0' || c > '9') {
                break;
            }
            long digit = c - '0';
            if (overflowU64(significand, digit)) {
                return parseDecimalOverflow(positive, significand, exponent, ptr);
            }
            i++;
            significand = significand * 10 + digit;
            exponent -= 1;
        }
        if (exponent == 0) {
            if (i < end) {
                throw peekError(INVALID_NUMBER, ptr);
            }
            throw peekError(EOF_VALUE, ptr);
        }
        int c = peekOrNull();
        if (c == 'e' || c == 'E') {
            return parseExponent(positive, significand, exponent, ptr);
        }
        return f64FromParts(positive, significand, exponent, ptr);
    }

    private double parseExponent(boolean positive, long significand, int startingExp, String ptr) throws Fail {
        i++;
        boolean positiveExp = true;
        int c = peekOrNull();
        if (c == '+') {
            i++;
        } else if (c == '-') {
            i++;
            positiveExp = false;
        }
        if (i >= end) {
            throw error(EOF_VALUE, ptr);
        }
        int next = b[i++] & 0xff;
        if (next < '0' || next > '9') {
            throw error(INVALID_NUMBER, ptr);
        }
        int exp = next - '0';
        while (true) {
            c = peekOrNull();
            if (c < '0' || c > '9') {
                break;
            }
            i++;
            int digit = c - '0';
            if (overflowI32(exp, digit)) {
                return parseExponentOverflow(positive, significand == 0, positiveExp, ptr);
            }
            exp = exp * 10 + digit;
        }
        int finalExp;
        if (positiveExp) {
            long v = (long) startingExp + exp;
            finalExp = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        } else {
            long v = (long) startingExp - exp;
            finalExp = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        return f64FromParts(positive, significand, finalExp, ptr);
    }

    private double f64FromParts(boolean positive, long significand, int exponent, String ptr) throws Fail {
        double f = u64ToDouble(significand);
        while (true) {
            int abs = exponent == Integer.MIN_VALUE ? -1 : Math.abs(exponent);
            if (abs >= 0 && abs < Pow10.TABLE.length) {
                if (exponent >= 0) {
                    f *= Pow10.TABLE[abs];
                    if (Double.isInfinite(f)) {
                        throw error(NUMBER_OUT_OF_RANGE, ptr);
                    }
                } else {
                    f /= Pow10.TABLE[abs];
                }
                break;
            }
            if (f == 0.0) {
                break;
            }
            if (exponent >= 0) {
                throw error(NUMBER_OUT_OF_RANGE, ptr);
            }
            f /= 1e308;
            exponent += 308;
        }
        return positive ? f : -f;
    }

    private double parseLongInteger(boolean positive, long significand, String ptr) throws Fail {
        int exponent = 0;
        while (true) {
            int c = peekOrNull();
            if (c >= '0' && c <= '9') {
                i++;
                exponent += 1;
            } else if (c == '.') {
                return parseDecimal(positive, significand, exponent, ptr);
            } else if (c == 'e' || c == 'E') {
                return parseExponent(positive, significand, exponent, ptr);
            } else {
                return f64FromParts(positive, significand, exponent, ptr);
            }
        }
    }

    private double parseDecimalOverflow(boolean positive, long significand, int exponent, String ptr) throws Fail {
        while (true) {
            int c = peekOrNull();
            if (c < '0' || c > '9') {
                break;
            }
            i++;
        }
        int c = peekOrNull();
        if (c == 'e' || c == 'E') {
            return parseExponent(positive, significand, exponent, ptr);
        }
        return f64FromParts(positive, significand, exponent, ptr);
    }

    private double parseExponentOverflow(boolean positive, boolean zeroSignificand, boolean positiveExp, String ptr)
            throws Fail {
        if (!zeroSignificand && positiveExp) {
            throw error(NUMBER_OUT_OF_RANGE, ptr);
        }
        while (true) {
            int c = peekOrNull();
            if (c < '0' || c > '9') {
                break;
            }
            i++;
        }
        return positive ? 0.0 : -0.0;
    }

    /** {@code ignore_integer} and the rest. */
    private void ignoreInteger(String ptr) throws Fail {
        int c = i < end ? b[i++] & 0xff : 0;
        if (c == '0') {
            int p = peekOrNull();
            if (p >= '0' && p <= '9') {
                throw peekError(INVALID_NUMBER, ptr);
            }
        } else if (c >= '1' && c <= '9') {
            while (peekOrNull() >= '0' && peekOrNull() <= '9') {
                i++;
            }
        } else {
            throw error(INVALID_NUMBER, ptr);
        }
        int p = peekOrNull();
        if (p == '.') {
            i++;
            boolean digit = false;
            while (peekOrNull() >= '0' && peekOrNull() <= '9') {
                i++;
                digit = true;
            }
            if (!digit) {
                throw peekError(INVALID_NUMBER, ptr);
            }
            p = peekOrNull();
        }
        if (p == 'e' || p == 'E') {
            i++;
            int s = peekOrNull();
            if (s == '+' || s == '-') {
                i++;
            }
            int d = i < end ? b[i++] & 0xff : 0;
            if (d < '0' || d > '9') {
                throw error(INVALID_NUMBER, ptr);
            }
            while (peekOrNull() >= '0' && peekOrNull() <= '9') {
                i++;
            }
        }
    }

    // ---- values -------------------------------------------------------------------------------------------------

    private Node string(Node parent, String seg) throws Fail, LimitReached {
        int c = ws();
        if (c < 0) {
            throw eofValue(parent, seg);
        }
        if (c != '"') {
            throw invalidType("a string", parent, seg);
        }
        Node n = node(Node.Kind.STRING, parent, seg, i);
        i++;
        int from = i;
        lazyPlain = true;
        String s;
        try {
            s = parseStr(lazyPointer(parent, seg));
        } finally {
            lazyPlain = false;
        }
        if (lastWasPlain) {
            n.setText(b, from, i - 1 - from);
        } else {
            n.setText(s);
        }
        close(n);
        return n;
    }

    private Node bool(Node parent, String seg) throws Fail, LimitReached {
        int c = ws();
        if (c < 0) {
            throw eofValue(parent, seg);
        }
        if (c != 't' && c != 'f') {
            throw invalidType("a boolean", parent, seg);
        }
        Node n = node(Node.Kind.BOOLEAN, parent, seg, i);
        i++;
        ident(c == 't' ? "rue" : "alse", lazyPointer(parent, seg));
        n.setBool(c == 't');
        close(n);
        return n;
    }

    /** {@code deserialize_number} with the primitive visitor's range checks. */
    private Node integer(Schema.Int it, Node parent, String seg) throws Fail, LimitReached {
        int c = ws();
        if (c < 0) {
            throw eofValue(parent, seg);
        }
        String ptr = lazyPointer(parent, seg);
        int s = i;
        Num num;
        if (c == '-') {
            i++;
            num = parseInteger(false, ptr);
        } else if (c >= '0' && c <= '9') {
            num = parseInteger(true, ptr);
        } else {
            throw invalidType(it.name(), parent, seg);
        }
        if (num.kind() == Num.F64) {
            throw custom("invalid-type", s, i, parent, seg, "invalid type: " + num.unexpected() + ", expected "
                    + it.name(), null);
        }
        if (!inRange(num, it)) {
            throw custom("integer-out-of-range", s, i, parent, seg, "invalid value: " + num.unexpected()
                    + ", expected " + it.name(), null);
        }
        Node n = node(Node.Kind.INTEGER, parent, seg, s);
        if (num.fitsLong()) {
            n.setInteger(num.bits());
        } else {
            n.setInteger(num.integer());
        }
        close(n);
        return n;
    }

    /** Whether an integer {@code num} is within {@code it}'s range, without a BigInteger when it fits a long. */
    private static boolean inRange(Num num, Schema.Int it) {
        if (!num.fitsLong()) {
            BigInteger v = num.integer();
            return v.compareTo(it.min()) >= 0 && v.compareTo(it.max()) <= 0;
        }
        long v = num.bits();
        // a Rust integer type's minimum fits a long; a maximum of 2^63 or more is above every long
        return v >= it.min().longValue() && (it.max().bitLength() >= 64 || v <= it.max().longValue());
    }

    /** {@code deserialize_enum} of a derived unit-variant enum: {@code "variant"} or {@code {"variant": null}}. */
    private Node enumeration(Schema.Enum en, Node parent, String seg) throws Fail, LimitReached {
        int c = ws();
        String ptr = c == '"' ? lazyPointer(parent, seg) : pointer(parent, seg);
        if (c == '"') {
            Node n = node(Node.Kind.STRING, parent, seg, i);
            i++;
            Known variants = known(en);
            int k = matchKnown(variants);
            String v = k >= 0 ? variants.names[k] : parseStr(ptr);
            close(n);
            if (k < 0) {
                variant(en, v, i, parent, seg, n);
            }
            n.setText(v);
            return n;
        }
        if (c == '{') {
            int s = i;
            enter(ptr);
            i++;
            int k = ws();
            if (k < 0) {
                throw eofValue(parent, seg);
            }
            if (k != '"') {
                throw invalidType("variant identifier", parent, seg);
            }
            Node n = node(Node.Kind.STRING, parent, seg, s);
            i++;
            String v = parseStr(ptr);
            variant(en, v, i, parent, seg, n);
            colon(ptr);
            int u = ws();
            if (u < 0) {
                throw eofValue(parent, seg);
            }
            if (u != 'n') {
                throw invalidType("unit", parent, seg);
            }
            i++;
            ident("ull", ptr);
            remaining++;
            int e = ws();
            if (e == '}') {
                i++;
            } else if (e >= 0) {
                throw error(EXPECTED_VALUE, ptr);
            } else {
                throw error(EOF_OBJECT, ptr);
            }
            close(n);
            n.setText(v);
            lint("enum-map-form", n, "`{\"" + v + "\": null}` is the map form of the " + en.name() + " variant `"
                    + v + "`: the reference decoder accepts it, writers write the string", "write \"" + v + "\"");
            return n;
        }
        if (c < 0) {
            throw eofValue(parent, seg);
        }
        // serde_json's deserialize_enum says only "expected value" here; the hint says what was meant
        throw fail("invalid-type", i, Math.min(end, i + 1), ptr, EXPECTED_VALUE, "a " + en.name() + " is a string, "
                + "one of " + en.variantList());
    }

    private void variant(Schema.Enum en, String v, int at, Node parent, String seg, Node n) throws Fail {
        if (!en.variants().contains(v)) {
            List<String> vs = en.variants();
            String expected = vs.size() == 1 ? "`" + vs.get(0) + "`"
                    : vs.size() == 2 ? "`" + vs.get(0) + "` or `" + vs.get(1) + "`" : "one of " + en.variantList();
            throw fail("unknown-variant", startIndex(n), at, pointer(parent, seg),
                    "unknown variant `" + v + "`, expected " + expected, en.renamed().get(v));
        }
    }

    /** The byte index a node started at (for finding starts). */
    private int startIndex(Node n) {
        int line = n.line - lineBase;
        int lineStart = line == 1 ? base : newlines[line - 2] + 1;
        return lineStart + n.column - 1;
    }

    private void lint(String rule, Node at, String message, String hint) {
        if (!quiet) {
            out.warning(rule, at, message, hint);
        }
    }

    /** {@code parse_object_colon}. */
    private void colon(String ptr) throws Fail {
        int c = ws();
        if (c == ':') {
            i++;
        } else if (c >= 0) {
            throw peekError(EXPECTED_COLON, ptr);
        } else {
            throw peekError(EOF_OBJECT, ptr);
        }
    }

    /** {@code end_seq}. */
    private void endSeq(String ptr) throws Fail {
        int c = ws();
        if (c == ']') {
            i++;
        } else if (c == ',') {
            i++;
            if (ws() == ']') {
                throw peekError(TRAILING_COMMA, ptr);
            }
            throw peekError(TRAILING_CHARACTERS, ptr);
        } else if (c >= 0) {
            throw peekError(TRAILING_CHARACTERS, ptr);
        } else {
            throw peekError(EOF_LIST, ptr);
        }
    }

    /** {@code end_map}. */
    private void endMap(String ptr) throws Fail {
        int c = ws();
        if (c == '}') {
            i++;
        } else if (c == ',') {
            throw peekError(TRAILING_COMMA, ptr);
        } else if (c >= 0) {
            throw peekError(TRAILING_CHARACTERS, ptr);
        } else {
            throw peekError(EOF_OBJECT, ptr);
        }
    }

    /** {@code SeqAccess::next_element}: true when an element follows (whitespace skipped). */
    private boolean nextElement(boolean[] first, String ptr) throws Fail {
        int c = ws();
        if (c == ']') {
            return false;
        }
        if (c == ',' && !first[0]) {
            i++;
            c = ws();
        } else if (c < 0) {
            throw peekError(EOF_LIST, ptr);
        } else if (first[0]) {
            first[0] = false;
        } else {
            throw peekError(EXPECTED_LIST_COMMA, ptr);
        }
        if (c == ']') {
            throw peekError(TRAILING_COMMA, ptr);
        }
        if (c < 0) {
            throw peekError(EOF_VALUE, ptr);
        }
        return true;
    }

    /** {@code MapAccess::next_key}: the key (UTF-8 checked), or null at the closing brace (not consumed). */
    private String nextKey(boolean[] first, String ptr) throws Fail {
        return nextKey(first, ptr, null);
    }

    /**
     * The names a key or a variant is matched against without decoding it, computed once per struct or enum type:
     * a struct's JSON names (fields, then each field's aliases) with the field each one names, its fields' bits
     * (declaration order) and the bits of its required fields; an enum's variants.
     */
    private static final class Known {
        final String[] names;
        final byte[][] bytes;
        final Schema.Field[] fields;
        final long[] bits;
        final long required;

        Known(List<String> names, List<Schema.Field> fields, List<Long> bits, long required) {
            this.names = names.toArray(new String[0]);
            this.bytes = new byte[this.names.length][];
            for (int k = 0; k < this.names.length; k++) {
                bytes[k] = this.names[k].getBytes(StandardCharsets.UTF_8);
            }
            this.fields = fields == null ? null : fields.toArray(new Schema.Field[0]);
            this.bits = new long[this.names.length];
            for (int k = 0; bits != null && k < this.names.length; k++) {
                this.bits[k] = bits.get(k);
            }
            this.required = required;
        }

        static Known of(Schema.Obj obj) {
            if (obj.fields().size() > 64) {
                throw new IllegalArgumentException(obj.name() + " has more than 64 fields");
            }
            List<String> names = new ArrayList<>();
            List<Schema.Field> fields = new ArrayList<>();
            List<Long> bits = new ArrayList<>();
            long required = 0;
            int k = 0;
            for (Schema.Field f : obj.fields().values()) {
                long bit = 1L << k++;
                names.add(f.name());
                fields.add(f);
                bits.add(bit);
                if (f.presence() == Schema.Presence.REQUIRED) {
                    required |= bit;
                }
            }
            k = 0;
            for (Schema.Field f : obj.fields().values()) {
                long bit = 1L << k++;
                for (String alias : f.aliases()) {
                    names.add(alias);
                    fields.add(f);
                    bits.add(bit);
                }
            }
            return new Known(names, fields, bits, required);
        }

        /** @return the index of {@code name}, or -1 */
        int indexOf(String name) {
            for (int k = 0; k < names.length; k++) {
                if (names[k].equals(name)) {
                    return k;
                }
            }
            return -1;
        }
    }

    /**
     * Known names per struct and enum type, by identity: copied on write, so that a lookup (once per decoded
     * object, many times per second in an event stream) takes no lock.
     */
    private static volatile java.util.IdentityHashMap<Object, Known> knownByType = new java.util.IdentityHashMap<>();

    private static Known known(Object type) {
        Known k = knownByType.get(type);
        if (k == null) {
            synchronized (Decoder.class) {
                k = knownByType.get(type);
                if (k == null) {
                    k = type instanceof Schema.Obj obj ? Known.of(obj)
                            : new Known(((Schema.Enum) type).variants(), null, null, 0);
                    java.util.IdentityHashMap<Object, Known> next = new java.util.IdentityHashMap<>(knownByType);
                    next.put(type, k);
                    knownByType = next;
                }
            }
        }
        return k;
    }

    /**
     * A key or variant that is one of {@code known}, written without escapes: consumed (closing quote included),
     * with no decoding or allocation. Its bytes equal a name's UTF-8 bytes, so they are valid UTF-8.
     *
     * @return the name's index in {@code known}, or -1 (nothing consumed)
     */
    private int matchKnown(Known known) {
        int j = i;
        while (j < end) {
            byte c = b[j];
            if (c == '"') {
                break;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                return -1;
            }
            j++;
        }
        if (j >= end) {
            return -1;
        }
        int len = j - i;
        byte[][] bytes = known.bytes;
        for (int k = 0; k < bytes.length; k++) {
            byte[] name = bytes[k];
            if (name.length == len && Arrays.equals(b, i, j, name, 0, len)) {
                i = j + 1;
                return k;
            }
        }
        return -1;
    }

    /** Where the last key read by {@link #nextKey} started (its opening quote). */
    private int keyStart;

    /** The index in the {@link Known} names of the last key {@link #nextKey} matched without decoding, or -1. */
    private int lastKnown;

    private String nextKey(boolean[] first, String ptr, Known known) throws Fail {
        int c = ws();
        if (c == '}') {
            return null;
        }
        if (c == ',' && !first[0]) {
            i++;
            c = ws();
        } else if (c < 0) {
            throw peekError(EOF_OBJECT, ptr);
        } else if (first[0]) {
            first[0] = false;
        } else {
            throw peekError(EXPECTED_OBJECT_COMMA, ptr);
        }
        if (c == '"') {
            keyStart = i;
            i++;
            lastKnown = -1;
            if (known != null) {
                int k = matchKnown(known);
                if (k >= 0) {
                    lastKnown = k;
                    return known.names[k];
                }
            }
            return parseStr(ptr);
        }
        if (c == '}') {
            throw peekError(TRAILING_COMMA, ptr);
        }
        if (c < 0) {
            throw peekError(EOF_VALUE, ptr);
        }
        throw peekError(KEY_MUST_BE_STRING, ptr);
    }

    private Node seq(Schema.Array arr, Node parent, String seg) throws Fail, LimitReached {
        int c = ws();
        if (c < 0) {
            throw eofValue(parent, seg);
        }
        if (c != '[') {
            throw invalidType("a sequence", parent, seg);
        }
        String ptr = pointer(parent, seg);
        Node n = node(Node.Kind.ARRAY, parent, seg, i);
        enter(ptr);
        i++;
        boolean[] first = {true};
        int k = 0;
        while (nextElement(first, ptr)) {
            n.addItem(value(arr.element(), n, Integer.toString(k++), false));
        }
        remaining++;
        endSeq(ptr);
        close(n);
        return n;
    }

    private Node map(Schema.MapOf map, Node parent, String seg) throws Fail, LimitReached {
        int c = ws();
        if (c < 0) {
            throw eofValue(parent, seg);
        }
        if (c != '{') {
            throw invalidType("a map", parent, seg);
        }
        String ptr = pointer(parent, seg);
        Node n = node(Node.Kind.OBJECT, parent, seg, i);
        enter(ptr);
        i++;
        boolean[] first = {true};
        String key;
        while (true) {
            int ks = i;
            key = nextKey(first, ptr);
            if (key == null) {
                break;
            }
            Node.Location loc = keyLocation(ks);
            colon(ptr);
            n.putField(key, value(map.value(), n, key, false), loc);
        }
        remaining++;
        endMap(ptr);
        close(n);
        return n;
    }

    private int quoteFrom(int searchFrom) {
        return keyStart >= searchFrom ? keyStart : searchFrom;
    }

    /** The location of the key that ended at the current index (its quotes included). */
    private Node.Location keyLocation(int searchFrom) {
        return keyLocation(quoteFrom(searchFrom), i);
    }

    /** The location of the key from its opening quote to the byte before {@code keyEnd}. */
    private Node.Location keyLocation(int quote, int keyEnd) {
        int l1 = lineOf(quote + 1);
        int l2 = lineOf(keyEnd);
        return new Node.Location(l1 + lineBase, columnOf(quote + 1, l1), l2 + lineBase,
                Math.max(1, columnOf(keyEnd, l2)));
    }

    /** {@link Node#putField} with the key's location from its opening quote to the byte before {@code keyEnd}. */
    private void putKey(Node n, String name, Node value, int quote, int keyEnd) {
        int l1 = lineOf(quote + 1);
        int l2 = lineOf(keyEnd);
        n.putField(name, value, l1 + lineBase, columnOf(quote + 1, l1), l2 + lineBase,
                Math.max(1, columnOf(keyEnd, l2)));
    }

    /** {@code deserialize_struct} of a derived struct (object or positional array). */
    private Node struct(Schema.Obj obj, Node parent, String seg) throws Fail, LimitReached {
        int c = ws();
        if (c < 0) {
            throw eofValue(parent, seg);
        }
        String ptr = pointer(parent, seg);
        Set<String> flattened = obj == Schemas.RUNTIME_PATHS ? FLATTENED_PATHS : null;
        if (c == '[' && flattened == null) {
            Node n = node(Node.Kind.OBJECT, parent, seg, i);
            enter(ptr);
            i++;
            positional(obj, n, ptr);
            remaining++;
            endSeq(ptr);
            close(n);
            lint("positional-struct", n, obj.expected() + " written as an array of its " + obj.fields().size()
                    + " fields in order (serde's positional form): the reference decoder accepts it, writers "
                    + "write an object", "write a JSON object with the field names");
            return n;
        }
        if (c != '{') {
            throw invalidType(obj.expected(), parent, seg);
        }
        Node n = node(Node.Kind.OBJECT, parent, seg, i);
        enter(ptr);
        i++;
        if (flattened != null) {
            flattenedMap(obj, flattened, n, ptr);
        } else {
            fields(obj, n, ptr);
        }
        remaining++;
        endMap(ptr);
        close(n);
        return n;
    }

    private static boolean defaulted(Schema.Field f) {
        return f.presence() == Schema.Presence.DEFAULTED || f.presence() == Schema.Presence.OPTIONAL_DEFAULTED;
    }

    private static boolean option(Schema.Field f) {
        return f.presence() == Schema.Presence.OPTIONAL || f.presence() == Schema.Presence.OPTIONAL_DEFAULTED;
    }

    /** The derived {@code visit_seq}: every field in order; missing trailing defaulted fields take defaults. */
    private void positional(Schema.Obj obj, Node n, String ptr) throws Fail, LimitReached {
        boolean[] first = {true};
        int k = 0;
        for (Schema.Field f : obj.fields().values()) {
            if (!nextElement(first, ptr)) {
                if (defaulted(f)) {
                    k++;
                    continue;
                }
                throw fail("invalid-length", startIndex(n), afterEndSeq(), ptr, "invalid length " + k
                        + ", expected " + obj.expected() + " with " + obj.fields().size() + " elements", null);
            }
            int s = i;
            Node v = value(f.type(), n, Integer.toString(k), option(f));
            n.putField(f.name(), v, locationAt(s));
            k++;
        }
    }

    private Node.Location locationAt(int s) {
        int l = lineOf(s + 1);
        return new Node.Location(l + lineBase, columnOf(s + 1, l), l + lineBase, columnOf(s + 1, l));
    }

    /** The derived {@code visit_map}. */
    private void fields(Schema.Obj obj, Node n, String ptr) throws Fail, LimitReached {
        boolean[] first = {true};
        Known known = known(obj);
        long seen = 0;
        while (true) {
            int ks = i;
            String key = nextKey(first, ptr, known);
            if (key == null) {
                break;
            }
            int keyStart = quoteFrom(ks);
            int keyEnd = i;
            int index = lastKnown >= 0 ? lastKnown : known.indexOf(key);
            Schema.Field f = index < 0 ? null : known.fields[index];
            if (f == null) {
                Node.Location loc = keyLocation(keyStart, keyEnd);
                if (obj.denyUnknown()) {
                    String legacy = obj.legacy().get(key);
                    throw fail("unknown-field", keyStart, afterEndMap(), ptr + "/" + Node.escape(key),
                            "unknown field `" + key + "`, expected " + fieldList(obj),
                            legacy != null ? legacy : suggestion(obj, key));
                }
                colon(ptr);
                unknownField(obj, n, key, loc);
                continue;
            }
            long bit = known.bits[index];
            boolean again = (seen & bit) != 0;
            seen |= bit;
            if (again) {
                String via = f.name().equals(key) ? "" : " (`" + key + "` is an alias of `" + f.name() + "`)";
                throw fail("duplicate-field", keyStart, afterEndMap(), ptr + "/" + Node.escape(key),
                        "duplicate field `" + f.name() + "`" + via, null);
            }
            colon(ptr);
            putKey(n, f.name(), value(f.type(), n, key, option(f)), keyStart, keyEnd);
        }
        if ((seen & known.required) != known.required) {
            int k = 0;
            for (Schema.Field f : obj.fields().values()) {
                if ((known.required & ~seen & (1L << k++)) != 0) {
                    throw fail("missing-field", startIndex(n), afterEndMap(), ptr + "/" + Node.escape(f.name()),
                            "missing field `" + f.name() + "`", null);
                }
            }
        }
    }

    static String fieldList(Schema.Obj obj) {
        List<String> names = new ArrayList<>(obj.fields().keySet());
        if (names.isEmpty()) {
            return "there are no fields";
        }
        if (names.size() == 1) {
            return "`" + names.get(0) + "`";
        }
        if (names.size() == 2) {
            return "`" + names.get(0) + "` or `" + names.get(1) + "`";
        }
        return "one of " + obj.fieldList();
    }

    private static String suggestion(Schema.Obj obj, String name) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : obj.fields().keySet()) {
            int d = JsonText.distance(name.toLowerCase(java.util.Locale.ROOT), candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best == null ? null : "did you mean `" + best + "`?";
    }

    /** An ignored field's value: skipped ({@code ignore_value}); lint says what was ignored. */
    private void unknownField(Schema.Obj obj, Node n, String key, Node.Location loc) throws Fail, LimitReached {
        String ptr = n.pointer() + "/" + Node.escape(key);
        ws();
        int s = i;
        oddIgnored = null;
        ignoreValue(ptr);
        String legacyHint = obj.legacy().get(key);
        if (legacyHint != null) {
            out.add(Severity.WARNING, "legacy-field", loc.line(), loc.column(), loc.endLine(), loc.endColumn(), ptr,
                    "`" + key + "` was removed from " + obj.name() + "; the reference decoder ignores it",
                    legacyHint);
            n.putField(key, retained(s, i, n, key), loc);
        } else if (!obj.tolerated().contains(key)) {
            out.add(Severity.WARNING, "unknown-field", loc.line(), loc.column(), loc.endLine(), loc.endColumn(),
                    ptr, "unknown field `" + key + "` is ignored by the reference decoder (" + obj.name()
                            + " fields: " + obj.fieldList() + ")", suggestion(obj, key));
        }
        if (oddIgnored != null) {
            out.add(Severity.WARNING, "ignored-value", loc.line(), loc.column(), loc.endLine(), loc.endColumn(), ptr,
                    "the ignored value of `" + key + "` holds " + oddIgnored + ", which the reference decoder "
                            + "rejects wherever it keeps a value", null);
        }
    }

    /** Re-reads an ignored value loosely, keeping its strings (for legacy-field rules); never fails. */
    private Node retained(int s, int e, Node parent, String key) throws LimitReached {
        int saveI = i;
        int saveRemaining = remaining;
        boolean saveQuiet = quiet;
        i = s;
        remaining = Integer.MAX_VALUE;
        quiet = true;
        try {
            return retainedValue(parent, key);
        } catch (Fail f) {
            return null;
        } finally {
            i = e;
            remaining = saveRemaining;
            quiet = saveQuiet;
            if (saveI != e) {
                i = saveI;
            }
        }
    }

    private Node retainedValue(Node parent, String seg) throws Fail, LimitReached {
        int c = ws();
        if (c == '{') {
            Node n = node(Node.Kind.OBJECT, parent, seg, i);
            i++;
            boolean[] first = {true};
            while (true) {
                int ks = i;
                String key = nextKey(first, "");
                if (key == null) {
                    break;
                }
                Node.Location loc = keyLocation(ks);
                colon("");
                n.putField(key, retainedValue(n, key), loc);
            }
            endMap("");
            close(n);
            return n;
        }
        if (c == '"') {
            Node n = node(Node.Kind.STRING, parent, seg, i);
            i++;
            n.setText(parseStr(""));
            close(n);
            return n;
        }
        Node n = node(Node.Kind.UNRETAINED, parent, seg, i);
        ignoreValue("");
        close(n);
        return n;
    }

    /** A flattened struct ({@code RuntimePaths}): a map; other keys are buffered as {@code Content}. */
    private void flattenedMap(Schema.Obj obj, Set<String> flattened, Node n, String ptr)
            throws Fail, LimitReached {
        boolean[] first = {true};
        Known known = known(obj);
        java.util.HashSet<String> seen = new java.util.HashSet<>();
        List<Object[]> collected = new ArrayList<>();
        while (true) {
            int ks = i;
            String key = nextKey(first, ptr, known);
            if (key == null) {
                break;
            }
            Node.Location loc = keyLocation(ks);
            int keyStart = quoteFrom(ks);
            Schema.Field f = obj.field(key);
            if (f != null && !flattened.contains(f.name())) {
                if (!seen.add(f.name())) {
                    throw fail("duplicate-field", keyStart, afterEndMap(), ptr + "/" + Node.escape(key),
                            "duplicate field `" + f.name() + "`", null);
                }
                colon(ptr);
                n.putField(f.name(), value(f.type(), n, key, option(f)), loc);
                continue;
            }
            colon(ptr);
            ws();
            int vs = i;
            String[] unexpected = new String[1];
            Node v = content(n, key, unexpected);
            if (f == null && !obj.tolerated().contains(key)) {
                out.add(Severity.WARNING, "unknown-field", loc.line(), loc.column(), loc.endLine(),
                        loc.endColumn(), ptr + "/" + Node.escape(key), "unknown field `" + key
                                + "` is ignored by the reference decoder (" + obj.name() + " fields: "
                                + obj.fieldList() + ")", suggestion(obj, key));
            }
            collected.add(new Object[] {key, v, unexpected[0], loc, vs});
        }
        // FlatMapDeserializer: the flattened struct's own visit_map over the buffered entries, in order
        java.util.HashSet<String> flatSeen = new java.util.HashSet<>();
        for (Object[] e : collected) {
            String key = (String) e[0];
            if (!flattened.contains(key)) {
                continue;
            }
            if (!flatSeen.add(key)) {
                throw fail("duplicate-field", (Integer) e[4], afterEndMap(), ptr + "/" + Node.escape(key),
                        "duplicate field `" + key + "` (in the flattened " + FLATTENED_TYPE + ")", null);
            }
            if (e[2] != null) {
                throw fail("invalid-type", (Integer) e[4], afterEndMap(), ptr + "/" + Node.escape(key),
                        "invalid type: " + e[2] + ", expected a string", null);
            }
            n.putField(key, (Node) e[1], (Node.Location) e[3]);
        }
    }

    /**
     * A value buffered as serde's {@code Content} ({@code deserialize_any}): fully read and checked.
     *
     * @param unexpected set to serde's "unexpected" wording when the value is not a string
     * @return a string node, or an unretained node
     */
    private Node content(Node parent, String seg, String[] unexpected) throws Fail, LimitReached {
        int c = ws();
        String ptr = pointer(parent, seg);
        if (c == '"') {
            Node n = node(Node.Kind.STRING, parent, seg, i);
            i++;
            n.setText(parseStr(ptr));
            close(n);
            return n;
        }
        Node n = node(Node.Kind.UNRETAINED, parent, seg, Math.min(i, end));
        unexpected[0] = any(ptr);
        close(n);
        return n;
    }

    /**
     * {@code serde_json::Value} ({@code deserialize_any}): every string checked, numbers parsed, nesting counted
     * against the recursion limit.
     *
     * @return serde's "unexpected" wording for the value read
     */
    private String any(String ptr) throws Fail {
        int c = ws();
        if (c < 0) {
            throw peekError(EOF_VALUE, ptr);
        }
        switch (c) {
            case 'n' -> {
                i++;
                ident("ull", ptr);
                return "null";
            }
            case 't' -> {
                i++;
                ident("rue", ptr);
                return "boolean `true`";
            }
            case 'f' -> {
                i++;
                ident("alse", ptr);
                return "boolean `false`";
            }
            case '-' -> {
                i++;
                return parseInteger(false, ptr).unexpected();
            }
            case '"' -> {
                i++;
                return "string " + JsonText.quote(parseStr(ptr));
            }
            case '[' -> {
                enter(ptr);
                i++;
                boolean[] first = {true};
                while (nextElement(first, ptr)) {
                    any(ptr);
                }
                remaining++;
                endSeq(ptr);
                return "sequence";
            }
            case '{' -> {
                enter(ptr);
                i++;
                boolean[] first = {true};
                while (nextKey(first, ptr) != null) {
                    colon(ptr);
                    any(ptr);
                }
                remaining++;
                endMap(ptr);
                return "map";
            }
            default -> {
                if (c >= '0' && c <= '9') {
                    return parseInteger(true, ptr).unexpected();
                }
                throw peekError(EXPECTED_VALUE, ptr);
            }
        }
    }

    /**
     * {@code ignore_value}: skips one value, checking only its syntax, at any depth (one bit per level); notes in
     * {@link #oddIgnored} what a kept value would have rejected.
     */
    private void ignoreValue(String ptr) throws Fail {
        long[] stack = new long[1];
        int depth = 0;
        boolean enclosing = false;
        boolean enclosingIsObject = false;
        while (true) {
            int c = ws();
            if (c < 0) {
                throw peekError(EOF_VALUE, ptr);
            }
            boolean frame = false;
            boolean frameIsObject = false;
            switch (c) {
                case 'n' -> {
                    i++;
                    ident("ull", ptr);
                }
                case 't' -> {
                    i++;
                    ident("rue", ptr);
                }
                case 'f' -> {
                    i++;
                    ident("alse", ptr);
                }
                case '-' -> {
                    int s = i;
                    i++;
                    ignoreInteger(ptr);
                    oddNumber(s);
                }
                case '"' -> {
                    i++;
                    ignoreStr(ptr);
                }
                case '[', '{' -> {
                    if (enclosing) {
                        stack = push(stack, depth++, enclosingIsObject);
                        enclosing = false;
                    }
                    i++;
                    frame = true;
                    frameIsObject = c == '{';
                    if (oddIgnored == null && depth + 1 >= remaining) {
                        oddIgnored = "more than " + (RECURSION_LIMIT - 1) + " nested arrays/objects in total";
                    }
                }
                default -> {
                    if (c >= '0' && c <= '9') {
                        int s = i;
                        ignoreInteger(ptr);
                        oddNumber(s);
                    } else {
                        throw peekError(EXPECTED_VALUE, ptr);
                    }
                }
            }
            boolean acceptComma;
            boolean isObject;
            if (frame) {
                acceptComma = false;
                isObject = frameIsObject;
            } else if (enclosing) {
                acceptComma = true;
                isObject = enclosingIsObject;
                enclosing = false;
            } else if (depth > 0) {
                depth--;
                isObject = bit(stack, depth);
                acceptComma = true;
            } else {
                return;
            }
            while (true) {
                int p = ws();
                if (p == ',' && acceptComma) {
                    i++;
                    break;
                } else if (p == ']' && !isObject) {
                    // close
                } else if (p == '}' && isObject) {
                    // close
                } else if (p >= 0) {
                    if (acceptComma) {
                        throw peekError(isObject ? EXPECTED_OBJECT_COMMA : EXPECTED_LIST_COMMA, ptr);
                    }
                    break;
                } else {
                    throw peekError(isObject ? EOF_OBJECT : EOF_LIST, ptr);
                }
                i++;
                if (depth == 0) {
                    return;
                }
                depth--;
                isObject = bit(stack, depth);
                acceptComma = true;
            }
            if (isObject) {
                int q = ws();
                if (q == '"') {
                    i++;
                } else if (q >= 0) {
                    throw peekError(KEY_MUST_BE_STRING, ptr);
                } else {
                    throw peekError(EOF_OBJECT, ptr);
                }
                ignoreStr(ptr);
                int r = ws();
                if (r == ':') {
                    i++;
                } else if (r >= 0) {
                    throw peekError(EXPECTED_COLON, ptr);
                } else {
                    throw peekError(EOF_OBJECT, ptr);
                }
            }
            enclosing = true;
            enclosingIsObject = isObject;
        }
    }

    private static long[] push(long[] stack, int at, boolean isObject) {
        if ((at >> 6) >= stack.length) {
            stack = Arrays.copyOf(stack, stack.length * 2);
        }
        if (isObject) {
            stack[at >> 6] |= 1L << (at & 63);
        } else {
            stack[at >> 6] &= ~(1L << (at & 63));
        }
        return stack;
    }

    private static boolean bit(long[] stack, int at) {
        return (stack[at >> 6] & (1L << (at & 63))) != 0;
    }

    /** Notes an ignored number that a kept value would reject (it overflows f64). */
    private void oddNumber(int s) {
        if (oddIgnored != null) {
            return;
        }
        boolean exp = false;
        for (int k = s; k < i; k++) {
            if (b[k] == 'e' || b[k] == 'E') {
                exp = true;
                break;
            }
        }
        if (!exp && i - s < 300) {
            return;
        }
        int save = i;
        boolean saveQuiet = quiet;
        quiet = true;
        i = s;
        try {
            if (b[i] == '-') {
                i++;
                parseInteger(false, "");
            } else {
                parseInteger(true, "");
            }
        } catch (Fail f) {
            oddIgnored = "a number out of range for a 64-bit float";
        } finally {
            i = save;
            quiet = saveQuiet;
        }
    }

    /** UTF-8 as Rust's {@code str::from_utf8} accepts it. */
    static final class Utf8 {
        private Utf8() {
        }

        /** Ranges at least this long are scanned eight bytes at a time ({@link Wide}). */
        private static final int WIDE = 128;

        /**
         * @return the index of the first byte of {@code a[from, to)} that is not ASCII, or {@code to}; a long range
         *     eight bytes at a time (the JDK's own vectorized check, {@code StringCoding.countPositives}, is not
         *     public)
         */
        static int asciiEnd(byte[] a, int from, int to) {
            int k = to - from >= WIDE ? Wide.asciiEnd(a, from, to) : from;
            while (k < to && a[k] >= 0) {
                k++;
            }
            return k;
        }

        /**
         * The eight-byte scan through a long view of the array. A holder class: making the VarHandle spins
         * method-handle classes (a few ms), paid only by inputs with long strings or lines (event streams), not by
         * every start. Eight ORed bytes instead of the view measured 20 % slower on a 1M-line event stream.
         */
        private static final class Wide {
            private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
                    .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

            /** @return where the first eight bytes from {@code from} that are not all ASCII start, at most {@code to} */
            static int asciiEnd(byte[] a, int from, int to) {
                int k = from;
                while (k + 8 <= to && ((long) LONGS.get(a, k) & 0x8080808080808080L) == 0) {
                    k += 8;
                }
                return k;
            }
        }

        static boolean valid(byte[] a, int from, int to) {
            int k = asciiEnd(a, from, to);
            while (k < to) {
                int c = a[k] & 0xff;
                if (c < 0x80) {
                    k = asciiEnd(a, k + 1, to);
                    continue;
                }
                int need;
                int lo = 0x80;
                int hi = 0xBF;
                if (c >= 0xC2 && c <= 0xDF) {
                    need = 1;
                } else if (c == 0xE0) {
                    need = 2;
                    lo = 0xA0;
                } else if (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) {
                    need = 2;
                } else if (c == 0xED) {
                    need = 2;
                    hi = 0x9F;
                } else if (c == 0xF0) {
                    need = 3;
                    lo = 0x90;
                } else if (c >= 0xF1 && c <= 0xF3) {
                    need = 3;
                } else if (c == 0xF4) {
                    need = 3;
                    hi = 0x8F;
                } else {
                    return false;
                }
                if (k + need >= to) {
                    return false;
                }
                int c1 = a[k + 1] & 0xff;
                if (c1 < lo || c1 > hi) {
                    return false;
                }
                for (int m = 2; m <= need; m++) {
                    int cm = a[k + m] & 0xff;
                    if (cm < 0x80 || cm > 0xBF) {
                        return false;
                    }
                }
                k += need + 1;
            }
            return true;
        }

        /** @return the index of the first byte that is not valid UTF-8 in {@code a[from, to)}, or -1 */
        static int firstInvalid(byte[] a, int from, int to) {
            int k = asciiEnd(a, from, to);
            while (k < to) {
                int c = a[k] & 0xff;
                if (c < 0x80) {
                    k = asciiEnd(a, k + 1, to);
                    continue;
                }
                int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                if (!valid(a, k, Math.min(to, k + len))) {
                    return k;
                }
                k += len;
            }
            return -1;
        }
    }
}
