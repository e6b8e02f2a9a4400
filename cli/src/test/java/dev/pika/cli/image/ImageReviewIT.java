package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.testkit.Await;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per item of the review in issue 12 ("What the review found in this code"), against the real parts:
 * the loopback sshd (key {@code PIKA_BUILD_SSH_KEY}), real Incus in a random project, real sh/fish/zsh, flock and
 * setpriv. Fakes only where a fault is injected (a flooding or lying {@code incus}, a failing {@code image delete}).
 * About 90 s: the black-hole test waits out ssh's 10 s connect timeout, the Ctrl-C test runs eight imports.
 */
class ImageReviewIT {
    private static final String LOCK_DIR = "/run/pika-incus-locks";

    @TempDir
    Path tmp;

    @RegisterExtension
    final RoleImages.Project projects = new RoleImages.Project();
    private String project;

    private String newProject() {
        project = projects.create("pika-review-");
        return project;
    }

    private static Map<String, String> sshEnv() {
        Require.tool("sshd");
        return Map.of("PIKA_BUILD_SSH_KEY", Require.SSH_KEY);
    }

    private Proc.Result image(Map<String, String> env, String... args) {
        return RoleImages.run(tmp, env, List.of(args));
    }

    /** @return a bin dir with an executable {@code name} made of {@code script} */
    private Path shim(String name, String script) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/bash\n" + script);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    // ---- ssh timeouts, BatchMode --------------------------------------------------------------------------

    @Test
    void anSshEndpointThatNeverAnswersFailsInBoundedTimeNamingTheHost() throws IOException {
        // a black hole on loopback: the kernel completes the TCP handshake (backlog), nobody ever sends a banner
        try (ServerSocket hole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String port = "Port=" + hole.getLocalPort();
            long t0 = System.nanoTime();
            Proc.Result r = image(Map.of(), "list", "--role", "pikaci-runner", "--remote-host", "127.0.0.1",
                    "--ssh-option", port, "--ssh-option", "UserKnownHostsFile=" + tmp.resolve("kh"));
            double s = (System.nanoTime() - t0) / 1e9;
            assertEquals(1, r.exit(), r.both());
            assertTrue(s < 30, "failed after " + s + " s");
            assertTrue(r.err().contains("incus-role-image: cannot reach 127.0.0.1 over ssh in phase \"list images of"),
                    r.err());
            assertTrue(r.err().contains("ssh exited with 255"), r.err());
            // ConnectTimeout is pika's default, and overridable: --ssh-option comes first, and ssh's first value wins
            t0 = System.nanoTime();
            Proc.Result quick = image(Map.of(), "list", "--role", "pikaci-runner", "--remote-host", "127.0.0.1",
                    "--ssh-option", port, "--ssh-option", "ConnectTimeout=2");
            double q = (System.nanoTime() - t0) / 1e9;
            assertEquals(1, quick.exit(), quick.both());
            assertTrue(q < s && q < 10, "ConnectTimeout=2 took " + q + " s (default: " + s + " s)");
        }
    }

    @Test
    void noPasswordPromptEver() {
        // BatchMode=yes unless overridden: a key ssh cannot use fails at once instead of asking for a password
        Map<String, String> env = Map.of("PIKA_BUILD_SSH_KEY", "/nonexistent/key", "SSH_AUTH_SOCK", "");
        Require.tool("sshd");
        Proc.Result r = RoleImages.run(tmp, env, List.of("list", "--role", "pikaci-runner", "--remote-host",
                "pika-no-user@127.0.0.1", "--ssh-option", "UserKnownHostsFile=" + tmp.resolve("kh")));
        assertEquals(1, r.exit(), r.both());
        assertTrue(r.err().contains("cannot reach pika-no-user@127.0.0.1 over ssh"), r.err());
        assertTrue(r.err().contains("Permission denied"), r.err());
    }

    // ---- one shared connection --------------------------------------------------------------------------

    /** A TCP proxy to the loopback sshd that counts the connections made through it. */
    private static final class CountingProxy implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();

