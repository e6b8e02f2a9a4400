package dev.pika.cli.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.testkit.Fixtures;
import dev.pika.testkit.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pika validate DIR}: canonical names picked, the rest skipped, cross-file lint of each state directory. */
class ValidateDirCliIT {
    private static final String HELPER = "upstream-lifecycle-helper/";

    /** A state directory from the lifecycle helper's real outputs. */
    private static Path stateDir(Path dir, String status, String result) throws Exception {
        Files.createDirectories(dir.resolve("logs"));
        Files.write(dir.resolve("status.json"), Fixtures.bytes(HELPER + status));
        Files.write(dir.resolve("result.json"), Fixtures.bytes(HELPER + result));
        Files.write(dir.resolve("events.jsonl"), Fixtures.bytes(HELPER + "events-run.jsonl"));
        Files.write(dir.resolve("events.jsonl.seq"), Fixtures.bytes(HELPER + "events-run.jsonl.seq"));
        Files.writeString(dir.resolve("logs/guest.log"), "log\n");
        return dir;
    }

    @Test
    void aConsistentStateDirIsValidAndTheRestIsListedAsSkipped(@TempDir Path tmp) throws Exception {
        Path run = stateDir(tmp.resolve("run"), "status-completed.json", "result-completed.json");
        Proc.Result r = Proc.pika("validate", run.toString()).run();
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(run + "/events.jsonl.seq: skipped: the event stream's seq file, not a document (the "
                + "state-directory checks read it)\n"
                + run + "/logs: skipped: a directory (-r checks inside)\n"
                + "4 valid, 0 invalid, 2 skipped (0 errors, 0 warnings)\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void anInconsistentStateDirIsFlaggedAndFailsUnderStrict(@TempDir Path tmp) throws Exception {
        Path run = stateDir(tmp.resolve("run"), "status-failed-exit9.json", "result-completed.json");
        Files.writeString(run.resolve("events.jsonl.seq"), "7\n");
        Proc.Result r = Proc.pika("validate", "-q", run.toString()).run();
        assertEquals(0, r.exit(), "lint only: " + r.out());
        assertEquals("", r.out(), "--quiet prints errors only");
        Proc.Result strict = Proc.pika("validate", "--strict", run.toString()).run();
        assertEquals(1, strict.exit(), strict.out());
        assertEquals(run + "/events.jsonl.seq: skipped: the event stream's seq file, not a document (the "
                + "state-directory checks read it)\n"
                + run + "/logs: skipped: a directory (-r checks inside)\n"
                + run + "/status.json: error[state-result-vs-status]: result.json says `completed` but status.json's "
                + "state is `failed`\n"
                + run + "/events.jsonl:3: error[state-last-event-vs-status]: the last event's kind is `completed` but "
                + "status.json's state is `failed`\n"
                + run + "/result.json: error[state-exit-code]: result.json's exit_code is 0 but status.json's "
                + "details.exit_code is 9\n"
                + run + "/events.jsonl.seq: error[state-seq-file]: events.jsonl.seq holds 7 but the last event's seq "
                + "is 3 (events were lost, or written elsewhere)\n"
                + "3 valid, 1 invalid, 2 skipped (4 errors, 0 warnings)\n", strict.out());
    }

    @Test
    void recursiveTreeJsonAndTheManagedRolesReadiness(@TempDir Path tmp) throws Exception {
        Path agent = Files.createDirectories(tmp.resolve("agents/a1"));
        Files.write(agent.resolve("status.json"), Fixtures.bytes(HELPER + "status-failed-exit9.json"));
        stateDir(tmp.resolve("ci/r1"), "status-completed.json", "result-completed.json");
        Files.writeString(tmp.resolve("README"), "x");
        Proc.Result r = Proc.pika("validate", "-r", "--role", "managed-openclaw", "--format", "json", tmp.toString())
                .run();
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        StringBuilder seen = new StringBuilder();
        for (JsonNode d : doc.get("documents")) {
            seen.append(tmp.relativize(Path.of(d.get("source").asText()))).append(' ').append(d.get("kind").asText())
                    .append(d.has("skipped") ? " skipped" : "").append(d.has("findings")
                            ? " " + d.get("findings").size() : "").append('\n');
        }
        assertEquals("""
                README null skipped
                agents/a1/status.json status 0
                agents/a1 state-dir 1
                ci/r1/events.jsonl events 0
                ci/r1/events.jsonl.seq null skipped
                ci/r1/logs/guest.log null skipped
                ci/r1/result.json result 0
                ci/r1/status.json status 0
                ci/r1 state-dir 0
                """, seen.toString());
        JsonNode readiness = doc.get("documents").get(2).get("findings").get(0);
        assertEquals("readiness", readiness.get("rule").asText());
        assertEquals("the server would not take this `failed` status: mismatched agent_kind (CONTRACT.md §9)",
                readiness.get("message").asText());
        assertEquals(3, doc.get("summary").get("skipped").asInt());
        assertTrue(doc.get("valid").asBoolean());
    }

    @Test
    void aFixedKindCommandPicksItsOwnFileOnly(@TempDir Path tmp) throws Exception {
        Path run = stateDir(tmp.resolve("run"), "status-completed.json", "result-completed.json");
        Proc.Result r = Proc.pika("validate-status", "-q", run.toString()).run();
        assertEquals(0, r.exit());
        Proc.Result json = Proc.pika("validate-status", "--format", "json", run.toString()).run();
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertEquals(1, doc.get("summary").get("valid").asInt(), json.out());
        assertEquals(4, doc.get("summary").get("skipped").asInt(), json.out());
        assertEquals("a runtime terminal result, which this command does not check",
                doc.get("documents").get(3).get("skipped").asText());
    }
}
