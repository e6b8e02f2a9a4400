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
    /** /dev/urandom never ends: its first line is not UTF-8, which ends the check as in the reference. */
    @Test
    void devUrandomEndsAtItsFirstBadLine() {
        Proc.Result r = Proc.pika("validate-events", "/dev/urandom").timeout(Duration.ofSeconds(60)).run();
        assertEquals(1, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("/dev/urandom:1:") && lines.get(0).contains("error[encoding]: stream did "
                + "not contain valid UTF-8"), r.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("0 valid, 1 invalid ("), r.out());
    }

    /**
     * An endless stream of valid events, each with a lint warning (a repeated seq, from {@code yes}): the findings
     * cap ends the read, with a line saying so.
     */
    @Test
    void anEndlessStreamOfWarningsStopsAtTheFindingsCap() {
        String event = "{\"schema_version\": 1, \"kind\": \"booted\", \"timestamp\": \"2026-03-25T19:59:57+00:00\", "
                + "\"message\": \"m\", \"seq\": 1}";
        List<String> argv = new java.util.ArrayList<>(List.of("bash", "-c", "e=$1; shift; yes \"$e\" | \"$@\"", "bash",
                event));
        argv.addAll(Proc.pika("validate-events", "-").argv());
        Proc.Result r = Proc.of(argv).timeout(Duration.ofSeconds(60)).run();
        List<String> lines = r.out().lines().toList();
        String cap = lines.get(lines.size() - 2);
        assertTrue(cap.startsWith("<stdin>: warning[too-many-findings]: stopped after 1000 findings at line "), cap);
        assertTrue(cap.endsWith(": the rest of the stream was not read"), cap);
        assertEquals(0, r.exit(), r.err());
    }

    /** A live stream (the writer still running): a line's finding is printed before the stream ends. */
    @Test
    void findingsOfALiveStreamArePrintedAsTheyCome() throws Exception {
        // not Proc.start(): it closes standard input at once, and here the stream stays open
        Process p = new ProcessBuilder(Proc.pika("validate-events", "-").argv()).redirectError(
                ProcessBuilder.Redirect.DISCARD).start();
        try {
            StringBuilder out = new StringBuilder();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> Proc.follow(p.getInputStream(), out));
            OutputStream in = p.getOutputStream();
            String event = "{\"schema_version\": 1, \"kind\": \"booted\", \"timestamp\": "
                    + "\"2026-03-25T19:59:57+00:00\", \"message\": \"m\", \"seq\": 1}\n";
            in.write((event + event).getBytes(StandardCharsets.UTF_8)); // line 2: seq-order warning
            in.flush();
            Await.until("the first line's finding, with the stream still open", Duration.ofSeconds(30), () -> {
                synchronized (out) {
                    return out.toString().startsWith("<stdin>:2:");
                }
            });
            assertTrue(p.isAlive(), "still reading");
            in.close();
            Await.until("the end", Duration.ofSeconds(30), () -> !p.isAlive());
            reader.join();
            assertEquals(0, p.exitValue(), "a warning only");
            String all = out.toString();
            String first = all.lines().findFirst().orElseThrow();
            assertEquals(1, all.lines().filter(first::equals).count(), "printed once, not again at the end:\n" + all);
            assertTrue(all.lines().reduce((a, b) -> b).orElseThrow().startsWith("1 valid, 0 invalid"), all);
        } finally {
            Proc.kill(p);
        }
    }
}
