package dev.pika.cli.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.cli.JarProcess;
import dev.pika.cli.JarProcess.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pika validate*} run as a real process: exit codes, stdout/stderr separation, stdin, formats. */
class ValidateCliIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String VALID = "{\"schema_version\": 1, \"status\": \"completed\", "
            + "\"finished_at\": \"2026-03-25T20:00:00Z\", \"message\": \"test passed\", \"exit_code\": 0}";

    static String fixture(String rel) {
        return JarProcess.fixtures().resolve(rel).toString();
    }

    @Test
    void validFixtureExitsZeroWithSummaryOnStdout() {
        Result r = JarProcess.run("validate-result", fixture("upstream-lifecycle-helper/result-completed.json"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("1 valid, 0 invalid (0 errors, 0 warnings)\n", r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void legacyPassedIsRejectedWithLocationAndHint() {
        String file = fixture("upstream-test-payloads/LifecycleTerminalResult/reject-legacy-passed-status.json");
        Result r = JarProcess.run("validate-result", file);
        assertEquals(1, r.exitCode());
        String[] lines = r.stdout().split("\n");
        assertEquals(file + ":3:27: error[unknown-variant]: unknown variant `passed`, expected one of `completed`, "
                + "`failed` (at /status)", lines[0]);
        assertTrue(lines[1].startsWith("    hint: the legacy value `passed` was renamed to `completed`"), lines[1]);
        assertEquals("0 valid, 1 invalid (1 error, 0 warnings)", lines[2]);
        assertEquals("", r.stderr(), "findings are data: stdout");
    }

    @Test
    void stdinIsReadForDash() {
        Result r = JarProcess.run(VALID.getBytes(StandardCharsets.UTF_8), Map.of(), "validate-result", "-");
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        Result bad = JarProcess.run("{\"schema_version\": 1}".getBytes(StandardCharsets.UTF_8), Map.of(),
                "validate-result", "-");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.stdout().startsWith("<stdin>:1:1: error[missing-field]: missing field `status`"), bad.stdout());
    }

    @Test
    void missingFileAndDirectoryExitTwoButOtherFilesAreStillChecked(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("result.json");
        Files.writeString(good, VALID);
        Result r = JarProcess.run("validate-result", dir.resolve("missing.json").toString(), dir.toString(),
                good.toString());
        assertEquals(2, r.exitCode());
        assertEquals("pika: cannot read " + dir.resolve("missing.json") + ": no such file\n"
                + "pika: cannot read " + dir + ": is a directory\n", r.stderr());
        assertEquals("1 valid, 0 invalid, 2 unreadable (0 errors, 0 warnings)\n", r.stdout());
        Result unnamed = JarProcess.run("validate", dir.resolve("notes.txt").toString());
        assertEquals(2, unnamed.exitCode());
        assertTrue(unnamed.stderr().contains("cannot tell what kind of document"), unnamed.stderr());
        Result missing = JarProcess.run("validate-result", dir.resolve("nope.json").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("pika: cannot read " + dir.resolve("nope.json") + ": no such file\n", missing.stderr());
        assertFalse(missing.stderr().contains("Exception"), "no stack trace");
    }

    @Test
    void jsonFormatParsesAndCarriesEveryField() throws Exception {
        String file = fixture("upstream-test-payloads/LifecycleStatus/reject-unknown-state-passed.json");
        Result r = JarProcess.run("validate-status", "--format", "json", file,
                fixture("upstream-lifecycle-helper/status-booted.json"));
        assertEquals(1, r.exitCode());
        JsonNode doc = MAPPER.readTree(r.stdout());
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
        Result r = JarProcess.run("validate-events", "--format", "github", file);
        assertEquals(1, r.exitCode());
        assertTrue(r.stdout().startsWith("::error file=" + file + ",line=2,col="), r.stdout());
        assertTrue(r.stdout().contains(",title=unknown-variant::unknown variant `passed`"), r.stdout());
    }

    @Test
    void strictTurnsLintIntoFailureAndQuietHidesWarnings(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("result.json");
        Files.writeString(f, VALID.replace("\"exit_code\": 0", "\"exit_code\": 0, \"extra\": true"));
        Result lenient = JarProcess.run("validate", f.toString());
        assertEquals(0, lenient.exitCode());
        assertTrue(lenient.stdout().contains("warning[unknown-field]"), lenient.stdout());
        Result strict = JarProcess.run("validate", "--strict", f.toString());
        assertEquals(1, strict.exitCode());
        assertTrue(strict.stdout().contains("error[unknown-field]"), strict.stdout());
        Result quiet = JarProcess.run("validate", "-q", f.toString());
        assertEquals(0, quiet.exitCode());
        assertEquals("", quiet.stdout());
    }

    @Test
    void kindComesFromNameOrKindOption(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("my-request.txt");
        Files.writeString(f, "{\"schema_version\": 2, \"command\": \"cargo test\", \"timeout_secs\": 60, "
                + "\"run_as_root\": false}");
        assertEquals(2, JarProcess.run("validate", f.toString()).exitCode());
        assertEquals(0, JarProcess.run("validate", "--kind", "request", f.toString()).exitCode());
        Result badKind = JarProcess.run("validate", "--kind", "bogus", f.toString());
        assertEquals(2, badKind.exitCode());
        assertTrue(badKind.stderr().contains("unknown --kind `bogus`"), badKind.stderr());
        Path events = dir.resolve("events.jsonl");
        Files.copy(Path.of(fixture("upstream-lifecycle-helper/events-run.jsonl")), events);
        assertEquals(0, JarProcess.run("validate", events.toString()).exitCode());
    }

    @Test
    void usageErrorsExitTwoWithoutStackTraces() {
        Result r = JarProcess.run("validate-result", "--bogus", "x.json");
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("Unknown option: '--bogus'"), r.stderr());
        assertFalse(r.stderr().contains("at dev.pika"), r.stderr());
        assertEquals(2, JarProcess.run("validate-result").exitCode(), "FILE is required");
        assertEquals(2, JarProcess.run("no-such-command").exitCode());
    }

    @Test
    void versionAndHelp() {
        Result v = JarProcess.run("--version");
        assertEquals(0, v.exitCode());
        assertTrue(v.stdout().startsWith("pika 0.1.0\n"), v.stdout());
        for (String cmd : new String[] {"validate", "validate-result", "validate-status", "validate-events",
            "validate-request", "validate-spec"}) {
            Result h = JarProcess.run(cmd, "--help");
            assertEquals(0, h.exitCode(), cmd);
            assertTrue(h.stdout().contains("Usage: pika " + cmd), h.stdout());
            assertTrue(h.stdout().contains("Exit codes:"), cmd + " documents its exit codes");
        }
    }

    @Test
    void examplesInTheRepositoryGetTheirDocumentedVerdicts() {
        Path ex = JarProcess.repo().resolve("examples");
        Result good = JarProcess.run("validate", ex.resolve("result.json").toString(),
                ex.resolve("status.json").toString(), ex.resolve("events.jsonl").toString(),
                ex.resolve("guest-request.json").toString(), "--kind", "spec", ex.resolve("spec.json").toString());
        // --kind applies to every file, so check the spec separately
        assertEquals(1, good.exitCode(), "with --kind spec the result/status/events files are not specs");
        Result byName = JarProcess.run("validate", ex.resolve("result.json").toString(),
                ex.resolve("status.json").toString(), ex.resolve("events.jsonl").toString(),
                ex.resolve("guest-request.json").toString(), ex.resolve("spec.json").toString());
        assertEquals(0, byName.exitCode(), byName.stdout() + byName.stderr());
        assertEquals("5 valid, 0 invalid (0 errors, 0 warnings)\n", byName.stdout());
        Result legacy = JarProcess.run("validate-result", ex.resolve("legacy-passed-result.json").toString());
        assertEquals(1, legacy.exitCode());
        assertTrue(legacy.stdout().contains("hint: the legacy value `passed` was renamed"), legacy.stdout());
        Result v1 = JarProcess.run("validate-request", ex.resolve("guest-request-v1.json").toString());
        assertEquals(1, v1.exitCode());
        assertTrue(v1.stdout().contains("schema version 2 removed the host-supplied directories"), v1.stdout());
    }
}
