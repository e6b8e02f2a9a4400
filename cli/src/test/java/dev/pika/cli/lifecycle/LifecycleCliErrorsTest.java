package dev.pika.cli.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.cli.render.CliRun;
import dev.pika.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure in {@code fixtures/upstream-lifecycle-helper/cli-errors.json}: the helper's exit code, its error
 * line (argparse's words after {@code error:}, or the JSON decoder's position), and nothing written.
 */
class LifecycleCliErrorsTest {
    static Stream<JsonNode> cases() {
        List<JsonNode> all = new ArrayList<>();
        Fixtures.json(Fixtures.bytes("upstream-lifecycle-helper/cli-errors.json")).forEach(all::add);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameExitCodeSameErrorNothingWritten(JsonNode c, @TempDir Path dir) throws IOException {
        List<String> args = new ArrayList<>();
        for (JsonNode word : c.get("argv")) {
            args.add(word.asText().replace("/run/pika-cloud", dir.resolve("run").toString()));
        }
        args.remove(0); // pika-cloud-lifecycle → pika lifecycle
        CliRun run = GuestWriters.lifecycle(GuestWriters.fixed(dir, Instant.now(), ZoneId.of("UTC")),
                args.toArray(String[]::new));
        assertEquals(c.get("exit_code").asInt(), run.exitCode(), c.get("case").asText() + ": " + run.err());
        assertEquals("", run.out());
        assertTrue(Files.notExists(dir.resolve("run")), "nothing written");
        if (c.has("stderr")) {
            String stderr = c.get("stderr").asText();
            String errorLine = stderr.lines().filter(l -> l.contains(": error: ")).findFirst().orElseThrow();
            String what = errorLine.substring(errorLine.indexOf(": error: ") + ": error: ".length());
            if (!args.isEmpty()) {
                assertTrue(run.err().contains("pika lifecycle " + args.get(0) + ": error: " + what), run.err());
            } else {
                assertTrue(run.err().contains("missing subcommand: one of status, event, result"), run.err());
            }
        } else {
            assertTrue(run.err().contains("--details-json is not valid JSON: line 1 column 2"), run.err());
        }
    }

    @Test
    void anExitCodeOutsideI32IsRefusedNotWritten(@TempDir Path dir) {
        CliRun run = GuestWriters.lifecycle(GuestWriters.fixed(dir, Instant.now(), ZoneId.of("UTC")), "result",
                "--result-path", dir.resolve("r/result.json").toString(), "--status", "failed", "--exit-code",
                "4294967296", "--message", "x");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("outside the i32 range"), run.err());
        assertTrue(Files.notExists(dir.resolve("r")));
    }

    @Test
    void aCorruptSeqFileFailsWithoutAppending(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(dir.resolve("events.jsonl.seq"), "garbage\n");
        CliRun run = GuestWriters.lifecycle(GuestWriters.fixed(dir, Instant.now(), ZoneId.of("UTC")), "event",
                "--events-path", events.toString(), "--kind", "booted", "--message", "x");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("holds \"garbage\""), run.err());
        assertTrue(Files.notExists(events));
        assertEquals("garbage\n", Files.readString(dir.resolve("events.jsonl.seq")));
    }

    @Test
    void aMissingBootIdLeavesTheFieldOut(@TempDir Path dir) throws IOException {
        LifecycleWriter writer = new LifecycleWriter(java.time.Clock.systemUTC(), dir.resolve("no-such-boot-id"));
        Path status = dir.resolve("status.json");
        GuestWriters.lifecycle(writer, "status", "--status-path", status.toString(), "--state", "booted",
                "--message", "m").ok();
        assertTrue(!Files.readString(status).contains("boot_id"));
    }
}
