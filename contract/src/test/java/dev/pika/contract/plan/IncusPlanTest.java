package dev.pika.contract.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.Fixtures;
import dev.pika.contract.model.MountKind;
import dev.pika.contract.model.MountMode;
import dev.pika.contract.model.RuntimeMount;
import dev.pika.contract.model.RuntimeSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Incus plan of CONTRACT.md §4: device names, device config, instance config, plan documents. */
class IncusPlanTest {

    @Test
    void referenceDeviceNames() {
        assertEquals("pk-snapsh-7bc0883f",
                IncusMountPlan.deviceName(MountKind.READ_ONLY_SNAPSHOT, "/var/tmp/run/snapshot", "/workspace/snapshot"));
        assertEquals("pk-persis-b09b5ac0",
                IncusMountPlan.deviceName(MountKind.PERSISTENT_VOLUME, "customer-state", "/var/lib/pika"));
    }

    @ParameterizedTest
    @CsvSource({
        "'',cbf29ce484222325", "a,af63dc4c8601ec8c", "foobar,85944171f73967e8"
    })
    void fnv1a64MatchesPublishedVectors(String input, String hex) {
        assertEquals(hex, String.format("%016x", IncusMountPlan.fnv1a64(input.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void deviceNameIsDerivedFromTheSanitizedSeed() {
        String seed = "artifact-" + "host-out-1" + "-" + "run-pika-cloud-artifacts";
        long h = IncusMountPlan.fnv1a64(seed.getBytes(StandardCharsets.UTF_8));
        assertEquals("pk-artifa-" + String.format("%08x", h & 0xffffffffL),
                IncusMountPlan.deviceName(MountKind.ARTIFACT_OUTPUT, "--Host/OUT_1/", "/run/pika-cloud/artifacts"));
        assertTrue(IncusMountPlan.deviceName(MountKind.CACHE, "c", "/c").startsWith("pk-cache-"));
        assertEquals(17, IncusMountPlan.deviceName(MountKind.CACHE, "c", "/c").length());
    }

    @Test
    void sanitizeLowerCasesAsciiAlphanumericsAndDashesTheRest() {
        assertEquals("var-tmp-run-snapshot", IncusMountPlan.sanitize("/var/tmp/run/snapshot"));
        assertEquals("bc-9", IncusMountPlan.sanitize("-ÄBC_9//"));
        assertEquals("a--b", IncusMountPlan.sanitize("a\uD83D\uDE00.b"));
        assertEquals("", IncusMountPlan.sanitize("/-/"));
    }

    @Test
    void readOnlyMountsGetVirtiofsAndReadonlyDeviceConfig() throws Exception {
        RuntimeMount ro = ContractCodec.decode(RuntimeMount.class, "m",
                Fixtures.bytes("RuntimeMount/accept-read-only-snapshot.json"));
        IncusMountPlan planned = IncusMountPlan.of(ro);
        assertEquals(new IncusMountPlan(MountKind.READ_ONLY_SNAPSHOT, "/var/tmp/run/snapshot", "/workspace/snapshot",
                "pk-snapsh-7bc0883f", true, "virtiofs", true), planned);
        assertEquals(Fixtures.text("IncusMountPlan/accept-read-only-snapshot.json"), ContractCodec.encode(planned));
        assertEquals(List.of("io.bus", "path", "readonly", "source", "type"), List.copyOf(planned.deviceConfig().keySet()));
    }

    @Test
    void readWriteMountsHaveNoIoBusAndNoReadonlyKey() {
        IncusMountPlan rw = IncusMountPlan.of(new RuntimeMount(MountKind.PERSISTENT_VOLUME, "/var/lib/pika",
                "customer-state", MountMode.READ_WRITE, false));
        assertNull(rw.ioBus());
        assertEquals(Map.of("type", "disk", "source", "customer-state", "path", "/var/lib/pika"), rw.deviceConfig());
        assertEquals("{\"kind\":\"persistent_volume\",\"source\":\"customer-state\",\"guest_path\":\"/var/lib/pika\","
                + "\"device_name\":\"pk-persis-b09b5ac0\",\"read_only\":false,\"required\":false}", ContractCodec.encode(rw));
        IncusMountPlan blankBus = new IncusMountPlan(MountKind.CACHE, "c", "/c", "pk-cache-1", false, " ", false);
        assertEquals(new TreeMap<>(Map.of("type", "disk", "source", "c", "path", "/c")), blankBus.deviceConfig());
    }

    @Test
    void instanceConfigHasOnlyTheResourcesThatAreSet() throws Exception {
        IncusRuntimePlan plan = ContractCodec.decode(IncusRuntimePlan.class, "p",
                Fixtures.bytes("IncusRuntimePlan/accept-resources-cpu2-mem4096.json"));
        assertEquals(Map.of("limits.cpu", "2", "limits.memory", "4096MiB"), plan.instanceConfig());
        RuntimeSpec spec = RuntimeSpec.forIncus(plan.identity(), plan.incus(), new RuntimeSpec.Resources(null, 512L, 64L),
                List.of());
        assertEquals(Map.of("limits.memory", "512MiB"), IncusRuntimePlan.from(spec).instanceConfig());
        RuntimeSpec none = RuntimeSpec.forIncus(plan.identity(), plan.incus(), RuntimeSpec.Resources.NONE, null);
        assertEquals(Map.of(), IncusRuntimePlan.from(none).instanceConfig());
    }

    @Test
    void planFromTheSampleSpecEqualsTheReferencePlanDocument() throws Exception {
        RuntimeSpec spec = ContractCodec.decodeSpec("spec",
                Fixtures.bytes("RuntimeSpec/accept-sample-with-snapshot-mount.json"));
        IncusRuntimePlan plan = IncusRuntimePlan.from(spec);
        String expected = Fixtures.text("IncusRuntimePlan/accept-built-from-sample-with-snapshot-mount.json");
        assertEquals(expected, ContractCodec.encodePretty(plan));
        assertEquals(plan, ContractCodec.decode(IncusRuntimePlan.class, "plan", expected));
        assertEquals(List.of("pk-persis-b09b5ac0", "pk-snapsh-7bc0883f"), List.copyOf(plan.devices().keySet()));
        assertEquals("true", plan.devices().get("pk-snapsh-7bc0883f").get("readonly"));
    }

    @Test
    void invalidSpecsAreNotPlanned() throws Exception {
        RuntimeSpec spec = ContractCodec.decodeSpec("spec", Fixtures.bytes("RuntimeSpec/reject-empty-entry-command.json"));
        InvalidRuntimeSpecException e = assertThrows(InvalidRuntimeSpecException.class, () -> IncusRuntimePlan.from(spec));
        assertEquals("runtime spec field `entry_command` must be non-empty", e.getMessage());
        assertEquals(1, e.violations().size());
    }

    @Test
    void planDocumentsNeedTheirCoreFields() {
        assertThrows(dev.pika.contract.model.ContractDecodeException.class, () -> ContractCodec.decode(
                IncusRuntimePlan.class, "p", "{\"identity\":{\"runtime_id\":\"r\",\"instance_name\":\"i\"}}"));
        assertThrows(dev.pika.contract.model.ContractDecodeException.class, () -> ContractCodec.decode(
                IncusMountPlan.class, "m", "{\"kind\":\"cache\",\"source\":\"c\",\"guest_path\":\"/c\",\"device_name\":\"d\","
                        + "\"read_only\":false,\"required\":null}"));
    }
}
