package dev.pika.cli.image;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Text helpers of the image commands: tool output made fit for one message line (last line, abbreviated), byte
 * counts for people, API path encoding and the single quotes of remote temp paths.
 */
final class Texts {
    /** The longest tool text a message quotes, in characters; the rest is abbreviated. */
    static final int MESSAGE_CHARS = 240;

    private Texts() {
    }

    /**
     * @param text a tool's output (untrusted, possibly huge)
     * @return its last non-blank line, stripped, control characters escaped, abbreviated to {@value #MESSAGE_CHARS}
     *         characters ({@code …} in the middle)
     */
    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
        return abbreviate(printableBare(last), MESSAGE_CHARS);
    }

    /** @return {@code text} cut to at most {@code max} characters, keeping its start and end around {@code …} */
    static String abbreviate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int head = (max - 1) * 2 / 3;
        int tail = max - 1 - head;
        return text.substring(0, head) + "…" + text.substring(text.length() - tail);
    }

    /** Control characters escaped as {@code \xNN}, nothing else changed (no quotes added). */
    static String printableBare(String value) {
        StringBuilder sb = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (c < 0x20 && c != '\t' || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** @return a byte count for people: {@code 812 B}, {@code 10.0 KiB}, {@code 812.4 MiB}, {@code 1.2 GiB} */
    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes / 1024.0;
        int i = 0;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters (so {@code /} in an alias stays one segment). */
    static String urlEncode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    /** Always single-quotes, as the reference writes remote temp paths. */
    static String sq(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
