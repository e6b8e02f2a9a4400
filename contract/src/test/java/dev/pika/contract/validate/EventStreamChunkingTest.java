package dev.pika.contract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.contract.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Event streams are parsed a buffer of lines at a time, falling back to one line at a time when a buffer is not
 * clean. Reading the same bytes one byte per read (so every buffer holds a single line) must give exactly the same
 * findings as reading them in large buffers.
 */
class EventStreamChunkingTest {
    private static String event(long seq, String kind, String timestamp) {
        return "{\"schema_version\": 1, \"seq\": " + seq + ", \"timestamp\": \"" + timestamp + "\", \"kind\": \""
                + kind + "\", \"message\": \"m\", \"details\": {\"exit_code\": 0}}";
    }

    /** A stream of valid events with every kind of trouble mixed in at random lines. */
    static String mixedStream(long seed, int lines) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        long seq = 0;
        List<Integer> badLines = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            int pick = r.nextInt(100);
            String ts = "2026-03-25T20:00:00Z";
            switch (pick) {
                case 0 -> sb.append(event(++seq, "passed", ts));                          // unknown variant
                case 1 -> sb.append(event(++seq, "ready", ts)).append(' ').append(event(++seq, "ready", ts));
                case 2 -> sb.append("{\"schema_version\": 1,");                           // object split over
                case 3 -> sb.append("\u00a0\u2003");                                      // Unicode blank line
                case 4 -> sb.append("   \t");                                             // ASCII blank line
                case 5 -> sb.append(event(seq, "ready", ts));                              // seq not increasing
                case 6 -> sb.append(event(++seq, "ready", "yesterday"));                   // timestamp lint
                case 7 -> sb.append("\uFEFF").append(event(++seq, "ready", ts));           // BOM mid-stream
                case 8 -> sb.append("[1, 2]");                                             // not an object
                case 9 -> sb.append(event(++seq, "ready", ts).replace("}}", "}} x"));      // trailing
                default -> sb.append(event(++seq, "ready", ts));
            }
            if (pick <= 9) {
                badLines.add(i);
            }
            sb.append(r.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        assertTrue(badLines.size() > lines / 20, "the stream mixes in trouble");
        return sb.toString();
    }

    /** Hands out one byte per read call. */
    static final class Trickle extends InputStream {
        private final byte[] bytes;
        private int pos;

        Trickle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            b[off] = bytes[pos++];
            return 1;
        }
    }

    @Test
    void bufferedAndLineByLineReadsGiveTheSameFindings() throws IOException {
        for (long seed = 1; seed <= 3; seed++) {
            byte[] bytes = mixedStream(seed, 4000).getBytes(StandardCharsets.UTF_8);
            assertTrue(bytes.length > 3 * (1 << 16), "spans several 64 KiB buffers");
            List<Finding> buffered = Validator.validate(DocumentKind.EVENTS, "s", new ByteArrayInputStream(bytes))
                    .findings();
            List<Finding> trickled = Validator.validate(DocumentKind.EVENTS, "s", new Trickle(bytes)).findings();
            assertEquals(trickled, buffered, "seed " + seed);
            // like the reference, the check ends at the first bad line: exactly one error, after the lint before it
            assertEquals(1, buffered.stream().filter(Finding::isError).count(), buffered::toString);
        }
    }

    @Test
    void aCleanStreamHasNoFindingsAndTheLastLineMayLackItsNewline() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) {
            sb.append(event(i, "ready", "2026-03-25T20:00:00Z")).append('\n');
        }
        sb.append(event(20_001, "passed", "2026-03-25T20:00:00Z"));
        ValidationReport r = Validator.validate(DocumentKind.EVENTS, "s", sb.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(1, r.findings().size(), r.findings()::toString);
        assertEquals(20_001, r.findings().get(0).line());
        assertEquals("/kind", r.findings().get(0).pointer());
    }
}