        CountingProxy() throws IOException {
            Thread t = new Thread(this::acceptLoop, "counting-proxy");
            t.setDaemon(true);
            t.start();
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket in = server.accept();
                    Socket out = new Socket(InetAddress.getLoopbackAddress(), 22);
                    opened.incrementAndGet();
                    open.incrementAndGet();
                    AtomicInteger halves = new AtomicInteger(2);
                    Runnable closed = () -> {
                        if (halves.decrementAndGet() == 0) {
                            open.decrementAndGet();
                        }
                    };
                    pump(in, out, closed);
                    pump(out, in, closed);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pump(Socket from, Socket to, Runnable closed) {
            Thread t = new Thread(() -> {
                try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
                    i.transferTo(o);
                } catch (IOException ignored) {
                    // the other side closed
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // closing
                    }
                    closed.run();
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String port() {
            return "Port=" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void oneImportOpensOneSshConnectionAndClosesItAtTheEnd() throws IOException {
        Map<String, String> env = sshEnv();
        newProject();
        Path flake = RoleImages.flake(tmp.resolve("flake"), "review-conn-" + project);
        RoleImages.Built built = RoleImages.build(flake, "result");
        try (CountingProxy proxy = new CountingProxy()) {
            List<String> ssh = List.of("--remote-host", "127.0.0.1", "--ssh-option", proxy.port(), "--ssh-option",
                    "UserKnownHostsFile=" + tmp.resolve("kh"), "--project", project, "--role", "pikaci-runner",
                    "--alias", "review/conn");
            List<String> imp = new ArrayList<>(List.of("import", "--artifact", built.outLink().toString(), "-q"));
            imp.addAll(ssh);
            Proc.Result r = RoleImages.run(flake, env, imp);
            assertEquals(0, r.exit(), r.both());
            assertEquals(built.fingerprint(), r.out().strip());
            assertEquals(1, proxy.opened.get(), "import: ssh -G, id -u, mktemp, scp, lock, import, alias, prune, rm "
                    + "share one connection");
            Await.until("the shared connection is closed at exit", Duration.ofSeconds(10), () -> proxy.open.get() == 0);

            List<String> bi = new ArrayList<>(List.of("build-import", "-q"));
            bi.addAll(ssh);
            Files.writeString(flake.resolve("seed.txt"), "review-conn-2\n");
            Proc.Result b = RoleImages.run(flake, env, bi);
            assertEquals(0, b.exit(), b.both());
            assertEquals(2, proxy.opened.get(), "build-import: one more connection for the whole run");
            Await.until("closed again", Duration.ofSeconds(10), () -> proxy.open.get() == 0);
        }
    }

    // ---- StrictHostKeyChecking ---------------------------------------------------------------------------

    @Test
    void acceptNewOnlyWhenTheUsersSshConfigSetsNoHostKeyPolicy() throws IOException {
        Require.tool("sshd");
        Path kh = tmp.resolve("known_hosts");
        String base = "Host *\n  IdentityFile " + Require.SSH_KEY + "\n  UserKnownHostsFile " + kh + "\n";
        Path strict = tmp.resolve("strict.conf");
        Files.writeString(strict, base + "  StrictHostKeyChecking yes\n");
        Path plain = tmp.resolve("plain.conf");
        Files.writeString(plain, base);
        List<String> list = List.of("list", "--role", "pikaci-runner", "--remote-host", "127.0.0.1", "--project",
                "pika-review-none");

        // the user's "StrictHostKeyChecking yes" holds: an unknown host key is refused, and not learnt
        List<String> a = new ArrayList<>(list);
        a.addAll(List.of("--ssh-config", strict.toString()));
        Proc.Result refused = RoleImages.run(tmp, Map.of(), a);
        assertEquals(1, refused.exit(), refused.both());
        assertTrue(refused.err().contains("Host key verification failed"), refused.err());
        assertFalse(Files.exists(kh) && Files.size(kh) > 0, "no host key learnt under StrictHostKeyChecking yes");

        // no policy in the config: accept-new (the reference's) learns the key, the run gets through ssh
        List<String> b = new ArrayList<>(list);
        b.addAll(List.of("--ssh-config", plain.toString()));
        Proc.Result learnt = RoleImages.run(tmp, Map.of(), b);
        assertTrue(Files.readString(kh).contains("127.0.0.1"), learnt.both());
        assertFalse(learnt.err().contains("cannot reach"), learnt.err());
    }

    // ---- the alias lock ----------------------------------------------------------------------------------

    @Test
    void aWaitingRunGivesUpAfterLockTimeoutNamingTheHolder() throws Exception {
        Require.tool("flock");
        String p = "pika-review-lock-" + Long.toHexString(System.nanoTime());
        Path lock = Path.of(LOCK_DIR, AliasLock.fileName(p, "review/lock", null));
        Proc.of("sh", "-c", "umask 077; mkdir -p " + LOCK_DIR).run().ok();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(LOCK_DIR))));
        Process holder = new ProcessBuilder("sh", "-c", "exec 9>>\"$0\"; flock 9; "
                + "echo 'pid 4242, user review-holder on elsewhere, since 2026-01-01T00:00:00Z' >\"$0\"; echo held; "
                + "cat >/dev/null; rm -f \"$0\"", lock.toString()).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("held", said.readLine());
            long t0 = System.nanoTime();
            Proc.Result r = image(Map.of(), "rollback", "--role", "pikaci-runner", "--local", "--project", p,
                    "--alias", "review/lock", "--lock-timeout", "2");
            double s = (System.nanoTime() - t0) / 1e9;
            assertEquals(1, r.exit(), r.both());
            assertTrue(s < 15, s + " s");
            assertTrue(r.err().contains("waiting: another import of review/lock (project " + p + ") holds the lock: "
                    + "pid 4242, user review-holder on elsewhere"), r.err());
            assertTrue(r.err().contains("still held after 2 s by pid 4242, user review-holder on elsewhere"), r.err());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(lock);
        }
    }

