package dev.pika.contract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Rules#isRfc3339} is hand-written for speed; it must agree with the regex + {@code java.time} definition it
 * replaced (kept below as the oracle), on the writers' real formats and on many generated near-misses.
 */
class Rfc3339Test {
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    /** The previous definition. Deliberate difference: it accepted minute 60 (its leap-second rewrite hit it). */
    private static boolean oracle(String s) {
        if (!RFC3339.matcher(s).matches()) {
            return false;
        }
        String iso = s.replace(' ', 'T').replace('t', 'T').replace('z', 'Z');
        if (iso.substring(14, 16).equals("60")) {
            return false;
        }
        try {
            OffsetDateTime.parse(iso.substring(0, 19).replace(":60", ":59") + iso.substring(19));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    @Test
    void writersFormatsAreAccepted() {
        for (String s : new String[] {"2026-03-25T20:00:00Z", "2026-11-21T07:45:23+00:00", "2026-11-21T13:15:23+05:30",
            "2026-11-21T02:45:21-05:00", "2026-03-25t20:00:00z", "2026-03-25 20:00:00.123456789Z",
            "2016-12-31T23:59:60Z", "2024-02-29T00:00:00+18:00", "0000-02-29T00:00:00-18:00"}) {
            assertTrue(Rules.isRfc3339(s), s);
            assertTrue(oracle(s), s);
        }
    }

    @Test
    void nearMissesAreRejected() {
        for (String s : new String[] {"", "x", "2026-03-25", "2026-03-25T20:00:00", "2026-03-25T20:00Z",
            "2026-03-25T20:00:00+0000", "2026-03-25T20:00:00.Z", "2026-03-25T20:00:00.1234567891Z",
            "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z", "2026-01-00T00:00:00Z", "2026-03-25T24:00:00Z", "2026-03-25T20:60:00Z",
            "2026-03-25T20:00:61Z", "2026-03-25T20:00:00+18:01", "2026-03-25T20:00:00+19:00",
            "2026-03-25T20:00:00+00:60", "2026-03-25X20:00:00Z", "2026-03-25T20:00:00Zx", " 2026-03-25T20:00:00Z",
            "2026-03-25T20:00:00Z ", "２026-03-25T20:00:00Z", "-026-03-25T20:00:00Z", "2026-03-25T20:00:00+05:30:00"}) {
            assertFalse(Rules.isRfc3339(s), s);
            assertEquals(oracle(s), Rules.isRfc3339(s), s);
        }
    }

    @Test
    void agreesWithTheOracleOnGeneratedStrings() {
        Random random = new Random(7);
        String[] pieces = {"0", "1", "2", "3", "5", "6", "9", "-", ":", "T", "t", " ", "Z", "z", "+", ".", "x"};
        String base = "2024-02-29T23:59:60.5+18:00";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder(base);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length() + 1);
                String piece = pieces[random.nextInt(pieces.length)];
                switch (random.nextInt(3)) {
                    case 0 -> sb.insert(at, piece);
                    case 1 -> {
                        if (at < sb.length()) {
                            sb.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < sb.length()) {
                            sb.setCharAt(at, piece.charAt(0));
                        }
                    }
                }
            }
            String s = sb.toString();
            assertEquals(oracle(s), Rules.isRfc3339(s), s);
        }
    }
}
