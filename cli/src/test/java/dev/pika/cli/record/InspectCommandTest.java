package dev.pika.cli.record;

import static dev.pika.cli.render.CliRun.pika;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.cli.render.CliRun;
import dev.pika.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pika image-record inspect}: the validate finding model and exit codes, plus what each record says. */
class InspectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FP = "f504710f6874ba5a36011cbec7bb27c23fa5df227529afc07528097f92e5f9b8";

    @TempDir
    Path dir;

    static String payload(String rel) {
        return Fixtures.dir().resolve("upstream-test-payloads").resolve(rel).toString();
    }

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void referenceRecordFixturesAreValidAndExplained() {
        CliRun r = pika("image-record", "inspect", payload("RemoteLinuxVmImageRecord/accept-legacy-role-alias.json"),
                payload("RemoteLinuxVmExecutionRecord/accept-phases-without-image.json"));
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        String out = r.out();
        assertTrue(out.contains("accept-legacy-role-alias.json:5:18: warning[fingerprint-format]: fingerprint "
                + "\"abc123\" is not 64 lowercase hex digits"), out);
        assertTrue(out.contains("accept-legacy-role-alias.json: image record\n"
                + "  alias          pikaci/dev\n"
                + "  project        pika-managed-agents\n"
                + "  fingerprint    abc123\n"
                + "  guest role     pikaci-runner\n"
                + "  implied role   pikaci-runner\n"
                + "  default alias  yes\n"), out);
        assertTrue(out.contains("accept-phases-without-image.json: execution record\n"
                + "  no image record (incus_image is missing or null)\n"), out);
        assertTrue(out.endsWith("2 valid, 0 invalid (0 errors, 1 warning)\n"), out);
    }

    @Test
    void strictTurnsLintIntoFailure() {
        CliRun r = pika("image-record", "inspect", "--strict",
                payload("RemoteLinuxVmImageRecord/accept-with-guest-role.json"));
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("error[fingerprint-format]"), r.out());
    }

    @Test
    void textShowsShortFingerprintCustomAliasAndNoRecordedRole() throws IOException {
        Path p = write("custom.json", "{\"project\":\"p\",\"alias\":\"ci/custom\",\"fingerprint\":\"" + FP + "\"}");
        CliRun r = pika("image-record", "inspect", p.toString());
        assertEquals(0, r.exitCode());
        assertEquals(p + ": image record\n"
                + "  alias          ci/custom\n"
                + "  project        p\n"
                + "  fingerprint    f504710f6874\n"
                + "  guest role     - (not recorded)\n"
                + "  implied role   - (custom alias)\n"
                + "  default alias  no\n"
                + "1 valid, 0 invalid (0 errors, 0 warnings)\n", r.out());
    }

    @Test
    void jsonLinesGiveFullAndShortFingerprintRolesAndLinesPerRecord() throws IOException {
        Path p = write("records.txt", "{\"guest_role\":\"pikaci-runner\",\"project\":\"p\",\"alias\":\"pikaci/dev\","
                + "\"fingerprint\":\"" + FP + "\"}\n"
                + "\n"
                + "{\"backend\":\"incus\",\"incus_image\":{\"role\":\"managed-openclaw\",\"project\":\"p\","
                + "\"alias\":\"pikaci/dev\"},\"phases\":[]}\n");
        CliRun r = pika("image-record", "inspect", "--lines", "--format", "json", p.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = assertJson(r.out()).get("documents").get(0);
        assertTrue(doc.get("valid").booleanValue());
        assertTrue(doc.get("lines").booleanValue());
        JsonNode finding = doc.get("findings").get(0);
        assertEquals("recorded-role-mismatch", finding.get("rule").asText());
        assertEquals("/incus_image/role", finding.get("pointer").asText());
        assertEquals(3, finding.get("line").intValue());
        assertEquals(42, finding.get("column").intValue());
        JsonNode first = doc.get("records").get(0);
        assertEquals(1, first.get("line").intValue());
        assertEquals("", first.get("pointer").asText());
        assertEquals("image-record", first.get("kind").asText());
        assertEquals(FP, first.get("fingerprint").asText());
        assertEquals(FP.substring(0, 12), first.get("short_fingerprint").asText());
        assertEquals("pikaci-runner", first.get("guest_role").asText());
        assertEquals("pikaci-runner", first.get("implied_role").asText());
        assertTrue(first.get("uses_default_alias").booleanValue());
        JsonNode second = doc.get("records").get(1);
        assertEquals(3, second.get("line").intValue());
        assertEquals("execution-record", second.get("kind").asText());
        assertEquals("/incus_image", second.get("image_pointer").asText());
        assertEquals("managed-openclaw", second.get("guest_role").asText());
        assertEquals("pikaci-runner", second.get("implied_role").asText());
        assertFalse(second.get("uses_default_alias").booleanValue());
        assertTrue(second.get("fingerprint").isNull());
    }

    @Test
    void aJsonlFileIsReadLineByLineAndABadLineIsLocated() throws IOException {
        Path p = write("bad.jsonl", "{\"project\":\"p\",\"alias\":\"a\"}\n {\"project\":\"p\",\"alias\":7}\n");
        CliRun r = pika("image-record", "inspect", p.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains(p + ":2:25: error[invalid-type]: invalid type: integer `7`, expected a string "
                + "(at /alias)"), r.out());
        assertTrue(r.out().contains(p + ":1: image record\n"), r.out());
        assertTrue(r.out().endsWith("0 valid, 1 invalid (1 error, 0 warnings)\n"), r.out());
    }

    @Test
    void aTopLevelArrayIsOnePositionalRecordNotAList() throws IOException {
        Path ok = write("positional.json", "[null,\"p\",\"pikaci/dev\"]");
        CliRun r = pika("image-record", "inspect", ok.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains(ok + ":1:1: warning[positional-struct]: "), r.out());
        assertTrue(r.out().contains(ok + ": image record\n  alias          pikaci/dev\n  project        p\n"), r.out());
        assertEquals(1, pika("image-record", "inspect", "--strict", "-q", ok.toString()).exitCode(),
                "the positional form is a warning: an error under --strict");

        Path empty = write("empty.json", "[]");
        CliRun e = pika("image-record", "inspect", empty.toString());
        assertEquals(1, e.exitCode());
        assertTrue(e.out().contains("error[invalid-length]: invalid length 1, expected struct "
                + "RemoteLinuxVmImageRecord with 4 elements"), e.out());

        Path list = write("list.json", "[{\"project\":\"p\",\"alias\":\"a\"}]");
        CliRun l = pika("image-record", "inspect", list.toString());
        assertEquals(1, l.exitCode(), "a list of records is not one record: " + l.out());
        assertTrue(l.out().contains("(at /0)"), l.out());
    }

    @Test
    void forcedKindAndBadKind() throws IOException {
        Path p = write("image.json", "{\"project\":\"p\",\"alias\":\"a\"}");
        assertEquals(0, pika("image-record", "inspect", "--kind", "image-record", p.toString()).exitCode());
        CliRun asExecution = pika("image-record", "inspect", "--kind", "execution-record", p.toString());
        assertEquals(1, asExecution.exitCode());
        assertTrue(asExecution.out().contains("missing field `backend`"), asExecution.out());
        CliRun bad = pika("image-record", "inspect", "--kind", "result", p.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("unknown --kind `result`"), bad.err());
    }

    @Test
    void unreadableInputIsExitTwo() {
        CliRun r = pika("image-record", "inspect", dir.resolve("missing.json").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no such file"), r.err());
        assertEquals(2, pika("image-record", "inspect").exitCode(), "FILE is required");
        assertEquals(2, pika("image-record").exitCode(), "a subcommand is required");
    }

    static JsonNode assertJson(String out) throws IOException {
        JsonNode n = JSON.readTree(out);
        assertTrue(n.has("valid") && n.has("summary") && n.has("documents"), out);
        return n;
    }
}