    @Test
    void aSymlinkPlantedAsTheLockFileIsNeverFollowed() throws IOException {
        String p = "pika-review-link-" + Long.toHexString(System.nanoTime());
        Proc.of("sh", "-c", "umask 077; mkdir -p " + LOCK_DIR).run().ok();
        Path lock = Path.of(LOCK_DIR, AliasLock.fileName(p, "review/link", null));
        Path victim = tmp.resolve("victim");
        Files.createSymbolicLink(lock, victim);
        try {
            Proc.Result r = image(Map.of(), "rollback", "--role", "pikaci-runner", "--local", "--project", p,
                    "--alias", "review/link");
            assertEquals(1, r.exit(), r.both());
            assertTrue(r.err().contains(lock + " is a symbolic link: not opening it"), r.err());
            assertFalse(Files.exists(victim), "the link's target was not created");
        } finally {
            Files.deleteIfExists(lock);
        }
    }

    @Test
    void theLockDirMustBeAPrivateDirectoryOfTheImporter() throws IOException {
        Require.tool("setpriv");
        // a non-root importer: its lock dir is $HOME/.cache/pika-incus-locks, which must be its own, mode 0700
        Path home = Files.createTempDirectory(Path.of("/tmp"), "pika-review-home.");
        try {
            Path dir = Files.createDirectories(home.resolve(".cache/pika-incus-locks"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Proc.of("chown", "-R", "65534:65534", home.toString()).run().ok();
            Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
            String script = AliasLock.script(AliasLock.fileName("p", "a", null), 1);
            Proc.Result open = Proc.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env",
                    "HOME=" + home, "sh", "-c", script).stdin("").run();
            assertEquals(1, open.exit(), open.both());
            assertTrue(open.err().contains(dir + " is not a directory of nobody with mode 0700: not using it"),
                    open.both());
            // once private, it is used, and the lock file goes away with the holder
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Proc.Result ok = Proc.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env",
                    "HOME=" + home, "sh", "-c", script).stdin("").run();
            assertEquals(0, ok.exit(), ok.both());
            assertEquals(AliasLock.LOCKED + "\n", ok.out());
        } finally {
            Proc.of("rm", "-rf", home.toString()).run();
        }
    }

