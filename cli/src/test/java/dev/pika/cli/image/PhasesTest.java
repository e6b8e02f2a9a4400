package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PhasesTest {
    @Test
    void numberedLinesWithElapsedTimeAndTimingsForTheSummary() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        Phases p = new Phases(4, new PrintStream(buf, true, StandardCharsets.UTF_8), false, now::get);
        p.begin("prepare remote (ssh pika-build)");
        now.addAndGet(1_250_000_000L);
        p.begin("nix build (remote pika-build)");
        p.detail("sent 10.0 KiB (10240 bytes)");
        now.addAndGet(41_200_000_000L);
        p.end();
        p.end();
        assertEquals("""
                [1/4] prepare remote (ssh pika-build) ...
                [1/4] prepare remote (ssh pika-build) ... 1.3s
                [2/4] nix build (remote pika-build) ...
                      sent 10.0 KiB (10240 bytes)
                [2/4] nix build (remote pika-build) ... 41.2s
                """, buf.toString(StandardCharsets.UTF_8));
        assertEquals(2, p.timings().size());
        assertEquals(41.2, p.timings().get(1).seconds(), 1e-9);
    }

    @Test
    void quietPrintsNothingButKeepsTimings() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Phases p = new Phases(1, new PrintStream(buf, true, StandardCharsets.UTF_8), true, System::nanoTime);
        p.begin("nix build (local)");
        p.end();
        assertEquals("", buf.toString(StandardCharsets.UTF_8));
        assertEquals(1, p.timings().size());
    }

    @Test
    void byteSizesForPeople() {
        assertEquals("812 B", Texts.humanBytes(812));
        assertEquals("10.0 KiB", Texts.humanBytes(10240));
        assertEquals("812.4 MiB", Texts.humanBytes(851_863_142L));
        assertEquals("1.5 GiB", Texts.humanBytes(1_610_612_736L));
    }
}
