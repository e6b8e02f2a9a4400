package dev.pika.cli.spec;

import static dev.pika.cli.render.CliRun.pika;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pika.testkit.Fixtures;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Requires;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The argv of {@code pika spec plan --format argv}, run verbatim by bash against real Incus, creates the instance
 * the plan describes: {@code limits.cpu}, {@code limits.memory} and each disk device with exactly the plan's device
 * config. The image is an empty container image imported into a random project (removed afterwards), so only
 * read-write mounts are planned: Incus refuses {@code io.bus} on containers, and this machine's Incus has no VM
 * driver; the read-only devices' config is covered by {@link SpecPlanCommandTest} against the fixtures.
 * About 5 s.
 */
@Requires("incus")
class SpecPlanIncusIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String incus(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of("incus"));
        argv.addAll(List.of(args));
        return Proc.of(argv).timeout(Duration.ofSeconds(120)).run().ok();
    }

    @Test
    void theArgvCreatesThePlannedInstance(@TempDir Path dir) throws IOException {
        String project = "pika-it-plan-" + UUID.randomUUID().toString().substring(0, 8);
        Path rootfs = Files.createDirectories(dir.resolve("rootfs"));
        Files.writeString(dir.resolve("metadata.yaml"), "architecture: x86_64\ncreation_date: "
                + System.currentTimeMillis() / 1000 + "\nproperties:\n  description: pika spec plan IT\n");
        Proc.of("tar", "-C", dir.toString(), "-cf", dir.resolve("meta.tar").toString(), "metadata.yaml").run().ok();
        Proc.of("tar", "-C", rootfs.toString(), "-cf", dir.resolve("rootfs.tar").toString(), ".").run().ok();
        incus("project", "create", project, "-c", "features.images=true", "-c", "features.profiles=false");
        try {
            incus("image", "import", dir.resolve("meta.tar").toString(), dir.resolve("rootfs.tar").toString(),
                    "--project", project, "--alias", "plan-it/dev");
            ObjectNode spec = (ObjectNode) Fixtures.json(Fixtures.bytes(
                    "upstream-test-payloads/RuntimeSpec/accept-sample-with-snapshot-mount.json"));
            ((ObjectNode) spec.get("incus")).put("project", project).put("image_alias", "plan-it/dev");
            ((ObjectNode) spec.get("identity")).put("instance_name", "plan-it-1");
            ((ObjectNode) spec.get("resources")).put("memory_mib", 256);
            ArrayNode mounts = spec.putArray("mounts");
            for (String name : List.of("state", "cache")) {
                mounts.addObject().put("kind", name.equals("state") ? "persistent_volume" : "cache")
                        .put("guest_path", "/var/lib/" + name)
                        .put("source", Files.createDirectories(dir.resolve(name)).toString())
                        .put("mode", "read_write").put("required", true);
            }
            Path specFile = dir.resolve("spec.json");
            Files.writeString(specFile, spec.toString());
            String argv = pika("spec", "plan", "--format", "argv", specFile.toString()).ok();
            Proc.Result run = Proc.of("bash", "-euc", argv).timeout(Duration.ofSeconds(180)).run();
            assertEquals(0, run.exit(), argv + run.out() + run.err());

            JsonNode plan = Fixtures.json(pika("spec", "plan", "--format", "json", specFile.toString()).ok());
            JsonNode instance = JSON.readTree(incus("query", "/1.0/instances/plan-it-1?project=" + project));
            assertEquals("2", instance.path("config").path("limits.cpu").asText());
            assertEquals("256MiB", instance.path("config").path("limits.memory").asText());
            assertEquals(2, plan.get("mounts").size());
            for (JsonNode m : plan.get("mounts")) {
                JsonNode device = instance.path("devices").path(m.get("device_name").asText());
                assertTrue(device.isObject(), m.get("device_name") + " in " + instance.path("devices"));
                assertEquals(JSON.createObjectNode().put("path", m.get("guest_path").asText())
                        .put("source", m.get("source").asText()).put("type", "disk"), device);
            }
        } finally {
            Proc.of("incus", "delete", "--force", "--project", project, "plan-it-1").run();
            Proc.of("incus", "image", "delete", "--project", project, "plan-it/dev").run();
            Proc.of("incus", "project", "delete", project).run();
        }
    }
}