    // ---- data from incus is checked ------------------------------------------------------------------------

    @Test
    void incusAnswersThatAreNoFingerprintNeverReachACommandOrAnApiPath() throws IOException {
        Path calls = tmp.resolve("incus-calls");
        Path bin = shim("incus", """
                echo "$*" >> '%s'
                case "$*" in
                  *images/aliases/*) echo '{"name":"a","target":"'"$LIE"'","description":""}' ;;
                  *"/1.0/images?"*) echo '[{"fingerprint":"'"$LIE"'","aliases":[],"properties":{}}]' ;;
                  *) echo '[]' ;;
                esac
                """.formatted(calls));
        for (String lie : List.of("-f", "../../1.0/instances/victim?x=", "--force\n$(touch /tmp/pika-pwned)")) {
            Map<String, String> env = new HashMap<>(Map.of("PATH", bin + ":" + System.getenv("PATH"), "LIE",
                    lie.replace("\\", "\\\\").replace("\n", "\\n"))); // as a JSON string's content
            for (String sub : List.of("prune", "rollback", "list")) {
                Proc.Result r = image(env, sub, "--role", "pikaci-runner", "--local", "--project", "p");
                assertEquals(1, r.exit(), sub + " " + lie + ": " + r.both());
                assertTrue(r.err().contains("where an image fingerprint (64 hex digits) belongs: refusing to use it"),
                        r.err());
            }
        }
        String made = Files.readString(calls);
        assertFalse(made.contains("image delete"), made);
        assertFalse(made.contains("-X PUT"), made);
        assertFalse(made.contains("victim"), made);
        // and from the command line: --to must be 64 hex digits
        Proc.Result to = image(Map.of(), "rollback", "--role", "pikaci-runner", "--local", "--to",
                "../../1.0/instances/victim?x=");
        assertEquals(2, to.exit(), to.both());
    }

    @Test
    void aRelativeArtifactStartingWithADashReachesScpAsAnAbsolutePath() throws IOException {
        Files.createDirectories(tmp.resolve("-F"));
        Files.writeString(tmp.resolve("-F/metadata.tar.xz"), "m");
        Files.writeString(tmp.resolve("-F/disk.qcow2"), "d");
        Proc.Result r = image(Map.of(), "import", "--role", "pikaci-runner", "--artifact=-F", "--dry-run");
        assertEquals(0, r.exit(), r.both());
        String scp = r.out().lines().filter(l -> l.startsWith("scp ")).findFirst().orElseThrow();
        assertTrue(scp.endsWith(" " + tmp.toRealPath() + "/-F/metadata.tar.xz " + tmp.toRealPath()
                + "/-F/disk.qcow2 pika-build:/tmp/pika-incus-image.XXXXXX/"), scp);
    }

    // ---- captured output is capped ---------------------------------------------------------------------

    @Test
    void aFloodingIncusIsCutShortAndAbbreviatedInTheMessage() throws IOException {
        Path bin = shim("incus", "head -c 50000000 /dev/zero | tr '\\0' x >&2; head -c 50000000 /dev/zero | tr '\\0' y;"
                + " exit 1\n");
        Proc.Result r = image(Map.of("PATH", bin + ":" + System.getenv("PATH")), "list", "--role", "pikaci-runner",
                "--local", "--project", "p");
        assertEquals(1, r.exit(), r.err().length() + " chars on stderr");
        assertTrue(r.err().length() < 20_000, r.err().length() + " chars on stderr");
        assertFalse(r.err().contains("OutOfMemoryError") || r.err().contains("\tat "), r.err().substring(0, 500));
        String last = r.err().strip().lines().reduce((x, y) -> y).orElseThrow();
        assertTrue(last.startsWith("incus-role-image: alias lookup failed in phase") && last.length() < 1000, last);
    }

    // ---- no failure after the alias moved -------------------------------------------------------------

