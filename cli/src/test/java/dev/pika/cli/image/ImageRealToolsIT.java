package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.model.ImageRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with real tools (issue 3, "Tests with real tools"): the real launcher and jar, real Nix building the
 * test flake offline, real Incus 6.0 ({@code incus}, started by .ci/setup-incus.sh), and ssh/scp to the sshd on
 * 127.0.0.1 that .ci/setup-image.sh starts. Each run uses its own Incus project, removed afterwards; one smoke test
 * imports into LXD ({@code --incus-bin lxc}), which stays supported.
 */
class ImageRealToolsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "/root/.ssh/pika-ci-image";
    private static final String PROJECT = Launcher.unique("pika-it-");

    @TempDir
    Path tmp;

    private List<String> tempDirsBefore;

    @BeforeAll
    static void realTools() {
        Launcher.require("nix", Launcher.toolRun("nix", "--version").exit() == 0);
        Launcher.require("qemu-img", Launcher.toolRun("qemu-img", "--version").exit() == 0);
        Launcher.require("sshd on 127.0.0.1 with " + KEY, Files.isReadable(Path.of(KEY))
                && Launcher.toolRun("ssh", "-i", KEY, "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new",
                        "127.0.0.1", "true").exit() == 0);
        Launcher.createProject(PROJECT);
    }

    @AfterAll
    static void dropProject() {
        Launcher.dropProject(Launcher.INCUS, PROJECT);
    }

    @BeforeEach
    void noteTempDirs() {
        tempDirsBefore = Launcher.remoteTempDirs();
    }

    @AfterEach
    void noRemoteTempDirLeft() throws InterruptedException {
        // new dirs only (other runs on a shared machine remove theirs meanwhile); a new dir of another run goes
        // away within seconds, one of ours would stay
        List<String> left = List.of();
        for (int i = 0; i < 40; i++) {
            left = new ArrayList<>(Launcher.remoteTempDirs());
            left.removeAll(tempDirsBefore);
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(List.of(), left, "remote temp dirs left behind");
    }

    /** @return fingerprint → alias names in this test's project */
    static Map<String, List<String>> images() {
        return Launcher.images(PROJECT);
    }

    static String aliasTarget(String alias) {
        return Launcher.aliasTarget(PROJECT, alias);
    }

    private static Map<String, String> env() {
        return Map.of("PIKA_BUILD_SSH_KEY", KEY, "PIKA_INCUS_BIN", Launcher.INCUS);
    }

    private static Launcher.Run image(Path cwd, String... args) {
        return Launcher.run("incus-role-image", cwd, env(), List.of(args));
    }

    private static List<String> common(String alias, String... more) {
        List<String> a = new ArrayList<>(List.of("--role", "pikaci-runner", "--project", PROJECT, "--alias", alias));
        a.addAll(List.of(more));
        return a;
    }

    private static Launcher.Run image(Path cwd, String sub, List<String> args) {
        List<String> all = new ArrayList<>();
        all.add(sub);
        all.addAll(args);
        return Launcher.run("incus-role-image", cwd, env(), all);
    }

    private static String fingerprintOf(Path result) throws IOException {
        return Hashes.sha256(result.resolve("metadata.tar.xz"), result.resolve("disk.qcow2"));
    }

    @Test
    void buildProducesResultWithBothFiles() throws IOException {
        Path flake = Launcher.testFlake(tmp.resolve("flake"), "build");
        Launcher.Run r = image(flake, "--role", "pikaci-runner", "build");
        assertEquals(0, r.exit(), r.both());
        assertTrue(Files.size(flake.resolve("result/metadata.tar.xz")) > 0);
        assertTrue(Files.size(flake.resolve("result/disk.qcow2")) > 0);
        assertTrue(Launcher.tool("qemu-img", "info", flake.resolve("result/disk.qcow2").toString())
                .contains("file format: qcow2"));
        assertEquals("", r.out());
        assertTrue(r.err().contains("[1/1] nix build (local) ... "), r.err());
    }

    @Test
    void importLocalAndViaSshLandTheImageUnderTheAlias() throws IOException {
        Path flake = Launcher.testFlake(tmp.resolve("flake"), "import-" + PROJECT);
        assertEquals(0, image(flake, "build", List.of("--role", "pikaci-runner")).exit());
        String fp = fingerprintOf(flake.resolve("result"));

        Launcher.Run local = image(flake, "import", common("it/local", "--local", "--format", "json", "-q"));
        assertEquals(0, local.exit(), local.both());
        assertEquals("", local.err(), "-q: nothing on stderr when all goes well");
        JsonNode summary = JSON.readTree(local.out());
        assertEquals(fp, summary.path("fingerprint").asText());
        assertTrue(summary.path("previous_fingerprint").isNull());
        assertEquals(List.of("it/local"), images().get(fp));

        Path record = tmp.resolve("record.json");
        Launcher.Run ssh = image(flake, "import", common("it/ssh", "--remote-host", "127.0.0.1",
                "--record-out", record.toString()));
        assertEquals(0, ssh.exit(), ssh.both());
        assertEquals(fp + "\n", ssh.out());
        assertEquals(fp, aliasTarget("it/ssh"));
        assertEquals(fp, aliasTarget("it/local"), "the other alias is untouched");
        assertTrue(ssh.err().contains("[2/5] upload image (scp to 127.0.0.1, "), ssh.err());
        assertTrue(ssh.err().contains("[5/5] cleanup (ssh 127.0.0.1) ... "), ssh.err());
        // a custom alias: the role is not recorded (CONTRACT.md §5); the provenance comes on top
        assertRecord(ImageRecord.forImport(null, PROJECT, "it/ssh", fp), record);
    }

    @Test
    void buildImportMovesTheAliasPrunesTheOldImageAndIdenticalReimportSucceeds() throws IOException {
        String alias = GuestRole.PIKACI_RUNNER.defaultImageAlias();
        Path flake = Launcher.testFlake(tmp.resolve("flake"), "one-" + PROJECT);
        Path record = tmp.resolve("out/record.json");
        Files.createDirectories(record.getParent());
        List<String> args = common(alias, "--remote-host", "127.0.0.1", "--format", "json",
                "--record-out", record.toString(), "--keep", "0");

        Launcher.Run first = image(flake, "build-import", args);
        assertEquals(0, first.exit(), first.both());
        String fp1 = JSON.readTree(first.out()).path("fingerprint").asText();
        assertEquals(fp1, aliasTarget(alias));
        assertTrue(first.err().contains("[3/6] nix build (remote 127.0.0.1) ... "), first.err());
        assertTrue(first.err().contains("sent "), "bytes of the source upload: " + first.err());
        assertRecord(ImageRecord.forImport(GuestRole.PIKACI_RUNNER, PROJECT, alias, fp1), record);
        assertTrue(Files.readString(record).contains("\"guest_role\": \"pikaci-runner\""));

        Files.writeString(flake.resolve("seed.txt"), "two-" + PROJECT + "\n");
        Launcher.Run second = image(flake, "build-import", args);
        assertEquals(0, second.exit(), second.both());
        JsonNode s2 = JSON.readTree(second.out());
        String fp2 = s2.path("fingerprint").asText();
        assertNotEquals(fp1, fp2);
        assertEquals(fp1, s2.path("previous_fingerprint").asText());
        assertTrue(s2.path("alias_moved").asBoolean());
        assertTrue(s2.path("previous_deleted").asBoolean());
        assertEquals(6, s2.path("phases").size());
        assertEquals(Map.of(fp2, List.of(alias)), images(), "alias moved, old image pruned (--keep 0)");

        Launcher.Run same = image(flake, "build-import", args);
        assertEquals(0, same.exit(), same.both());
        JsonNode s3 = JSON.readTree(same.out());
        assertEquals(fp2, s3.path("fingerprint").asText());
        assertFalse(s3.path("alias_moved").asBoolean());
        assertEquals(Map.of(fp2, List.of(alias)), images(), "identical re-import changes nothing");

        Files.writeString(flake.resolve("seed.txt"), "three-" + PROJECT + "\n");
        List<String> keep = new ArrayList<>(args);
        keep.add("--keep-old");
        Launcher.Run kept = image(flake, "build-import", keep);
        assertEquals(0, kept.exit(), kept.both());
        String fp3 = JSON.readTree(kept.out()).path("fingerprint").asText();
        assertEquals(Map.of(fp3, List.of(alias), fp2, List.of()), images(), "--keep-old keeps the previous image");
    }

    /** The record is the §6 record plus a {@code provenance} object with every key an import stamps. */
    private static void assertRecord(ImageRecord expected, Path file) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode got = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(Files.readString(file));
        JsonNode provenance = got.remove("provenance");
        assertEquals(JSON.readTree(dev.pika.contract.model.ContractCodec.encodePretty(expected)), got);
        assertEquals(expected.alias(), provenance.path("pika.alias").asText(), provenance.toString());
        for (String key : Provenance.KEYS) {
            if (!key.equals(Provenance.INSTALLABLE) && !key.equals(Provenance.OUT_PATH)) {
                assertTrue(provenance.hasNonNull(key), key + " in " + provenance);
            }
        }
    }

    @Test
    void buildImportLocalBuildsAndImportsHereAndRemovesItsTempDir() throws IOException {
        Path flake = Launcher.testFlake(tmp.resolve("flake"), "local-" + PROJECT);
        List<String> before = localBuildDirs();
        Launcher.Run r = image(flake, "build-import", common("it/build-local", "--local", "--format", "json"));
        assertEquals(0, r.exit(), r.both());
        JsonNode summary = JSON.readTree(r.out());
        assertTrue(summary.path("remote_host").isNull());
        assertEquals(3, summary.path("phases").size());
        assertEquals(summary.path("fingerprint").asText(), aliasTarget("it/build-local"));
        assertFalse(Files.exists(flake.resolve("result")), "the out-link lives in a temp dir, not in the flake");
        assertEquals(before, localBuildDirs());
    }

    private static List<String> localBuildDirs() throws IOException {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pika-incus-build.")).sorted()
                    .toList();
        }
    }

    @Test
    void aFailingImportLeavesTheAliasOnTheOldImage() throws IOException {
        Path flake = Launcher.testFlake(tmp.resolve("flake"), "fail-" + PROJECT);
        assertEquals(0, image(flake, "build", List.of("--role", "pikaci-runner")).exit());
        Launcher.Run good = image(flake, "import", common("it/fail", "--remote-host", "127.0.0.1"));
        assertEquals(0, good.exit(), good.both());
        String fp = good.out().strip();

        Path bad = Files.createDirectories(tmp.resolve("corrupt"));
        Files.copy(flake.resolve("result/metadata.tar.xz"), bad.resolve("metadata.tar.xz"));
        byte[] junk = new byte[65536];
        new java.util.Random(7).nextBytes(junk);
        Files.write(bad.resolve("disk.qcow2"), junk);
        Launcher.Run failed = image(flake, "import", common("it/fail", "--remote-host", "127.0.0.1",
                "--artifact", bad.toString()));
        assertEquals(1, failed.exit(), failed.both());
        assertTrue(failed.err().contains("import failed in phase \"import image (incus on 127.0.0.1)\""), failed.err());
        assertTrue(failed.err().contains("Error: "), "the tool's own error is shown: " + failed.err());
        assertEquals("", failed.out());
        assertEquals(fp, aliasTarget("it/fail"), "alias still on the previous image");
    }

    @Test
    void hostileValuesAreRejectedOrInert() throws IOException {
        Path marker = tmp.resolve("marker");
        Path flake = Launcher.testFlake(tmp.resolve("flake"), "hostile-" + PROJECT);
        assertEquals(0, image(flake, "build", List.of("--role", "pikaci-runner")).exit());
        String touch = "touch " + marker;
        List<List<String>> rejected = List.of(
                common("x';" + touch + ";'", "--remote-host", "127.0.0.1"),
                common("x$(" + touch + ")", "--remote-host", "127.0.0.1"),
                List.of("--role", "pikaci-runner", "--project", "p';" + touch + ";'", "--remote-host", "127.0.0.1"),
                common("it/h", "--remote-host", "-oProxyCommand=" + touch),
                common("it/h", "--remote-host", "127.0.0.1;" + touch),
                common("it/h", "--remote-host", "127.0.0.1", "--incus-bin", "lxc;" + touch));
        for (List<String> args : rejected) {
            Launcher.Run r = image(flake, "import", args);
            assertEquals(2, r.exit(), args + ": " + r.both());
            assertTrue(r.err().startsWith("incus-role-image: invalid --"), r.err());
        }
        // an artifact path full of shell syntax only ever reaches scp as an argv word: inert, and it works
        Path odd = Files.createDirectories(tmp.resolve("art $(" + touch + ") ;x'"));
        Files.copy(flake.resolve("result/metadata.tar.xz"), odd.resolve("metadata.tar.xz"));
        Files.copy(flake.resolve("result/disk.qcow2"), odd.resolve("disk.qcow2"));
        Launcher.Run r = image(flake, "import", common("it/odd", "--remote-host", "127.0.0.1",
                "--artifact", odd.toString()));
        assertEquals(0, r.exit(), r.both());
        assertEquals(fingerprintOf(odd), aliasTarget("it/odd"));
        assertFalse(Files.exists(marker), "a hostile value was executed");
    }

    @Test
    void sigtermDuringTheRemoteBuildRemovesTheRemoteTempDir() throws Exception {
        Path flake = Launcher.testFlake(tmp.resolve("flake"), "term-" + PROJECT);
        Files.writeString(flake.resolve("delay.txt"), "15\n"); // untracked, still uploaded (git ls-files -co)
        Process p = Launcher.start("incus-role-image", flake, env(), common("it/term", "--remote-host", "127.0.0.1")
                .stream().collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                        l -> {
                            l.add(0, "build-import");
                            return l;
                        })));
        CountDownLatch building = new CountDownLatch(1);
        StringBuilder err = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (err) {
                        err.append(line).append('\n');
                    }
                    if (line.startsWith("[3/6] nix build (remote 127.0.0.1) ...") && !line.endsWith("s")) {
                        building.countDown();
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        });
        reader.start();
        assertTrue(building.await(60, TimeUnit.SECONDS), "the remote build never started: " + err);
        Thread.sleep(1500); // the remote nix build is sleeping now
        List<String> made = new ArrayList<>(Launcher.remoteTempDirs());
        made.removeAll(tempDirsBefore);
        assertTrue(made.stream().anyMatch(d -> d.startsWith("pika-incus-src.")), "the build's temp dir exists: " + made);
        Launcher.tool("kill", "-TERM", Long.toString(p.pid()));
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "did not stop after SIGTERM: " + err);
        reader.join(5000);
        assertEquals(143, p.exitValue(), err.toString());
        assertEquals(null, aliasTarget("it/term"));
        // @AfterEach: no remote temp dir left
    }
}
