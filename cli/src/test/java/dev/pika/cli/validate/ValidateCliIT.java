package dev.pika.cli.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.testkit.Fixtures;
import dev.pika.testkit.Proc.Result;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pika validate*} run as a real process: exit codes, stdout/stderr separation, stdin, formats. */
class ValidateCliIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String VALID = "{\"schema_version\": 1, \"status\": \"completed\", "
            + "\"finished_at\": \"2026-03-25T20:00:00Z\", \"message\": \"test passed\", \"exit_code\": 0}";

    static String fixture(String rel) {
        return Fixtures.dir().resolve(rel).toString();
    }

    @Test
    void validFixtureExitsZeroWithSummaryOnStdout() {
        Result r = Proc.pika("validate-result", fixture("upstream-lifecycle-helper/result-completed.json")).run();
        assertEquals(0, r.exit(), r.err());
        assertEquals("1 valid, 0 invalid (0 errors, 0 warnings)\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void legacyPassedIsRejectedWithLocationAndHint() {
        String file = fixture("upstream-test-payloads/LifecycleTerminalResult/reject-legacy-passed-status.json");
        Result r = Proc.pika("validate-result", file).run();
        assertEquals(1, r.exit());
        String[] lines = r.out().split("\n");
        assertEquals(file + ":3:27: error[unknown-variant]: unknown variant `passed`, expected one of `completed`, "
                + "`failed` (at /status)", lines[0]);
        assertTrue(lines[1].startsWith("    hint: the legacy value `passed` was renamed to `completed`"), lines[1]);
        assertEquals("0 valid, 1 invalid (1 error, 0 warnings)", lines[2]);
        assertEquals("", r.err(), "findings are data: stdout");
    }

    @Test
    void stdinIsReadForDash() {
        Result r = Proc.pika("validate-result", "-").stdin(VALID.getBytes(StandardCharsets.UTF_8)).run();
        assertEquals(0, r.exit(), r.out() + r.err());
        Result bad = Proc.pika("validate-result", "-")
                .stdin("{\"schema_version\": 1}".getBytes(StandardCharsets.UTF_8)).run();
        assertEquals(1, bad.exit());
        assertTrue(bad.out().startsWith("<stdin>:1:1: error[missing-field]: missing field `status`"), bad.out());
    }

    @Test
    void missingFileAndEmptyDirectoryExitTwoButOtherFilesAreStillChecked(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("result.json");
        Files.writeString(good, VALID);
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Result r = Proc.pika("validate-result", dir.resolve("missing.json").toString(), empty.toString(),
                good.toString()).run();
        assertEquals(2, r.exit());
        assertEquals("pika: cannot read " + dir.resolve("missing.json") + ": no such file\n"
                + "pika: nothing to check in " + empty + ": no file in it has a canonical name this command checks "
                + "(-r also looks in its subdirectories)\n", r.err());
        assertEquals("1 valid, 0 invalid, 2 unreadable (0 errors, 0 warnings)\n", r.out());
        Files.writeString(dir.resolve("notes.txt"), VALID);
        Result unnamed = Proc.pika("validate", dir.resolve("notes.txt").toString()).run();
        assertEquals(2, unnamed.exit());
        assertEquals("pika: cannot tell what kind of document " + dir.resolve("notes.txt") + " is: its name names "
                + "no kind; pass --kind (result, status, events, request, spec, image-record, execution-record)\n",
                unnamed.err());
        Result missing = Proc.pika("validate-result", dir.resolve("nope.json").toString()).run();
        assertEquals(2, missing.exit());
        assertEquals("pika: cannot read " + dir.resolve("nope.json") + ": no such file\n", missing.err());
        assertFalse(missing.err().contains("Exception"), "no stack trace");
    }

    @Test
    void aMissingFileIsNoSuchFileWhateverItsName(@TempDir Path dir) {
        Result r = Proc.pika("validate", dir.resolve("notes.txt").toString(), dir.resolve("my-result.json").toString())
                .run();
        assertEquals(2, r.exit());
        assertEquals("pika: cannot read " + dir.resolve("notes.txt") + ": no such file\n"
                + "pika: cannot read " + dir.resolve("my-result.json") + ": no such file\n", r.err());
    }

    @Test
    void theFileNameRuleInHelpIsTheOneTheCodeObeys(@TempDir Path dir) throws Exception {
        String help = Proc.pika("validate", "--help").run().out().replaceAll("\\s+", " ");
        assertTrue(help.contains("the words of the rest (split at -, _ and .) must name exactly one kind"), help);
        // every name the help gives as recognised is checked as that kind, and the others need --kind
        String status = "{\"schema_version\": 1, \"state\": \"booted\", \"updated_at\": "
                + "\"2026-03-25T20:00:00Z\", \"message\": \"m\"}";
        String spec = new String(Fixtures.bytes("upstream-test-payloads/RuntimeSpec/accept-sample-runtime-spec.json"),
                StandardCharsets.UTF_8);
        String request = "{\"schema_version\": 2, \"command\": \"true\", \"timeout_secs\": 5, "
                + "\"run_as_root\": false}";
        for (String[] named : new String[][] {{"result.json", VALID}, {"my-result.json", VALID},
            {"legacy-result.json", VALID}, {"result-exit9.json", VALID}, {"RESULT.JSON", VALID},
            {"runtime-spec.json", spec}, {"guest-request-v1.json", request}, {"request.json", request},
            {"ci.status.json", status}, {"old_status.json", status}}) {
            Path f = dir.resolve(named[0]);
            Files.writeString(f, named[1]);
            Result r = Proc.pika("validate", "--format", "json", f.toString()).run();
            assertEquals(0, r.exit(), named[0] + ": " + r.out() + r.err());
        }
        for (String name : new String[] {"notes.json", "results.json", "status-vs-result.json", "result.txt"}) {
            Path f = dir.resolve(name);
            Files.writeString(f, VALID);
            Result r = Proc.pika("validate", f.toString()).run();
            assertEquals(2, r.exit(), name);
            assertTrue(r.err().startsWith("pika: cannot tell what kind of document " + f + " is: its name names "),
                    r.err());
        }
        assertTrue(Proc.pika("validate", dir.resolve("status-vs-result.json").toString()).run().err()
                .contains("its name names 2 kinds (result, status)"));
    }

    @Test
    void jsonFormatParsesAndCarriesEveryField() throws Exception {
        String file = fixture("upstream-test-payloads/LifecycleStatus/reject-unknown-state-passed.json");
        Result r = Proc.pika("validate-status", "--format", "json", file, fixture("upstream-lifecycle-helper/status-booted.json"))
                .run();
        assertEquals(1, r.exit());
        JsonNode doc = MAPPER.readTree(r.out());
        assertFalse(doc.get("valid").asBoolean());
        assertEquals(1, doc.get("summary").get("valid").asInt());
        assertEquals(1, doc.get("summary").get("invalid").asInt());
        JsonNode finding = doc.get("documents").get(0).get("findings").get(0);
        assertEquals("error", finding.get("severity").asText());
        assertEquals("unknown-variant", finding.get("rule").asText());
        assertEquals(3, finding.get("line").asInt());
        assertEquals(26, finding.get("column").asInt());
        assertEquals(33, finding.get("end_column").asInt());
        assertEquals("/state", finding.get("pointer").asText());
        assertEquals("status", doc.get("documents").get(0).get("kind").asText());
        assertTrue(doc.get("documents").get(1).get("valid").asBoolean());
    }

    @Test
    void githubFormatEmitsAnnotations() {
        String file = fixture("upstream-test-payloads/LifecycleEventStream/reject-line2-unknown-kind.jsonl");
        Result r = Proc.pika("validate-events", "--format", "github", file).run();
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("::error file=" + file + ",line=2,col="), r.out());
        assertTrue(r.out().contains(",title=unknown-variant::unknown variant `passed`"), r.out());
    }

    @Test
    void strictTurnsLintIntoFailureAndQuietHidesWarnings(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("result.json");
        Files.writeString(f, VALID.replace("\"exit_code\": 0", "\"exit_code\": 0, \"extra\": true"));
        Result lenient = Proc.pika("validate", f.toString()).run();
        assertEquals(0, lenient.exit());
        assertTrue(lenient.out().contains("warning[unknown-field]"), lenient.out());
        Result strict = Proc.pika("validate", "--strict", f.toString()).run();
        assertEquals(1, strict.exit());
        assertTrue(strict.out().contains("error[unknown-field]"), strict.out());
        Result quiet = Proc.pika("validate", "-q", f.toString()).run();
        assertEquals(0, quiet.exit());
        assertEquals("", quiet.out());
    }

    @Test
    void kindComesFromNameOrKindOption(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("my-request.txt");
        Files.writeString(f, "{\"schema_version\": 2, \"command\": \"cargo test\", \"timeout_secs\": 60, "
                + "\"run_as_root\": false}");
        assertEquals(2, Proc.pika("validate", f.toString()).run().exit());
        assertEquals(0, Proc.pika("validate", "--kind", "request", f.toString()).run().exit());
        Result badKind = Proc.pika("validate", "--kind", "bogus", f.toString()).run();
        assertEquals(2, badKind.exit());
        assertTrue(badKind.err().contains("unknown --kind `bogus`"), badKind.err());
        Path events = dir.resolve("events.jsonl");
        Files.copy(Path.of(fixture("upstream-lifecycle-helper/events-run.jsonl")), events);
        assertEquals(0, Proc.pika("validate", events.toString()).run().exit());
    }

    @Test
    void usageErrorsExitTwoWithoutStackTraces() {
        Result r = Proc.pika("validate-result", "--bogus", "x.json").run();
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Unknown option: '--bogus'"), r.err());
        assertFalse(r.err().contains("at dev.pika"), r.err());
        assertEquals(2, Proc.pika("validate-result").run().exit(), "FILE is required");
        assertEquals(2, Proc.pika("no-such-command").run().exit());
    }

    @Test
    void versionAndHelp() {
        Result v = Proc.pika("--version").run();
        assertEquals(0, v.exit());
        assertTrue(v.out().startsWith("pika 0.1.0\n"), v.out());
        for (String cmd : new String[] {"validate", "validate-result", "validate-status", "validate-events",
            "validate-request", "validate-spec"}) {
            Result h = Proc.pika(cmd, "--help").run();
            assertEquals(0, h.exit(), cmd);
            assertTrue(h.out().contains("Usage: pika " + cmd), h.out());
            assertTrue(h.out().contains("Exit codes:"), cmd + " documents its exit codes");
        }
    }

    @Test
    void examplesInTheRepositoryGetTheirDocumentedVerdicts() {
        Path ex = Repo.root().resolve("examples");
        Result good = Proc.pika("validate", ex.resolve("result.json").toString(), ex.resolve("status.json").toString(),
                ex.resolve("events.jsonl").toString(), ex.resolve("guest-request.json").toString(),
                "--kind", "spec", ex.resolve("spec.json").toString())
                .run();
        // --kind applies to every file, so check the spec separately
        assertEquals(1, good.exit(), "with --kind spec the result/status/events files are not specs");
        Result byName = Proc.pika("validate", ex.resolve("result.json").toString(), ex.resolve("status.json").toString(),
                ex.resolve("events.jsonl").toString(), ex.resolve("guest-request.json").toString(),
                ex.resolve("spec.json").toString())
                .run();
        assertEquals(0, byName.exit(), byName.out() + byName.err());
        assertEquals("5 valid, 0 invalid (0 errors, 0 warnings)\n", byName.out());
        Result legacy = Proc.pika("validate-result", ex.resolve("legacy-passed-result.json").toString()).run();
        assertEquals(1, legacy.exit());
        assertTrue(legacy.out().contains("hint: the legacy value `passed` was renamed"), legacy.out());
        Result v1 = Proc.pika("validate-request", ex.resolve("guest-request-v1.json").toString()).run();
        assertEquals(1, v1.exit());
        assertTrue(v1.out().contains("schema version 2 removed the host-supplied directories"), v1.out());
    }
}