    @Test
    void anUnwritableRecordOutIsRefusedBeforeAnythingRuns() throws IOException {
        Path calls = tmp.resolve("calls");
        Path bin = shim("incus", "echo \"$*\" >> '" + calls + "'; exit 1\n");
        Files.createDirectories(tmp.resolve("result"));
        Files.writeString(tmp.resolve("result/metadata.tar.xz"), "m");
        Files.writeString(tmp.resolve("result/disk.qcow2"), "d");
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
        Proc.Result dir = image(env, "import", "--role", "pikaci-runner", "--local", "--record-out", ".");
        assertEquals(2, dir.exit(), dir.both());
        assertTrue(dir.err().startsWith("incus-role-image: --record-out .: is a directory\n"), dir.err());
        Proc.Result missing = image(env, "import", "--role", "pikaci-runner", "--local", "--record-out", "no/such/r.json");
        assertEquals(2, missing.exit(), missing.both());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        assertFalse(Files.exists(calls), "incus never ran");
    }

    @Test
    void aFailingPruneIsAWarningTheImportStillSucceeded() throws IOException {
        newProject();
        Path flake = RoleImages.flake(tmp.resolve("flake"), "review-prune-" + project);
        RoleImages.Built first = RoleImages.build(flake, "result-1");
        Files.writeString(flake.resolve("seed.txt"), "review-prune-2-" + project + "\n");
        RoleImages.Built second = RoleImages.build(flake, "result-2");
        Path bin = shim("incus", """
                case "$*" in *"image delete"*) echo "Error: simulated: cannot delete" >&2; exit 1 ;; esac
                exec %s "$@"
                """.formatted(Require.onPath("incus").orElseThrow()));
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
        List<String> where = List.of("--role", "pikaci-runner", "--local", "--project", project, "--alias",
                "review/prune", "--keep", "0");
        List<String> a = new ArrayList<>(List.of("import", "--artifact", first.outLink().toString(), "-q"));
        a.addAll(where);
        assertEquals(0, RoleImages.run(flake, env, a).exit());
        List<String> b = new ArrayList<>(List.of("import", "--artifact", second.outLink().toString(), "--format",
                "json"));
        b.addAll(where);
        Proc.Result r = RoleImages.run(flake, env, b);
        assertEquals(0, r.exit(), r.both());
        JsonNode summary = RoleImages.json(r);
        assertEquals(second.fingerprint(), summary.path("fingerprint").asText());
        assertTrue(summary.path("warning").asText().startsWith("the alias moved, but pruning older images failed"),
                summary.toString());
        assertTrue(r.err().contains("incus-role-image: warning: the alias moved, but pruning older images failed"),
                r.err());
        assertTrue(r.err().contains("Error: simulated: cannot delete"), r.err());
        assertEquals(second.fingerprint(), RoleImages.aliasTarget(project, "review/prune"));
    }

    // ---- signals to the process group ------------------------------------------------------------------

