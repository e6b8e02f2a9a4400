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

    @Test
    void hundredThousandDeepNestingStopsAtSerdesRecursionLimit() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Finding top = only(check(DocumentKind.RESULT, deep), "recursion-limit");
        assertEquals(128, top.column(), "the 128th bracket is the first one too deep");
        Finding inner = only(check(DocumentKind.SPEC, "{\"metadata\": {\"x\": " + deep + "}}"), "recursion-limit");
        assertTrue(inner.message().contains("more than 127 nested"), inner.message());
        Finding unclosed = only(check(DocumentKind.STATUS, "{\"details\": " + "{\"a\":".repeat(100_000)),
                "recursion-limit");
        assertEquals(1, unclosed.line());
        Finding event = only(check(DocumentKind.EVENTS, EVENT + "\n" + deep + "\n"), "recursion-limit");
        assertEquals(2, event.line());
    }

    @Test
    void hundredMegabyteStringIsCutOffAtTheStringLimit() {
        Generated in = new Generated(RESULT_HEAD, 'x', 100L << 20, "\"}");
        Finding f = only(check(DocumentKind.RESULT, in, Limits.DEFAULT), "limit-exceeded");
        assertEquals("a string longer than 4194304 characters: more than pika reads", f.message());
        assertEquals("/message", f.pointer());
        assertEquals(1, f.line());
        assertTrue(in.read < (5L << 20), "reading stops soon after the string limit: read " + in.read);

        Generated line = new Generated(EVENT.replace("\"m\"}", "\""), 'x', 100L << 20, "\"}\n" + EVENT + "\n");
        Finding tooLong = only(check(DocumentKind.EVENTS, line, Limits.DEFAULT), "line-too-long");
        assertEquals(1, tooLong.line());
        assertTrue(tooLong.message().contains("the rest of the stream was not read"), tooLong.message());
        assertTrue(line.read <= Limits.MAX_EVENT_LINE_BYTES + 1L, "read " + line.read);
    }

    @Test
    void hundredMegabyteDocumentIsCutOffAtTheDocumentLimit() {
        // whitespace inside an untyped field: no other limit applies, only the size
        Generated in = new Generated(STATUS.replace("}", ", \"details\": [\"x\""), ' ', 100L << 20, "]}");
        Finding f = only(check(DocumentKind.STATUS, in, Limits.DEFAULT), "document-too-large");
        assertTrue(f.message().contains("larger than 16 MiB"), f.message());
        assertEquals("raise the limit with --max-bytes (e.g. --max-bytes 64M)", f.hint());
        assertEquals(Limits.MAX_DOCUMENT_BYTES + 1L, in.read, "read stops one byte after the limit");
    }

    @Test
    void stringsLongerThanTheStringLimitAreALimitFindingInsideTheDocumentLimit() {
        Generated in = new Generated(RESULT_HEAD, 'x', 5L << 20, "\"}");
        Finding f = only(check(DocumentKind.RESULT, in, Limits.DEFAULT), "limit-exceeded");
        assertEquals("a string longer than 4194304 characters: more than pika reads", f.message());
        assertEquals("/message", f.pointer());
        // just under the limit is fine
        Generated ok = new Generated(RESULT_HEAD, 'x', (1 << 22) - 1, "\"}");
        assertTrue(check(DocumentKind.RESULT, ok, Limits.DEFAULT).valid(false));
        Generated name = new Generated("{\"", 'n', 5L << 20, "\": 1}");
        assertEquals("a field name longer than 4194304 characters: more than pika reads",
                only(check(DocumentKind.STATUS, name, Limits.DEFAULT), "limit-exceeded").message());
    }

    @Test
    void millionDigitNumberIsALimitFinding() {
        Generated in = new Generated("{\"schema_version\": ", '7', 1_000_000, "}");
        Finding f = only(check(DocumentKind.STATUS, in, Limits.DEFAULT), "limit-exceeded");
        assertEquals("a number longer than 1000 characters: more than pika reads", f.message());
        Generated event = new Generated("{\"seq\": ", '9', 1_000_000, "}\n");
        only(check(DocumentKind.EVENTS, event, Limits.DEFAULT), "limit-exceeded");
        // 1000 digits is still a number: out of range for u32, not a limit
        String thousand = "{\"schema_version\": " + "9".repeat(1000) + "}";
        assertTrue(check(DocumentKind.STATUS, thousand).findings().stream()
                .anyMatch(x -> x.rule().equals("integer-out-of-range")));
    }

    @Test
    void tooManyValuesIsALimitFinding() {
        StringBuilder labels = new StringBuilder("{");
        for (int i = 0; i <= Limits.MAX_VALUES; i++) {
            labels.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": \"v\"");
        }
        labels.append("}");
        String spec = new String(Fixtures.example("spec.json"), StandardCharsets.UTF_8);
        assertTrue(check(DocumentKind.SPEC, spec).valid(false));
        String many = spec.replace("\"labels\": {", "\"labels\": " + labels + ", \"x\": {");
        Finding f = only(check(DocumentKind.SPEC, many), "limit-exceeded");
        assertTrue(f.message().startsWith("more than 10000 values in one document"), f.message());
        // the same values in an untyped field are checked but not kept: no limit
        String untyped = STATUS.replace("}", ", \"details\": " + labels + "}");
        assertTrue(check(DocumentKind.STATUS, untyped).valid(true));
    }

    @Test
    void invalidUtf8IsASyntaxError() {
        byte[] doc = (RESULT_HEAD + "AB\"}").getBytes(StandardCharsets.UTF_8);
        doc[RESULT_HEAD.length()] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        Finding f = only(Validator.validate(DocumentKind.RESULT, "hostile", doc), "syntax-error");
        assertTrue(f.message().contains("UTF-8"), f.message());
        byte[] lone = "{\"seq\": 1, \"kind\": \"\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        only(Validator.validate(DocumentKind.EVENTS, "hostile", lone), "syntax-error");
    }

    @Test
    void utf16IsAnEncodingErrorWithOrWithoutBom() {
        String doc = "{\"schema_version\": 1}";
        byte[] be = doc.getBytes(StandardCharsets.UTF_16); // Java writes a big-endian BOM
        assertTrue(only(Validator.validate(DocumentKind.STATUS, "hostile", be), "encoding").message()
                .contains("UTF-16/32 byte order mark"));
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, doc.getBytes(StandardCharsets.UTF_16LE));
        only(Validator.validate(DocumentKind.STATUS, "hostile", le), "encoding");
        byte[] noBom = doc.getBytes(StandardCharsets.UTF_16LE);
        assertTrue(only(Validator.validate(DocumentKind.STATUS, "hostile", noBom), "encoding").message()
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
    void endlessInputIsCutOffAtTheLimit() {
        Limits small = new Limits(64 * 1024);
        Generated doc = Generated.endless("{\"details\": \"", 'x');
        Finding f = only(check(DocumentKind.STATUS, doc, small), "document-too-large");
        assertTrue(f.message().contains("larger than 64 KiB"), f.message());
        assertEquals(64 * 1024 + 1, doc.read);
        Generated whitespace = Generated.endless("{}", ' ');
        only(check(DocumentKind.STATUS, whitespace, small), "document-too-large");

        Generated line = Generated.endless(EVENT + "\n{\"seq\": 2, \"message\": \"", 'y');
        Finding tooLong = only(check(DocumentKind.EVENTS, line, small), "line-too-long");
        assertEquals(2, tooLong.line());
        assertTrue(tooLong.message().contains("longer than 64 KiB"), tooLong.message());
        assertTrue(line.read <= 2 * 64 * 1024, "read " + line.read);
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
        only(Validator.validate(DocumentKind.STATUS, "s", bytes, new Limits(n - 1)), "document-too-large");
        String line = EVENT;
        int len = line.length();
        byte[] stream = (line + "\n" + line.replace("\"seq\": 1", "\"seq\": 2") + "\n").getBytes(StandardCharsets.UTF_8);
        ValidationReport fits = Validator.validate(DocumentKind.EVENTS, "e", stream, new Limits(len));
        assertFalse(fits.findings().stream().anyMatch(x -> x.rule().equals("line-too-long")), fits.findings()::toString);
        only(Validator.validate(DocumentKind.EVENTS, "e", stream, new Limits(len - 1)), "line-too-long");
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
