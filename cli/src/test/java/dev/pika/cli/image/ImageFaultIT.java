package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Faults during image work against the real loopback setup (nix, real Incus's {@code incus}, ssh/scp to 127.0.0.1): ssh
 * dying mid-upload, nix build failing, the import failing, SIGINT and SIGTERM in every phase, and two imports of
 * one alias at once. After each: the alias resolves to the image it had before (or, once the alias has moved, to
 * the new one, never to nothing), no remote temp dir is left, and the exit code and the last stderr line say what
 * happened.
 *
 * <p>To hit a phase, ssh, scp and incus run through shims on PATH that exec the real tool, after a pause when
 * their arguments contain {@code PIKA_FAULT_MATCH} ({@code PIKA_FAULT_WHEN=before}: before the tool runs,
 * {@code after}: after it ran), or, for scp, rate-limited with {@code -O -l PIKA_FAULT_SCP_LIMIT} (Kbit/s). The
 * shims only add time: every effect on the remote is the real tools'.
 */
class ImageFaultIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "/root/.ssh/pika-ci-image";
    private static final String PROJECT = Launcher.unique("pika-fault-");
    private static final String HOST = "127.0.0.1";

    private static Path work;
    private static Path shims;
    private static Path artifactA;
    private static Path artifactB;
    private static String fpA;
    private static String fpB;
    private static int aliases;

    private String alias;

    @BeforeAll
    static void setUp() throws IOException {
        Launcher.require("nix", Launcher.toolRun("nix", "--version").exit() == 0);
        Launcher.require("sshd on 127.0.0.1 with " + KEY, Files.isReadable(Path.of(KEY))
                && Launcher.toolRun("ssh", "-i", KEY, "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new",
                        HOST, "true").exit() == 0);
        Launcher.require("flock", Launcher.toolRun("flock", "--version").exit() == 0);
        work = Files.createTempDirectory("pika-fault-");
        shims = Files.createDirectories(work.resolve("shims"));
        for (String prog : List.of("ssh", "scp", "incus")) {
            Path shim = shims.resolve(prog);
            Files.writeString(shim, SHIM.replace("@PROG@", prog));
            Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Launcher.createProject(PROJECT);
        artifactA = build("a");
        artifactB = build("b");
        fpA = Hashes.sha256(artifactA.resolve("metadata.tar.xz"), artifactA.resolve("disk.qcow2"));
        fpB = Hashes.sha256(artifactB.resolve("metadata.tar.xz"), artifactB.resolve("disk.qcow2"));
        assertNotEquals(fpA, fpB);
    }

    private static final String SHIM = """
            #!/bin/bash
            # ImageFaultIT shim: runs the real @PROG@, after a pause or rate-limited when the test asks for it
            real=/usr/bin/@PROG@
            log=${PIKA_FAULT_LOG:-/dev/null}
            echo "call @PROG@ $*" >> "$log"
            if [ -n "${PIKA_FAULT_MATCH:-}" ] && [[ "@PROG@ $*" == *"$PIKA_FAULT_MATCH"* ]]; then
                echo "matched $$" >> "$log"
                if [ "${PIKA_FAULT_WHEN:-before}" = before ]; then
                    sleep "${PIKA_FAULT_SLEEP:-60}"
                    exec "$real" "$@"
                fi
                "$real" "$@"
                rc=$?
                echo "ran $$ $rc" >> "$log"
                sleep "${PIKA_FAULT_SLEEP:-60}"
                exit $rc
            fi
            if [ -n "${PIKA_FAULT_PORT:-}" ]; then  # the test's second sshd (fullDiskOnTheRemoteTempDir)
                port=-p; [ "@PROG@" = scp ] && port=-P
                exec "$real" "$port" "$PIKA_FAULT_PORT" -o UserKnownHostsFile="$PIKA_FAULT_KNOWN_HOSTS" "$@"
            fi
            if [ "@PROG@" = scp ] && [ -n "${PIKA_FAULT_SCP_LIMIT:-}" ]; then
                echo "scp-slow $$" >> "$log"
                exec "$real" -O -l "$PIKA_FAULT_SCP_LIMIT" "$@"  # the SFTP mode ignores -l for small files
            fi
            exec "$real" "$@"
            """;

    /** Builds the test flake with {@code seed}; returns a copy of its result directory. */
    private static Path build(String seed) throws IOException {
        Path flake = Launcher.testFlake(work.resolve("flake-" + seed), seed + "-" + PROJECT);
        Launcher.Run r = Launcher.run("incus-role-image", flake, Map.of(), List.of("--role", "pikaci-runner",
                "build"));
        assertEquals(0, r.exit(), r.both());
        Path out = Files.createDirectories(work.resolve("artifact-" + seed));
        for (String f : List.of("metadata.tar.xz", "disk.qcow2")) {
            Files.copy(flake.resolve("result").resolve(f), out.resolve(f));
        }
        return out;
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (work == null) {
            return;
        }
        Launcher.dropProject(Launcher.INCUS, PROJECT);
        Launcher.toolRun("rm", "-rf", work.toString());
    }

    private final List<Running> started = new ArrayList<>();

    @BeforeEach
    void baseline() {
        for (String fp : images().keySet()) {
            Launcher.tool(Launcher.INCUS, "image", "delete", "--project", PROJECT, fp);
        }
        alias = "fault/" + (++aliases);
        Launcher.Run r = image("import", Map.of(), "--artifact", artifactA.toString(), "--local");
        assertEquals(0, r.exit(), r.both());
        assertEquals(fpA, aliasTarget(alias));
    }

    @AfterEach
    void noRemoteTempDirLeft() throws Exception {
        for (Running r : started) { // a failed assertion must not leave a run going
            if (r.p.isAlive()) {
                r.p.descendants().forEach(ProcessHandle::destroyForcibly);
                r.p.destroyForcibly();
                r.p.waitFor(10, TimeUnit.SECONDS);
            }
        }
        // every temp dir named by a run: in its stderr, or in the arguments the shims logged (scp, import, rm)
        for (Running r : started) {
            assertTempDirsGone(r.stderr() + Files.readString(r.log));
        }
        for (Launcher.Run r : finished) {
            assertTempDirsGone(r.err());
        }
        Path shared = work.resolve("fault.log");
        if (Files.exists(shared)) {
            assertTempDirsGone(Files.readString(shared));
        }
    }

    private final List<Launcher.Run> finished = new ArrayList<>();

    // ---- helpers ------------------------------------------------------------------------------------------

    /** @return fingerprint → alias names in this test's project */
    static Map<String, List<String>> images() {
        return Launcher.images(PROJECT);
    }

    static String aliasTarget(String alias) {
        return Launcher.aliasTarget(PROJECT, alias);
    }

    private Map<String, String> env(Map<String, String> fault, Path log) {
        Map<String, String> env = new HashMap<>(fault);
        env.put("PIKA_BUILD_SSH_KEY", KEY);
        env.put("PIKA_INCUS_BIN", Launcher.INCUS);
        env.put("PATH", shims + ":" + System.getenv("PATH"));
        env.put("PIKA_FAULT_LOG", log.toString());
        return env;
    }

    private List<String> argv(String sub, String... more) {
        List<String> a = new ArrayList<>(List.of(sub, "--role", "pikaci-runner", "--project", PROJECT, "--alias",
                alias));
        a.addAll(List.of(more));
        if (!a.contains("--local")) {
            a.addAll(List.of("--remote-host", HOST));
        }
        return a;
    }

    private Launcher.Run image(String sub, Map<String, String> fault, String... more) {
        return run(work, fault, argv(sub, more));
    }

    private Launcher.Run run(Path cwd, Map<String, String> fault, List<String> args) {
        Launcher.Run r = Launcher.run("incus-role-image", cwd, env(fault, work.resolve("fault.log")), args);
        finished.add(r);
        return r;
    }

    private static byte[] xz(String text) throws IOException {
        Process p = new ProcessBuilder("xz", "-c").start();
        try (var in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        try {
            assertEquals(0, p.waitFor());
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static final java.util.regex.Pattern TEMP_DIR = java.util.regex.Pattern.compile(
            "/tmp/pika-incus-(image|src|build)\\.[A-Za-z0-9]+");

    /**
     * The temp dirs a run named on stderr (its phase lines and cleanup lines) are gone. Only this run's dirs are
     * checked: other runs on a shared machine come and go in /tmp meanwhile.
     */
    private static void assertTempDirsGone(String stderr) {
        java.util.regex.Matcher m = TEMP_DIR.matcher(stderr);
        while (m.find()) {
            assertTrue(!Files.exists(Path.of(m.group())), m.group() + " was left behind:\n" + stderr);
        }
    }

    private static String lastLine(String text) {
        return Texts.lastLine(text);
    }

    /** A running command whose stderr is collected. */
    private final class Running {
        final Process p;
        final Path log;
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final Thread pumps;

        Running(Path cwd, Map<String, String> fault, List<String> args) throws IOException {
            log = Files.createTempFile(work, "fault", ".log");
            p = Launcher.start("incus-role-image", cwd, env(fault, log), args);
            started.add(this);
            Thread e = new Thread(() -> Launcher.copy(p.getErrorStream(), err));
            Thread o = new Thread(() -> Launcher.copy(p.getInputStream(), out));
            e.start();
            o.start();
            pumps = new Thread(() -> {
                try {
                    e.join();
                    o.join();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            });
            pumps.start();
        }

        /** Waits until a shim logged a line starting with {@code marker}. */
        void awaitLog(String marker) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (Files.readString(log).lines().anyMatch(l -> l.startsWith(marker))) {
                    return;
                }
                assertTrue(p.isAlive(), () -> "ended before " + marker + ": " + stderr());
                Thread.sleep(100);
            }
            throw new AssertionError("never saw " + marker + ": " + stderr());
        }

        int waitFor() throws Exception {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), () -> "did not end: " + stderr());
            pumps.join(10_000);
            return p.exitValue();
        }

        String stderr() {
            synchronized (err) {
                return err.toString(StandardCharsets.UTF_8);
            }
        }
    }

    // ---- faults -------------------------------------------------------------------------------------------

    @Test
    void sshDyingMidUploadFailsTheUploadAndTouchesNothing() throws Exception {
        Running run = new Running(work, Map.of("PIKA_FAULT_SCP_LIMIT", "40"),
                argv("import", "--artifact", artifactB.toString()));
        run.awaitLog("scp-slow");
        Thread.sleep(1500); // the upload is under way
        List<ProcessHandle> sshOfScp = ProcessHandle.of(run.p.pid()).orElseThrow().descendants()
                .filter(h -> h.info().command().orElse("").endsWith("/ssh") && h.parent()
                        .flatMap(pp -> pp.info().command()).orElse("").endsWith("/scp")).toList();
        assertEquals(1, sshOfScp.size(), "the ssh connection scp uploads through");
        sshOfScp.get(0).destroyForcibly(); // the connection dies (SIGKILL)
        assertEquals(1, run.waitFor(), run.stderr());
        String last = lastLine(run.stderr());
        assertTrue(last.startsWith("incus-role-image: upload failed in phase \"upload image (scp to 127.0.0.1"),
                last);
        assertTrue(last.contains(": scp exited with "), last);
        assertEquals(fpA, aliasTarget(alias));
        assertEquals(Set.of(fpA), images().keySet(), "nothing was imported");
    }

    @Test
    void failingRemoteNixBuildLeavesTheAliasAlone() throws Exception {
        Path flake = Launcher.testFlake(work.resolve("flake-broken-" + aliases), "broken");
        Files.writeString(flake.resolve("delay.txt"), "not-a-number\n"); // `sleep not-a-number` fails the builder
        Launcher.Run r = run(flake, Map.of(), argv("build-import"));
        assertEquals(1, r.exit(), r.both());
        String last = lastLine(r.err());
        assertTrue(last.startsWith("incus-role-image: remote nix build failed in phase \"nix build (remote "
                + "127.0.0.1)\": ssh exited with 1"), last);
        assertTrue(r.err().contains("sleep: invalid time interval"), "nix's own error is shown: " + r.err());
        assertEquals(fpA, aliasTarget(alias));
        assertEquals(Set.of(fpA), images().keySet());
    }

    @Test
    void failingLocalNixBuildLeavesTheAliasAlone() throws Exception {
        Path flake = Launcher.testFlake(work.resolve("flake-broken-local-" + aliases), "broken-local");
        Files.writeString(flake.resolve("delay.txt"), "not-a-number\n");
        Launcher.tool("git", "-C", flake.toString(), "add", "delay.txt"); // a local flake sees tracked files only
        Launcher.Run r = run(flake, Map.of(), argv("build-import", "--local"));
        assertEquals(1, r.exit(), r.both());
        assertTrue(lastLine(r.err()).startsWith("incus-role-image: nix build failed in phase \"nix build "
                + "(local)\": nix exited with 1"), r.both());
        assertEquals(fpA, aliasTarget(alias));
        try (var tmp = Files.list(Path.of("/tmp"))) {
            assertTrue(tmp.noneMatch(p -> p.getFileName().toString().startsWith("pika-incus-build.")
                    && p.toFile().lastModified() > System.currentTimeMillis() - 60_000
                    && Files.exists(p.resolve("result"))), "the local temp dir is removed");
        }
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void failingImportLeavesTheAliasAlone(boolean local) throws Exception {
        Path bad = Files.createDirectories(work.resolve("bad-" + aliases));
        // valid xz, but not a tar archive (plain text made the lxc client hang once, in its compression detection)
        Files.write(bad.resolve("metadata.tar.xz"), xz("not a tar archive\n"));
        Files.copy(artifactB.resolve("disk.qcow2"), bad.resolve("disk.qcow2"));
        Launcher.Run r = local ? image("import", Map.of(), "--artifact", bad.toString(), "--local")
                : image("import", Map.of(), "--artifact", bad.toString());
        assertEquals(1, r.exit(), r.both());
        String last = lastLine(r.err());
        String phase = local ? "import image (incus, local)" : "import image (incus on 127.0.0.1)";
        assertTrue(last.startsWith("incus-role-image: import failed in phase \"" + phase + "\": "
                + (local ? "incus" : "ssh") + " exited with 1 (Error: "), last);
        assertEquals(fpA, aliasTarget(alias));
        assertEquals(Set.of(fpA), images().keySet());
    }

    /**
     * SIGINT and SIGTERM in each phase of a remote import. {@code when} is where the pause sits: {@code before}
     * the matched command runs, or {@code after} it ran (the import done but the alias not moved yet).
     */
    @ParameterizedTest(name = "{0} in {1} ({2} {3})")
    @CsvSource({
        "INT,  prepare remote,  images/aliases/, before, 1, not moved",
        "TERM, prepare remote,  images/aliases/, before, 1, not moved",
        "INT,  upload image,    ,                ,       2, not moved",
        "TERM, upload image,    ,                ,       2, not moved",
        "INT,  import image,    image import,    before, 3, not moved",
        "TERM, import image,    image import,    after,  3, not moved",
        "INT,  move alias,      -X PUT,          before, 4, being moved",
        "TERM, move alias,      -X PUT,          after,  4, being moved",
        "INT,  cleanup,         rm -rf,          before, 5, moved",
        "TERM, cleanup,         rm -rf,          before, 5, moved"})
    void signalInEachPhase(String signal, String phase, String match, String when, int number, String alias)
            throws Exception {
        boolean moved = alias.equals("moved") || alias.equals("being moved") && "after".equals(when);
        Map<String, String> fault = match == null
                ? Map.of("PIKA_FAULT_SCP_LIMIT", "40")
                : Map.of("PIKA_FAULT_MATCH", match, "PIKA_FAULT_WHEN", when, "PIKA_FAULT_SLEEP",
                        phase.equals("cleanup") ? "4" : "60");
        String said = switch (alias) {
            case "not moved" -> "the alias " + this.alias + " was not moved";
            case "being moved" -> "the alias " + this.alias + " was being moved: it points at the previous or the "
                    + "new image";
            default -> "the alias " + this.alias + " had already moved to the new image";
        };
        Running run = new Running(work, fault, argv("import", "--artifact", artifactB.toString()));
        run.awaitLog(match == null ? "scp-slow" : when.equals("after") ? "ran" : "matched");
        Thread.sleep(500);
        assertTrue(run.stderr().contains("[" + number + "/5] "), "in phase " + number + ": " + run.stderr());
        Launcher.tool("kill", "-" + signal, Long.toString(run.p.pid()));
        int code = run.waitFor();
        assertEquals(signal.equals("INT") ? 130 : 143, code, run.stderr());
        String last = lastLine(run.stderr());
        assertTrue(last.startsWith("incus-role-image: stopped by a signal in phase \"" + phase), last);
        assertTrue(last.endsWith("; temp dirs removed; " + said), last);
        assertEquals(moved ? fpB : fpA, aliasTarget(this.alias), "the alias never goes missing");
        Set<String> left = images().keySet();
        if (moved) {
            assertTrue(left.contains(fpB), left.toString());
        } else if ("image import".equals(match) && "after".equals(when)) {
            // the import finished but we were stopped before reading its fingerprint: that image stays, unaliased
            assertEquals(Set.of(fpA, fpB), left);
        } else if (alias.equals("being moved")) {
            assertEquals(Set.of(fpA, fpB), left, "kept: the alias may already point at it");
        } else {
            assertEquals(Set.of(fpA), left, "a new image the alias never reached is removed again");
        }
    }

    @ParameterizedTest(name = "{0} in build-import {1}")
    @CsvSource({"INT, upload source, mkdir -p, 2", "TERM, upload source, mkdir -p, 2",
        "INT, nix build, nix build, 3"})
    void signalInBuildImportPhases(String signal, String phase, String match, int number) throws Exception {
        Path flake = Launcher.testFlake(work.resolve("flake-signal-" + aliases), "signal-" + aliases);
        Running run = new Running(flake, Map.of("PIKA_FAULT_MATCH", match, "PIKA_FAULT_WHEN", "before"),
                argv("build-import"));
        run.awaitLog("matched");
        Thread.sleep(500);
        Launcher.tool("kill", "-" + signal, Long.toString(run.p.pid()));
        assertEquals(signal.equals("INT") ? 130 : 143, run.waitFor(), run.stderr());
        String last = lastLine(run.stderr());
        assertTrue(run.stderr().contains("[" + number + "/6] " + phase), run.stderr());
        assertTrue(last.startsWith("incus-role-image: stopped by a signal in phase \"" + phase), last);
        assertEquals(fpA, aliasTarget(alias));
    }

    /**
     * A full disk on the remote temp dir: a second, real sshd on another port runs in its own mount namespace
     * whose {@code /tmp} is a 64 KiB tmpfs ({@code unshare -m}); the shims point ssh and scp at its port. mktemp
     * works there, the upload does not fit.
     */
    @Test
    void fullDiskOnTheRemoteTempDir() throws Exception {
        Launcher.require("unshare and sshd", Launcher.toolRun("unshare", "--version").exit() == 0
                && Files.isExecutable(Path.of("/usr/sbin/sshd")));
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process sshd = new ProcessBuilder("unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o size=64k pika-fullfs /tmp && exec /usr/sbin/sshd -D -e -p " + port
                        + " -o ListenAddress=127.0.0.1 -o PidFile=none")
                .redirectErrorStream(true).redirectOutput(work.resolve("sshd-" + port + ".log").toFile()).start();
        try {
            Path knownHosts = work.resolve("known_hosts");
            Map<String, String> fault = Map.of("PIKA_FAULT_PORT", Integer.toString(port), "PIKA_FAULT_KNOWN_HOSTS",
                    knownHosts.toString());
            String inside = null;
            for (int i = 0; i < 50 && inside == null; i++) {
                Launcher.Run df = Launcher.toolRun("ssh", "-p", Integer.toString(port), "-i", KEY, "-o",
                        "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=accept-new", "-o",
                        "BatchMode=yes", HOST, "df -k /tmp");
                if (df.exit() == 0) {
                    inside = df.out();
                } else {
                    Thread.sleep(200);
                }
            }
            assertTrue(inside != null && inside.contains("pika-fullfs"), "the second sshd's /tmp: " + inside);

            Launcher.Run r = image("import", fault, "--artifact", artifactB.toString());
            assertEquals(1, r.exit(), r.both());
            String last = lastLine(r.err());
            assertTrue(last.startsWith("incus-role-image: upload failed in phase \"upload image (scp to 127.0.0.1, "),
                    last);
            assertTrue(last.contains(": scp exited with 1 (/usr/bin/scp: failed to upload file "), last);
            assertTrue(r.err().contains("scp: write remote \"/tmp/pika-incus-image."), "scp's own words: " + r.err());
            assertEquals(fpA, aliasTarget(alias));
            assertEquals(Set.of(fpA), images().keySet());
            // the temp dir was made on the small /tmp, and removed from it
            assertTrue(r.err().contains("removing /tmp/pika-incus-image."), r.err());
            Launcher.Run ls = Launcher.toolRun("nsenter", "-t", Long.toString(sshd.pid()), "-m", "ls", "-A",
                    "/tmp");
            assertEquals(0, ls.exit(), ls.both());
            assertTrue(ls.out().lines().noneMatch(n -> n.startsWith("pika-incus-image.")), ls.out());
        } finally {
            sshd.descendants().forEach(ProcessHandle::destroy);
            sshd.destroy();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    // ---- concurrency --------------------------------------------------------------------------------------

    @Test
    void twoImportsOfOneAliasRunOneAfterTheOther() throws Exception {
        alias = alias + "-race"; // a new alias: without the lock both would try to create it, and one would fail
        // the shim holds each `image import` for 3 s, so without the lock both would be importing at once
        Map<String, String> slow = Map.of("PIKA_FAULT_MATCH", "image import", "PIKA_FAULT_WHEN", "before",
                "PIKA_FAULT_SLEEP", "3");
        // --keep 0 (the reference's behaviour): the earlier image goes once the alias has moved on, so every image
        // left must have an alias
        Running a = new Running(work, slow, argv("import", "--artifact", artifactA.toString(), "--format", "json",
                "--keep", "0"));
        // the second starts once the first is importing (under the lock): on a loaded machine, two free starts
        // need not overlap at all. The other runs incus here (--local): the lock is on the machine that runs incus,
        // shared by both
        a.awaitLog("matched");
        Running b = new Running(work, slow, argv("import", "--artifact", artifactB.toString(), "--format", "json",
                "--local", "--keep", "0"));
        assertEquals(0, a.waitFor(), a.stderr());
        assertEquals(0, b.waitFor(), b.stderr());
        JsonNode sa = JSON.readTree(a.out.toString(StandardCharsets.UTF_8));
        JsonNode sb = JSON.readTree(b.out.toString(StandardCharsets.UTF_8));
        assertEquals(fpA, sa.path("fingerprint").asText());
        assertEquals(fpB, sb.path("fingerprint").asText());
        assertTrue(b.stderr().contains("waiting: another import of " + alias), a.stderr() + b.stderr());
        // one after the other: the first created the alias, the second found the first's image there
        JsonNode first = sa.path("previous_fingerprint").isNull() ? sa : sb;
        JsonNode second = first == sa ? sb : sa;
        assertTrue(first.path("previous_fingerprint").isNull(), sa + "\n" + sb);
        assertEquals(first.path("fingerprint").asText(), second.path("previous_fingerprint").asText(),
                "serialized: " + sa + "\n" + sb);
        String winner = second.path("fingerprint").asText();
        assertEquals(winner, aliasTarget(alias), "the alias is on the later import's image");
        Map<String, List<String>> all = images();
        assertTrue(all.values().stream().allMatch(names -> !names.isEmpty()),
                "no image left without an alias (half-imported): " + all);
        assertEquals(Set.of(winner), all.keySet().stream().filter(fp -> all.get(fp).contains(alias))
                .collect(Collectors.toSet()));
    }
}