    @Test
    void ctrlCToTheProcessGroupAlwaysExits130WithTheSignalLineLast() throws Exception {
        Map<String, String> env = sshEnv();
        newProject();
        Path flake = RoleImages.flake(tmp.resolve("flake"), "review-sig-" + project);
        RoleImages.Built built = RoleImages.build(flake, "result");
        for (int run = 0; run < 8; run++) {
            // setsid: the run leads its own process group, as a shell job does; Ctrl-C goes to the whole group
            List<String> argv = new ArrayList<>(List.of("setsid", Repo.bin("incus-role-image").toString(), "import",
                    "--role", "pikaci-runner", "--remote-host", "127.0.0.1", "--project", project, "--alias",
                    "review/sig", "--artifact", built.outLink().toString()));
            ProcessBuilder pb = new ProcessBuilder(argv).directory(flake.toFile());
            pb.environment().put("PIKA_JAR", Repo.jar().toString());
            pb.environment().putAll(env);
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> {
                try (InputStream in = p.getErrorStream()) {
                    byte[] buf = new byte[4096];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        synchronized (err) {
                            err.write(buf, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // gone
                }
            });
            t.start();
            p.getInputStream().close();
            Await.until("phase 1 started", Duration.ofSeconds(60), () -> {
                synchronized (err) {
                    return err.toString(StandardCharsets.UTF_8).contains("[1/5] prepare remote");
                }
            });
            Proc.of("kill", "-INT", "--", "-" + p.pid()).run().ok();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            t.join();
            String e = err.toString(StandardCharsets.UTF_8);
            assertEquals(130, p.exitValue(), "run " + run + ":\n" + e);
            String last = e.strip().lines().reduce((x, y) -> y).orElseThrow();
            assertTrue(last.startsWith("incus-role-image: stopped by a signal in phase \""), "run " + run + ":\n" + e);
            assertTrue(last.contains("; temp dirs removed; the alias review/sig "), last);
        }
        assertEquals(null, RoleImages.aliasTarget(project, "review/sig"));
    }

    // ---- sudo -n, sh -c --------------------------------------------------------------------------------

    @Test
    void remoteCommandsRunUnderShCSoAFishOrZshLoginShellRunsThemAsSh() {
        Require.tool("fish");
        Require.tool("zsh");
        Target target = new Target("h", null, new SshSession(List.of(), null, null), "incus");
        String tricky = "a\\b \\\\n 'q' \"d\" $HOME `x` *";
        Step step = target.command(List.of("printf", "%s\\n", tricky), null, "");
        String word = step.argv().get(step.argv().size() - 1);
        assertTrue(word.startsWith("sh -c "), word);
        for (String login : List.of("sh", "bash", "zsh", "fish")) {
            // sshd runs the one word with the user's login shell: LOGIN -c WORD
            Proc.Result r = Proc.of(login, "-c", word).run();
            assertEquals(tricky + "\n", r.ok(), login);
        }
    }

    @Test
    void sudoNeverWaitsForAPassword() {
        // every incus (and the lock's sh) runs under sudo -n: no password prompt can hang a run
        for (String where : List.of("--remote-host=pika-build", "--local")) {
            Proc.Result dry = image(Map.of(), "build-import", "--role", "pikaci-runner", where, "--sudo", "always",
                    "--dry-run");
            assertEquals(0, dry.exit(), dry.both());
            List<String> incus = dry.out().lines().filter(l -> !l.startsWith("#"))
                    .filter(l -> l.contains("incus ") || l.contains("pika-alias-lock")).toList();
            assertTrue(incus.size() >= 4, dry.out());
            for (String l : incus) {
                assertTrue(l.contains("sudo -n incus ") || l.contains("sudo -n sh -c"), l);
            }
        }
    }

    // ---- a newcomer's first runs ------------------------------------------------------------------------

    @Test
    void missingArtifactsSayRunBuildFirstAndJsonGetsAnErrorObject() throws IOException {
        Proc.Result r = image(Map.of(), "import", "--role", "pikaci-runner", "--local", "--format", "json");
        assertEquals(1, r.exit(), r.both());
        JsonNode err = RoleImages.JSON.readTree(r.out());
        assertEquals("missing image artifacts under result", err.path("error").path("message").asText());
        assertTrue(err.path("error").path("hint").asText().contains("run build first"), r.out());
        assertEquals(1, err.path("error").path("exit_code").asInt());
        assertEquals("import", err.path("action").asText());
        assertTrue(r.err().startsWith("incus-role-image: missing image artifacts under result\n  hint: not found: "
                + "metadata.tar.xz, disk.qcow2 in "), r.err());
    }

    @Test
    void aFailingGitLsFilesBlamesGitNotSsh() throws IOException {
        Map<String, String> env = sshEnv();
        Path notGit = Files.createDirectories(tmp.resolve("not-a-checkout"));
        Files.writeString(notGit.resolve("flake.nix"), "{ outputs = { self }: { }; }\n");
        Proc.Result r = RoleImages.run(notGit, env, List.of("build-import", "--role", "pikaci-runner", "--remote-host",
                "127.0.0.1", "--project", "pika-managed-agents", "--alias", "review/not-git"));
        assertEquals(1, r.exit(), r.both());
        assertTrue(r.err().contains("incus-role-image: listing the source (git, in " + notGit + ") failed"), r.err());
        assertFalse(r.err().lines().reduce((x, y) -> y).orElseThrow().contains("ssh exited"), r.err());
    }
}
