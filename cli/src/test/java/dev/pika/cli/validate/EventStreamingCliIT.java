package dev.pika.cli.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Await;
import dev.pika.testkit.Proc;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code pika validate-events} on endless and live streams, through the real jar. */
class EventStreamingCliIT {
    /** /dev/urandom never ends: the findings cap does, with a line saying so. */
    @Test
    void devUrandomStopsAtTheFindingsCap() {
        Proc.Result r = Proc.pika("validate-events", "/dev/urandom").timeout(Duration.ofSeconds(60)).run();
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        String cap = lines.get(lines.size() - 2);
        assertTrue(cap.startsWith("/dev/urandom: error[too-many-findings]: "), cap);
        assertTrue(cap.contains("stopped after 1000 findings at line "), cap);
        assertTrue(cap.endsWith(": the rest of the stream was not read"), cap);
        assertTrue(lines.get(lines.size() - 1).startsWith("0 valid, 1 invalid ("), lines.get(lines.size() - 1));
    }

    /** A live stream (the writer still running): a bad line's finding is printed before the stream ends. */
    @Test
    void findingsOfALiveStreamArePrintedAsTheyCome() throws Exception {
        // not Proc.start(): it closes standard input at once, and here the stream stays open
        Process p = new ProcessBuilder(Proc.pika("validate-events", "-").argv()).redirectError(
                ProcessBuilder.Redirect.DISCARD).start();
        try {
            StringBuilder out = new StringBuilder();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> Proc.follow(p.getInputStream(), out));
            OutputStream in = p.getOutputStream();
            in.write("{\"schema_version\": 1, \"seq\": \"one\"}\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            Await.until("the first line's finding, with the stream still open", Duration.ofSeconds(30), () -> {
                synchronized (out) {
                    return out.toString().startsWith("<stdin>:1:");
                }
            });
            assertTrue(p.isAlive(), "still reading");
            in.close();
            Await.until("the end", Duration.ofSeconds(30), () -> !p.isAlive());
            reader.join();
            assertEquals(1, p.exitValue());
            String all = out.toString();
            String first = all.lines().findFirst().orElseThrow();
            assertEquals(1, all.lines().filter(first::equals).count(), "printed once, not again at the end:\n" + all);
            assertTrue(all.lines().reduce((a, b) -> b).orElseThrow().startsWith("0 valid, 1 invalid"), all);
        } finally {
            Proc.kill(p);
        }
    }
}
