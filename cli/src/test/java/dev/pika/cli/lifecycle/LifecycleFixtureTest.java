package dev.pika.cli.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.cli.render.CliRun;
import dev.pika.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pika lifecycle status|event|result} reproduces every file the guest's Python helper wrote in
 * {@code fixtures/upstream-lifecycle-helper/} byte for byte, given the same invocation (its README) and the same
 * clock, zone and boot id.
 */
class LifecycleFixtureTest {
    private static final String DIR = "upstream-lifecycle-helper/";
    private static final String OPENCLAW_DETAILS = "{\"agent_kind\": \"openclaw\", \"backend_mode\": \"native\", "
            + "\"service_kind\": \"openclaw_gateway\", \"service_probe_satisfied\": true, "
            + "\"probe\": \"openclaw_gateway_health\"}";
    private static final String OPENCLAW_FAILED_DETAILS = OPENCLAW_DETAILS.replace("}",
            ", \"failure_reason\": \"openclaw_gateway_exited\"}");
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** fixture, zone, the words after {@code status|result --X-path FILE}. */
    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of("status-booted.json", UTC, List.of("--state", "booted", "--message", "incus guest booted")),
                Arguments.of("status-booted-details-json-null.json", UTC,
                        List.of("--state", "booted", "--message", "incus guest booted", "--details-json", "null")),
                Arguments.of("status-booted-tz-america-new-york.json", ZoneId.of("America/New_York"),
                        List.of("--state", "booted", "--message", "incus guest booted")),
                Arguments.of("status-starting.json", UTC, List.of("--state", "starting", "--message",
                        "launching guest command", "--details-json", "{\"command\": \"cargo test\", \"run_as_root\": false}")),
                Arguments.of("status-completed.json", UTC, List.of("--state", "completed", "--message", "test passed",
                        "--details-json", "{\"exit_code\": 0}")),
                Arguments.of("status-failed-exit9.json", UTC, List.of("--state", "failed", "--message",
                        "test command exited with 9", "--details-json", "{\"exit_code\": 9}")),
                Arguments.of("status-failed-bootstrap-no-details.json", UTC, List.of("--state", "failed", "--message",
                        "Incus guest bootstrap failed: unsupported Incus guest request schema_version=1")),
                Arguments.of("status-ready-openclaw.json", UTC, List.of("--state", "ready", "--message",
                        "managed OpenClaw guest ready", "--details-json", OPENCLAW_DETAILS)),
                Arguments.of("result-completed.json", UTC, List.of("--status", "completed", "--exit-code", "0",
                        "--message", "test passed")),
                Arguments.of("result-completed-with-details.json", UTC, List.of("--status", "completed",
                        "--exit-code", "0", "--message", "test passed", "--details-json", "{\"exit_code\": 0}")),
                Arguments.of("result-completed-tz-asia-kolkata.json", ZoneId.of("Asia/Kolkata"),
                        List.of("--status", "completed", "--exit-code", "0", "--message", "test passed")),
                Arguments.of("result-failed-exit9.json", UTC, List.of("--status", "failed", "--exit-code", "9",
                        "--message", "test command exited with 9")),
                Arguments.of("result-failed-exit9-with-details.json", UTC, List.of("--status", "failed",
                        "--exit-code", "9", "--message", "openclaw_gateway_exited", "--details-json",
                        OPENCLAW_FAILED_DETAILS)),
                Arguments.of("result-failed-bootstrap-exit2.json", UTC, List.of("--status", "failed", "--exit-code",
                        "2", "--message", "Incus guest bootstrap failed: Incus guest request is missing non-empty "
                                + "string field `command`")));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void statusAndResultFilesAreByteIdentical(String fixture, ZoneId zone, List<String> words, @TempDir Path dir)
            throws IOException {
        JsonNode expected = Fixtures.json(Fixtures.bytes(DIR + fixture));
        boolean status = fixture.startsWith("status");
        String at = expected.get(status ? "updated_at" : "finished_at").asText();
        LifecycleWriter writer = GuestWriters.fixed(dir, OffsetDateTime.parse(at).toInstant(), zone);
        Path out = dir.resolve("run/pika-cloud/" + (status ? "status.json" : "result.json"));
        List<String> args = new ArrayList<>(List.of(status ? "status" : "result",
                status ? "--status-path" : "--result-path", out.toString()));
        args.addAll(words);
        CliRun run = GuestWriters.lifecycle(writer, args.toArray(String[]::new));
        assertEquals("", run.ok());
        assertArrayEquals(Fixtures.bytes(DIR + fixture), Files.readAllBytes(out), fixture);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left next to " + fixture);
        }
    }

    private static void event(Path dir, Path events, String timestamp, List<String> words) {
        LifecycleWriter writer = GuestWriters.fixed(dir, OffsetDateTime.parse(timestamp).toInstant(), UTC);
        List<String> args = new ArrayList<>(List.of("event", "--events-path", events.toString()));
        args.addAll(words);
        assertEquals("", GuestWriters.lifecycle(writer, args.toArray(String[]::new)).ok());
    }

    private static String timestamp(String fixture, int line) {
        return Fixtures.json(Fixtures.text(DIR + fixture).lines().toList().get(line)).get("timestamp").asText();
    }

    /** The three events of one guest run (booted, starting, then the end), as the guest script writes them. */
    private static Path run(Path dir, String fixture, String command, boolean root, String endKind,
                            String endMessage, int exitCode) {
        Path events = dir.resolve("events.jsonl");
        event(dir, events, timestamp(fixture, 0), List.of("--kind", "booted", "--message", "incus guest booted"));
        event(dir, events, timestamp(fixture, 1), List.of("--kind", "starting", "--message",
                "launching guest command", "--details-json",
                "{\"command\": \"" + command + "\", \"run_as_root\": " + root + "}"));
        event(dir, events, timestamp(fixture, 2), List.of("--kind", endKind, "--message", endMessage,
                "--details-json", "{\"exit_code\": " + exitCode + "}"));
        return events;
    }

    @Test
    void aRunsEventsAndSeqFileAreByteIdentical(@TempDir Path dir) throws IOException {
        Path events = run(dir, "events-run.jsonl", "cargo test", false, "completed", "test passed", 0);
        assertArrayEquals(Fixtures.bytes(DIR + "events-run.jsonl"), Files.readAllBytes(events));
        assertArrayEquals(Fixtures.bytes(DIR + "events-run.jsonl.seq"), Files.readAllBytes(dir.resolve(
                "events.jsonl.seq")));
    }

    @Test
    void aFailedRunsEventsAreByteIdentical(@TempDir Path dir) throws IOException {
        Path events = run(dir, "events-run-failed.jsonl", "exit 9", true, "failed", "test command exited with 9", 9);
        assertArrayEquals(Fixtures.bytes(DIR + "events-run-failed.jsonl"), Files.readAllBytes(events));
    }

    @Test
    void anExplicitSeqPathIsUsedInsteadOfTheDefault(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.jsonl");
        String f = "events-explicit-seq-path.jsonl";
        event(dir, events, timestamp(f, 0), List.of("--seq-path", dir.resolve("custom.seq").toString(),
                "--kind", "booted", "--message", "incus guest booted"));
        assertArrayEquals(Fixtures.bytes(DIR + f), Files.readAllBytes(events));
        assertArrayEquals(Fixtures.bytes(DIR + "events-explicit-seq-path.seq"),
                Files.readAllBytes(dir.resolve("custom.seq")));
        assertEquals(false, Files.exists(dir.resolve("events.jsonl.seq")));
    }
}
