package dev.pika.contract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile documents end in clear findings, never in an exception, an {@link OutOfMemoryError} or a hang: every
 * {@link Limits} value is hit here. Huge inputs are generated on the fly (never held in memory), so these tests
 * also show that reading stops at the limit.
 */
class HostileInputTest {
    private static final String RESULT_HEAD = "{\"schema_version\": 1, \"status\": \"completed\", "
            + "\"finished_at\": \"2026-03-25T20:00:00Z\", \"exit_code\": 0, \"message\": \"";
    private static final String EVENT = "{\"schema_version\": 1, \"kind\": \"booted\", "
            + "\"timestamp\": \"2026-03-25T19:59:57+00:00\", \"message\": \"m\", \"seq\": 1}";
    private static final String STATUS = "{\"schema_version\": 1, \"state\": \"booted\", "
            + "\"updated_at\": \"2026-03-25T20:00:00Z\", \"message\": \"m\"}";

    /** An input stream of {@code head}, then {@code fill} repeated ({@code fillBytes} bytes, or forever), then {@code tail}. */
    static final class Generated extends InputStream {
        private final byte[] head;
        private final byte fill;
        private final long fillBytes;
        private final byte[] tail;
        long read;

        Generated(String head, char fill, long fillBytes, String tail) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.fill = (byte) fill;
            this.fillBytes = fillBytes;
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
        }

