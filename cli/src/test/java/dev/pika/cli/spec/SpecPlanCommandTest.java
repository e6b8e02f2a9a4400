package dev.pika.cli.spec;

import static dev.pika.cli.render.CliRun.pika;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pika.cli.render.CliRun;
import dev.pika.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code pika spec plan}: the reference's Incus plan (CONTRACT.md §4) for every plan payload of the fixtures. */
class SpecPlanCommandTest {
    private static final String SAMPLE = "upstream-test-payloads/RuntimeSpec/accept-sample-with-snapshot-mount.json";
    private static final String SAMPLE_PLAN =
            "upstream-test-payloads/IncusRuntimePlan/accept-built-from-sample-with-snapshot-mount.json";

    static Stream<String> runtimePlans() {
        return Fixtures.index().stream().filter(e -> e.get("contract_type").asText().equals("IncusRuntimePlan"))
                .map(e -> "upstream-test-payloads/" + e.get("file").asText());
    }

    static Stream<String> mountPlans() {
        return Fixtures.index().stream().filter(e -> e.get("contract_type").asText().equals("IncusMountPlan"))
                .map(e -> "upstream-test-payloads/" + e.get("file").asText());
    }

    @Test
    void theSampleSpecPlansToTheReferencePlanByteForByte() {
        String out = pika("spec", "plan", "--format", "json", Fixtures.path(SAMPLE).toString()).ok();
        assertEquals(Fixtures.text(SAMPLE_PLAN) + "\n", out);
    }

    /** The spec a plan was made from: each planned mount back to a spec mount (mode from read_only). */
    private static ObjectNode specOf(JsonNode plan) {
        ObjectNode spec = plan.deepCopy();
        ArrayNode mounts = spec.putArray("mounts");
        for (JsonNode m : plan.path("mounts")) {
            mounts.add(mountSpecOf(m));
        }
        return spec;
    }

    private static ObjectNode mountSpecOf(JsonNode plannedMount) {
        ObjectNode mount = plannedMount.deepCopy();
        mount.remove(List.of("device_name", "read_only", "io_bus"));
        mount.put("mode", plannedMount.get("read_only").asBoolean() ? "read_only" : "read_write");
        return mount;
    }

    @ParameterizedTest
    @MethodSource("runtimePlans")
    void everyRuntimePlanFixtureIsWhatPlanPrintsForItsSpec(String fixture, @TempDir Path dir) throws IOException {
        JsonNode expected = Fixtures.json(Fixtures.bytes(fixture));
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, specOf(expected).toPrettyString());
        String out = pika("spec", "plan", "--format", "json", spec.toString()).ok();
        assertEquals(expected, Fixtures.json(out), fixture);
        assertEquals(Fixtures.text(fixture) + "\n", out, "same bytes as serde's to_vec_pretty, plus a newline");
    }

    @ParameterizedTest
    @MethodSource("mountPlans")
    void everyMountPlanFixtureIsWhatPlanPrintsForItsMount(String fixture, @TempDir Path dir) throws IOException {
        JsonNode expected = Fixtures.json(Fixtures.bytes(fixture));
        ObjectNode spec = (ObjectNode) Fixtures.json(Fixtures.bytes(SAMPLE));
        spec.putArray("mounts").add(mountSpecOf(expected));
        Path file = dir.resolve("spec.json");
        Files.writeString(file, spec.toString());
        JsonNode plan = Fixtures.json(pika("spec", "plan", "--format", "json", file.toString()).ok());
        assertEquals(expected, plan.get("mounts").get(0), fixture);
    }

    @Test
    void argvFormatPrintsIncusInitAndOneDeviceAddPerMount() {
        String out = pika("spec", "plan", "--format", "argv", Fixtures.path(SAMPLE).toString()).ok();
        assertEquals("""
                incus init pikaci/dev pika-runtime-1 --project pika-managed-agents --profile default \
                -c limits.cpu=2 -c limits.memory=4096MiB
                incus config device add pika-runtime-1 pk-persis-b09b5ac0 disk path=/var/lib/pika \
                source=customer-state --project pika-managed-agents
                incus config device add pika-runtime-1 pk-snapsh-7bc0883f disk io.bus=virtiofs \
                path=/workspace/snapshot readonly=true source=/var/tmp/run/snapshot --project pika-managed-agents
                """, out);
    }

    @Test
    void argvWordsAreShellQuoted(@TempDir Path dir) throws IOException {
        ObjectNode spec = (ObjectNode) Fixtures.json(Fixtures.bytes(SAMPLE));
        ((ObjectNode) spec.get("mounts").get(1)).put("source", "/srv/it's here");
        Path file = dir.resolve("spec.json");
        Files.writeString(file, spec.toString());
        String out = pika("spec", "plan", "--format", "argv", file.toString()).ok();
        assertTrue(out.contains(" 'source=/srv/it'\\''s here' "), out);
    }

    @Test
    void textFormatShowsLimitsAndDevices() {
        String out = pika("spec", "plan", Fixtures.path(SAMPLE).toString()).ok();
        assertTrue(out.startsWith("instance pika-runtime-1 (runtime runtime-1)\n"), out);
        assertTrue(out.contains("  limits.memory: 4096MiB\n"), out);
        assertTrue(out.contains("  pk-snapsh-7bc0883f (read_only_snapshot, required)\n    io.bus: virtiofs\n"), out);
    }

    @Test
    void anInvalidSpecPrintsTheValidatorsFindingsAndExitsOne() {
        String file = Fixtures.path("upstream-test-payloads/RuntimeSpec/reject-duplicate-mount-guest-path.json")
                .toString();
        CliRun text = pika("spec", "plan", "--format", "argv", file);
        assertEquals(1, text.exitCode());
        assertTrue(text.out().contains(":26:21: error[spec-duplicate-mount-guest-path]: runtime spec mount "
                + "guest_path `/var/lib/pika` must be unique"), text.out());
        assertFalse(text.out().contains("incus init"), text.out());

        CliRun json = pika("spec", "plan", "--format", "json", file);
        assertEquals(1, json.exitCode());
        JsonNode report = Fixtures.json(json.out());
        assertFalse(report.get("valid").asBoolean());
        assertEquals("spec-duplicate-mount-guest-path",
                report.get("documents").get(0).get("findings").get(0).get("rule").asText());
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun missing = pika("spec", "plan", "/nonexistent/spec.json");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("cannot read /nonexistent/spec.json: no such file"), missing.err());
        CliRun badFormat = pika("spec", "plan", "--format", "yaml", Fixtures.path(SAMPLE).toString());
        assertEquals(2, badFormat.exitCode());
        assertTrue(badFormat.err().contains("expected one of text, json, argv"), badFormat.err());
        assertEquals(2, pika("spec").exitCode());
    }
}
