package dev.pika.cli.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.cli.JarProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pika image-record from-incus} and {@code inspect} against a real image server: Incus 6.0 ({@code incus})
 * as set up by .ci/setup-incus.sh, and ssh to the sshd on 127.0.0.1 that .ci/setup-image.sh starts. Two tiny real VM images
 * (metadata.tar.xz + a qcow2 from qemu-img) are imported into a project of this run's own, one under the default
 * alias {@code pikaci/dev} and one under the custom alias {@code pikaci/dev-custom} — which {@code image list
 * pikaci/dev} also lists, so the exact-alias pick is really exercised. The project is removed afterwards.
 */
class ImageRecordLiveIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "/root/.ssh/pika-ci-image";
    private static final String PROJECT = "pika-records-"
            + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    private static final String CUSTOM = "pikaci/dev-custom";

    @TempDir
    static Path tmp;

    private static String fpDefault;
    private static String fpCustom;

    record Run(int exit, String out, String err) {
    }

    static Run tool(String... argv) {
        try {
            Path out = Files.createTempFile("records-it", ".out");
            Path err = Files.createTempFile("records-it", ".err");
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                    "/dev/null"))).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + List.of(argv));
            }
            Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            return new Run(127, "", String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Run must(String... argv) {
        Run r = tool(argv);
        assertEquals(0, r.exit(), () -> List.of(argv) + " failed: " + r.err());
        return r;
    }

    /** Missing tool: FAIL when CI=true, else skip naming the setup script. */
    static void require(String what, boolean present) {
        if (present) {
            return;
        }
        String message = what + " is not available: run .ci/setup-image.sh and .ci/setup-incus.sh (install and start incus, qemu-utils, "
                + "sshd on 127.0.0.1 with " + KEY + ")";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    /** Builds a tiny VM image (its description makes its fingerprint unique) and imports it under {@code alias}. */
    static String importImage(String name, String alias) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("metadata.yaml"), "architecture: x86_64\ncreation_date: 1700000000\n"
                + "properties:\n  description: \"pika records test " + name + " " + PROJECT + "\"\n");
        must("bash", "-c", "set -euo pipefail; cd \"$1\"; tar -cf - metadata.yaml | xz -c > metadata.tar.xz; "
                + "qemu-img create -q -f qcow2 disk.qcow2 16M", "build", dir.toString());
        Run r = must("incus", "image", "import", "--project", PROJECT, dir.resolve("metadata.tar.xz").toString(),
                dir.resolve("disk.qcow2").toString(), "--alias", alias);
        assertTrue(r.out().contains("fingerprint"), r.out());
        return fingerprintOf(alias);
    }

    /** @return the fingerprint {@code incus image list --format json} gives the image with exactly this alias */
    static String fingerprintOf(String alias) throws IOException {
        JsonNode list = JSON.readTree(must("incus", "image", "list", "--project", PROJECT, "--format", "json").out());
        for (JsonNode image : list) {
            for (JsonNode a : image.get("aliases")) {
                if (a.get("name").asText().equals(alias)) {
                    return image.get("fingerprint").asText();
                }
            }
        }
        throw new AssertionError("incus lists no image with alias " + alias + ": " + list);
    }

    @BeforeAll
    static void imageServer() throws IOException {
        require("incus (`incus info`; .ci/setup-incus.sh)", tool("incus", "info").exit() == 0);
        require("qemu-img", tool("qemu-img", "--version").exit() == 0);
        require("xz", tool("xz", "--version").exit() == 0);
        must("incus", "project", "create", PROJECT, "-c", "features.images=true", "-c", "features.profiles=true");
        fpDefault = importImage("default", "pikaci/dev");
        fpCustom = importImage("custom", CUSTOM);
        assertNotEquals(fpDefault, fpCustom);
    }

    @AfterAll
    static void dropProject() throws IOException {
        if (tool("incus", "project", "show", PROJECT).exit() != 0) {
            return;
        }
        for (JsonNode image : JSON.readTree(must("incus", "image", "list", "--project", PROJECT, "--format", "json")
                .out())) {
            must("incus", "image", "delete", "--project", PROJECT, image.get("fingerprint").asText());
        }
        must("incus", "project", "delete", PROJECT);
    }

    static JsonNode record(JarProcess.Result r) throws IOException {
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        return JSON.readTree(r.stdout());
    }

    static void assertInspectAccepts(String recordJson) throws IOException {
        JarProcess.Result inspect = JarProcess.run(recordJson.getBytes(StandardCharsets.UTF_8), Map.of(),
                "image-record", "inspect", "--strict", "--format", "json", "-");
        assertEquals(0, inspect.exitCode(), inspect.stdout() + inspect.stderr());
        JsonNode doc = JSON.readTree(inspect.stdout()).get("documents").get(0);
        assertEquals(0, doc.get("findings").size(), doc.toString());
    }

    @Test
    void defaultAliasRecordsTheRoleAndTheListedFingerprint() throws IOException {
        JarProcess.Result r = JarProcess.run("image-record", "from-incus", "--role", "pikaci-runner", "--local",
                "--incus-bin", "incus", "--project", PROJECT);
        JsonNode rec = record(r);
        assertEquals(List.of("guest_role", "project", "alias", "fingerprint"), fieldNames(rec));
        assertEquals("pikaci-runner", rec.get("guest_role").asText());
        assertEquals(PROJECT, rec.get("project").asText());
        assertEquals("pikaci/dev", rec.get("alias").asText());
        assertEquals(fpDefault, rec.get("fingerprint").asText());
        assertTrue(fpDefault.matches("[0-9a-f]{64}"), fpDefault);
        assertInspectAccepts(r.stdout());
    }

    @Test
    void customAliasRecordsNoRoleAndItsOwnImage() throws IOException {
        JarProcess.Result r = JarProcess.run("image-record", "from-incus", "--role", "pikaci-runner", "--local",
                "--incus-bin", "incus", "--project", PROJECT, "--alias", CUSTOM);
        JsonNode rec = record(r);
        assertEquals(List.of("project", "alias", "fingerprint"), fieldNames(rec));
        assertEquals(CUSTOM, rec.get("alias").asText());
        assertEquals(fpCustom, rec.get("fingerprint").asText());
        assertInspectAccepts(r.stdout());
    }

    @Test
    void anotherRolesDefaultAliasRecordsNoRole() throws IOException {
        JsonNode rec = record(JarProcess.run("image-record", "from-incus", "--role", "managed-openclaw", "--local",
                "--incus-bin", "incus", "--project", PROJECT, "--alias", "pikaci/dev"));
        assertFalse(rec.has("guest_role"), rec.toString());
        assertEquals(fpDefault, rec.get("fingerprint").asText());
    }

    @Test
    void overSshOnLoopbackGivesTheSameRecord() throws IOException {
        require("sshd on 127.0.0.1 with " + KEY, Files.isReadable(Path.of(KEY)) && tool("ssh", "-i", KEY, "-o",
                "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new", "127.0.0.1", "true").exit() == 0);
        JarProcess.Result local = JarProcess.run("image-record", "from-incus", "--role", "pikaci-runner", "--local",
                "--incus-bin", "incus", "--project", PROJECT);
        JarProcess.Result remote = JarProcess.run(null, Map.of("PIKA_BUILD_SSH_KEY", KEY), "image-record",
                "from-incus", "--role", "pikaci-runner", "--remote-host", "127.0.0.1", "--incus-bin", "incus",
                "--project", PROJECT);
        assertEquals(0, remote.exitCode(), remote.stderr());
        assertEquals(local.stdout(), remote.stdout());
        assertEquals(fpDefault, record(remote).get("fingerprint").asText());
    }

    @Test
    void absentAliasAndMissingProjectFailClearly() {
        JarProcess.Result absent = JarProcess.run("image-record", "from-incus", "--role", "pikaci-runner", "--local",
                "--incus-bin", "incus", "--project", PROJECT, "--alias", "pikaci/de");
        assertEquals(1, absent.exitCode());
        assertEquals("", absent.stdout());
        assertTrue(absent.stderr().startsWith("pika: no image with alias pikaci/de in project " + PROJECT
                + " (incus); similar aliases: "), absent.stderr());
        JarProcess.Result project = JarProcess.run("image-record", "from-incus", "--role", "pikaci-runner",
                "--local", "--incus-bin", "incus", "--project", PROJECT + "-missing");
        assertEquals(1, project.exitCode());
        assertTrue(project.stderr().startsWith("pika: incus failed (exit 1) listing images of project " + PROJECT
                + "-missing: "), project.stderr());
    }

    @Test
    void recordFileInsideAnExecutionRecordAndJsonLinesIsInspected() throws IOException {
        Path out = tmp.resolve("image-record.json");
        JarProcess.Result r = JarProcess.run("image-record", "from-incus", "--role", "pikaci-runner", "--local",
                "--incus-bin", "incus", "--project", PROJECT, "-o", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stdout());
        // one record per line: a JSON string holds no raw line break, so joining the lines keeps the record
        String record = Files.readString(out).strip().replaceAll("[\r\n]+", " ");
        Path execution = tmp.resolve("records.jsonl");
        Files.writeString(execution, "{\"backend\":\"incus\",\"incus_image\":" + record + ",\"phases\":[]}\n"
                + record + "\n");
        JarProcess.Result inspect = JarProcess.run("image-record", "inspect", execution.toString());
        assertEquals(0, inspect.exitCode(), inspect.stdout() + inspect.stderr());
        assertTrue(inspect.stdout().contains(execution + ":1: execution record\n  alias          pikaci/dev\n"),
                inspect.stdout());
        assertTrue(inspect.stdout().contains("  fingerprint    " + fpDefault.substring(0, 12) + "\n"),
                inspect.stdout());
        assertTrue(inspect.stdout().contains(execution + ":2: image record\n"), inspect.stdout());
        assertTrue(inspect.stdout().endsWith("1 valid, 0 invalid (0 errors, 0 warnings)\n"), inspect.stdout());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