        static Generated endless(String head, char fill) {
            return new Generated(head, fill, Long.MAX_VALUE, "");
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                long i = read;
                if (i < head.length) {
                    b[off + n] = head[(int) i];
                } else if (i - head.length < fillBytes) {
                    b[off + n] = fill;
                } else if (i - head.length - fillBytes < tail.length) {
                    b[off + n] = tail[(int) (i - head.length - fillBytes)];
                } else {
                    return n == 0 ? -1 : n;
                }
                read++;
                n++;
            }
            return n;
        }
    }

    private static ValidationReport check(DocumentKind kind, InputStream in, Limits limits) {
        try {
            return Validator.validate(kind, "hostile", in, limits);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ValidationReport check(DocumentKind kind, String doc) {
        return Validator.validate(kind, "hostile", doc.getBytes(StandardCharsets.UTF_8));
    }

    private static Finding only(ValidationReport r, String rule) {
        List<Finding> errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), () -> "one error expected: " + r.findings());
        assertEquals(rule, errors.get(0).rule(), () -> r.findings().toString());
        assertFalse(r.valid(false));
        return errors.get(0);
    }

    private static LimitExceededException notChecked(DocumentKind kind, InputStream in, Limits limits) {
        return assertThrows(LimitExceededException.class, () -> Validator.validate(kind, "hostile", in, limits));
    }

    @Test
    void hundredThousandDeepNestingStopsAtSerdesRecursionLimit() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Finding top = only(check(DocumentKind.STATUS, "{\"details\": " + deep + "}"), "recursion-limit");
        assertEquals(139, top.column(), "the 128th container (the object and 127 arrays) is the first one too deep");
        Finding inner = only(check(DocumentKind.SPEC, "{\"metadata\": {\"x\": " + deep + "}}"), "recursion-limit");
        assertEquals("recursion limit exceeded", inner.message());
        Finding unclosed = only(check(DocumentKind.STATUS, "{\"details\": " + "{\"a\":".repeat(100_000)),
                "recursion-limit");
        assertEquals(1, unclosed.line());
        Finding event = only(check(DocumentKind.EVENTS, EVENT + "\n{\"details\": " + deep + "}\n"),
                "recursion-limit");
        assertEquals(2, event.line());
        // an ignored (unknown) field is skipped at any depth, as serde_json's ignore_value does: accepted, lint only
        ValidationReport ignored = check(DocumentKind.STATUS, STATUS.replace("}", ", \"x\": " + deep + "}"));
        assertTrue(ignored.valid(false), ignored.findings()::toString);
        assertTrue(ignored.findings().stream().anyMatch(x -> x.rule().equals("ignored-value")));
        // a top-level array is the positional form: its first element must be the u32 schema_version
        assertEquals("invalid type: sequence, expected u32",
                only(check(DocumentKind.RESULT, deep), "invalid-type").message());
    }

    @Test
    void hundredMegabyteInputIsNotCheckedBeyondTheLimit() {
        Generated in = new Generated(RESULT_HEAD, 'x', 100L << 20, "\"}");
        LimitExceededException e = notChecked(DocumentKind.RESULT, in, Limits.DEFAULT);
        assertTrue(e.getMessage().startsWith("not checked: the document is larger than 16 MiB"), e.getMessage());
        assertTrue(e.getMessage().contains("raise the limit with --max-bytes"), e.getMessage());
        assertEquals("--max-bytes", e.option());
        assertEquals(Limits.MAX_DOCUMENT_BYTES + 1L, in.read, "read stops one byte after the limit");

        Generated line = new Generated(EVENT.replace("\"m\"}", "\""), 'x', 100L << 20, "\"}\n" + EVENT + "\n");
        LimitExceededException tooLong = notChecked(DocumentKind.EVENTS, line, Limits.DEFAULT);
        assertTrue(tooLong.getMessage().contains("line 1 of the event stream is longer than 16 MiB"),
                tooLong.getMessage());
        assertTrue(line.read <= Limits.MAX_EVENT_LINE_BYTES + (1L << 17), "read " + line.read);
    }

    @Test
    void longStringsAndNamesInsideTheDocumentLimitAreChecked() {
        Generated in = new Generated(RESULT_HEAD, 'x', 5L << 20, "\"}");
        ValidationReport r = check(DocumentKind.RESULT, in, Limits.DEFAULT);
        assertTrue(r.valid(false), r.findings()::toString);
        Generated name = new Generated("{\"", 'n', 5L << 20, "\": 1}");
        assertEquals("missing-field", only(check(DocumentKind.STATUS, name, Limits.DEFAULT), "missing-field").rule());
    }

    @Test
    void millionDigitNumberIsOutOfRangeAsInSerde() {
        Generated in = new Generated("{\"schema_version\": ", '7', 1_000_000, "}");
        Finding f = only(check(DocumentKind.STATUS, in, Limits.DEFAULT), "number-out-of-range");
        assertEquals("number out of range", f.message());
        assertEquals(1_000_019, f.endColumn());
        Generated event = new Generated("{\"seq\": ", '9', 1_000_000, "}\n");
        only(check(DocumentKind.EVENTS, event, Limits.DEFAULT), "number-out-of-range");
        // 20 digits is a float to serde_json: the wrong type for u32, not out of range
        String twenty = "{\"schema_version\": " + "9".repeat(20) + "}";
        assertEquals("invalid type: floating point `100000000000000000000.0`, expected u32",
                only(check(DocumentKind.STATUS, twenty), "invalid-type").message());
    }

    @Test
    void tooManyValuesIsNotChecked() {
        StringBuilder labels = new StringBuilder("{");
        for (int i = 0; i <= Limits.MAX_VALUES; i++) {
            labels.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": \"v\"");
        }
        labels.append("}");
        String spec = new String(Fixtures.example("spec.json"), StandardCharsets.UTF_8);
        assertTrue(check(DocumentKind.SPEC, spec).valid(false));
        String many = spec.replace("\"labels\": {", "\"labels\": " + labels + ", \"x\": {");
        LimitExceededException e = notChecked(DocumentKind.SPEC,
                new java.io.ByteArrayInputStream(many.getBytes(StandardCharsets.UTF_8)), Limits.DEFAULT);
        assertTrue(e.getMessage().startsWith("not checked: more than 10000 values in one document"), e.getMessage());
        // the same values in an untyped field are checked but not kept: no limit
        String untyped = STATUS.replace("}", ", \"details\": " + labels + "}");
        assertTrue(check(DocumentKind.STATUS, untyped).valid(true));
    }

    @Test
    void invalidUtf8IsRejectedWhereSerdeKeepsTheString() {
        byte[] doc = (RESULT_HEAD + "AB\"}").getBytes(StandardCharsets.UTF_8);
        doc[RESULT_HEAD.length()] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        Finding f = only(Validator.validate(DocumentKind.RESULT, "hostile", doc), "invalid-unicode");
        assertEquals("invalid unicode code point", f.message());
        byte[] lone = "{\"seq\": 1, \"kind\": \"\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Finding stream = only(Validator.validate(DocumentKind.EVENTS, "hostile", lone), "encoding");
        assertTrue(stream.message().startsWith("stream did not contain valid UTF-8"), stream.message());
    }

    @Test
    void utf16IsAnEncodingErrorWithOrWithoutBom() {
        String doc = "{\"schema_version\": 1}";
        byte[] be = doc.getBytes(StandardCharsets.UTF_16); // Java writes a big-endian BOM
        assertTrue(only(Validator.validate(DocumentKind.STATUS, "hostile", be), "encoding").hint()
                .contains("UTF-16/32 byte order mark"));
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, doc.getBytes(StandardCharsets.UTF_16LE));
        only(Validator.validate(DocumentKind.STATUS, "hostile", le), "encoding");
        byte[] noBom = doc.getBytes(StandardCharsets.UTF_16LE);
        assertTrue(only(Validator.validate(DocumentKind.STATUS, "hostile", noBom), "encoding").hint()
                .contains("NUL byte at offset 1"));
        byte[] events = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "{\"seq\": 1}".getBytes(StandardCharsets.UTF_16BE));
        only(Validator.validate(DocumentKind.EVENTS, "hostile", events), "encoding");
    }

    @Test
    void nulBytesAreSyntaxErrors() {
        only(check(DocumentKind.RESULT, RESULT_HEAD + "a\u0000b\"}"), "syntax-error");
        only(check(DocumentKind.RESULT, "{\"schema_version\": 1,\u0000 \"status\": \"completed\"}"), "syntax-error");
        only(check(DocumentKind.RESULT, "\u0000\u0000\u0000\u0000"), "encoding");
        Finding trailing = only(check(DocumentKind.STATUS, STATUS + "\u0000"), "trailing-characters");
        assertEquals(1, trailing.line());
        assertEquals(2, only(check(DocumentKind.EVENTS, EVENT + "\n\u0000\n"), "encoding").line());
        assertEquals(2, only(check(DocumentKind.EVENTS, EVENT + "\n" + EVENT.replace("\"m\"", "\"m\u0000\"")
                .replace("\"seq\": 1", "\"seq\": 2")), "syntax-error").line());
    }

    @Test
    void endlessInputIsNotCheckedBeyondTheLimit() {
        Limits small = new Limits(64 * 1024);
        Generated doc = Generated.endless("{\"details\": \"", 'x');
        LimitExceededException e = notChecked(DocumentKind.STATUS, doc, small);
        assertTrue(e.getMessage().contains("larger than 64 KiB"), e.getMessage());
        assertEquals(64 * 1024 + 1, doc.read);
        notChecked(DocumentKind.STATUS, Generated.endless("{}", ' '), small);

        Generated line = Generated.endless(EVENT + "\n{\"seq\": 2, \"message\": \"", 'y');
        LimitExceededException tooLong = notChecked(DocumentKind.EVENTS, line, small);
        assertTrue(tooLong.getMessage().contains("line 2 of the event stream is longer than 64 KiB"),
                tooLong.getMessage());
        assertTrue(line.read <= 3 * 64 * 1024, "read " + line.read);
        Generated blank = Generated.endless("", '\n');
        // an endless stream of (blank) lines is endless work, not an endless line: stop it after a while
        Generated finite = new Generated("", '\n', 10L << 20, "");
        assertTrue(check(DocumentKind.EVENTS, finite, small).valid(true));
        assertEquals(0, blank.read);
    }

    @Test
    void theByteLimitIsExact() {
        String doc = STATUS;
        int n = doc.length();
        byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
        assertTrue(Validator.validate(DocumentKind.STATUS, "s", bytes, new Limits(n)).valid(true));
        notChecked(DocumentKind.STATUS, new java.io.ByteArrayInputStream(bytes), new Limits(n - 1));
        String line = EVENT;
        int len = line.length();
        byte[] stream = (line + "\n" + line.replace("\"seq\": 1", "\"seq\": 2") + "\n").getBytes(StandardCharsets.UTF_8);
        assertTrue(Validator.validate(DocumentKind.EVENTS, "e", stream, new Limits(len)).valid(false));
        notChecked(DocumentKind.EVENTS, new java.io.ByteArrayInputStream(stream), new Limits(len - 1));
    }

    @Test
    void maxBytesParsesUnits() {
        assertEquals(64 << 20, Limits.parseMaxBytes("64M").maxBytes());
        assertEquals(64 << 20, Limits.parseMaxBytes("64MiB").maxBytes());
        assertEquals(64 << 20, Limits.parseMaxBytes("64mb").maxBytes());
        assertEquals(512 << 10, Limits.parseMaxBytes("512k").maxBytes());
        assertEquals(1 << 30, Limits.parseMaxBytes("1G").maxBytes());
        assertEquals(1000, Limits.parseMaxBytes("1000").maxBytes());
        assertEquals(1000, Limits.parseMaxBytes("1000B").maxBytes());
        assertEquals("16 MiB", Limits.DEFAULT.describe());
        assertEquals("1000 bytes", new Limits(1000).describe());
        for (String bad : List.of("", "M", "-1", "0", "2G", "1.5M", "64X", "99999999999999999999", "64 M B")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Limits.parseMaxBytes(bad),
                    bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
