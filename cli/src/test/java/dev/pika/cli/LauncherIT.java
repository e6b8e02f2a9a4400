package dev.pika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Await;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real {@code bin/pika} in a throw-away checkout whose jar must be built: the build lock (a live holder is
 * named, a dead one's lock is taken over), a checkout the caller cannot write, {@code CDPATH}, and UTF-8 arguments
 * and paths under {@code LANG=C}. Maven is replaced by a stub that copies the built jar (the build itself is not
 * under test; its argv and the lock around it are).
 */
class LauncherIT {
    private Path work;
    private Path checkout;
    private Path stubs;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory("pika-launcher-it");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        checkout = work.resolve("checkout");
        Files.createDirectories(checkout.resolve("bin"));
        Files.copy(Repo.bin("pika"), checkout.resolve("bin/pika"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
        for (String m : new String[] {"contract", "cli"}) {
            Files.createDirectories(checkout.resolve(m + "/src/main"));
            Files.writeString(checkout.resolve(m + "/pom.xml"), "<project/>\n");
        }
        stubs = Files.createDirectories(work.resolve("stubs"));
        Path mvn = stubs.resolve("mvn");
        // mvn ... -f ROOT/pom.xml ...: "builds" ROOT/cli/target/pika.jar from the real jar
        Files.writeString(mvn, "#!/bin/sh\nwhile [ $# -gt 0 ]; do [ \"$1\" = -f ] && root=${2%/pom.xml}; shift; done\n"
                + "mkdir -p \"$root/cli/target\" && cp '" + Repo.jar() + "' \"$root/cli/target/pika.jar\"\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                        Files.isDirectory(p) || Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Proc launcher(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = checkout.resolve("bin/pika").toString();
        System.arraycopy(args, 0, argv, 1, args.length);
        return Proc.of(argv).env("PIKA_JAR", null).env("PIKA_NO_CDS", "1")
                .env("PATH", stubs + ":" + System.getenv("PATH")).timeout(Duration.ofSeconds(60));
    }

    @Test
    void aLockLeftByADeadBuildIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path lock = Files.createDirectories(checkout.resolve(".pika-build.lock"));
        Files.writeString(lock.resolve("pid"), gone.pid() + "\n");
        Proc.Result r = launcher("--version").run();
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("pika "), r.out());
        assertTrue(r.err().contains("removing a stale build lock " + lock + " (PID " + gone.pid() + " is gone)"),
                r.err());
        assertFalse(Files.exists(lock), "the lock is released");
    }

    @Test
    void aLiveHolderIsNamedWhileWaiting() throws Exception {
        Path lock = Files.createDirectories(checkout.resolve(".pika-build.lock"));
        long self = ProcessHandle.current().pid();
        Files.writeString(lock.resolve("pid"), self + "\n");
        Process p = launcher("--version").start();
        try {
            StringBuilder err = new StringBuilder();
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> copy(p.getErrorStream(), err));
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            Await.until("the waiting message", Duration.ofSeconds(30), () -> {
                synchronized (err) {
                    return err.toString().contains("pika: waiting for the build lock held by PID " + self + " ("
                            + lock + ")");
                }
            });
            assertTrue(p.isAlive(), "it waits while the holder lives");
            Files.delete(lock.resolve("pid"));
            Files.delete(lock);
            Await.until("the launcher finishes after the lock is released", Duration.ofSeconds(60),
                    () -> !p.isAlive());
            reader.join();
            assertEquals(0, p.exitValue(), err.toString());
            assertTrue(out.join().startsWith("pika "));
            assertEquals(1, err.toString().lines().filter(l -> l.contains("waiting")).count(), "said once: " + err);
        } finally {
            Proc.kill(p);
        }
    }

    @Test
    void aCheckoutTheCallerCannotWriteIsAClearError() {
        Require.that("root (to run the launcher as nobody)", "root".equals(System.getProperty("user.name")), null);
        Require.that("/usr/bin/setpriv (util-linux)", Files.isExecutable(Path.of("/usr/bin/setpriv")), null);
        Proc.Result r = Proc.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                        checkout.resolve("bin/pika").toString(), "--version")
                .env("PIKA_JAR", null).env("PIKA_NO_CDS", "1").env("PATH", stubs + ":" + System.getenv("PATH"))
                .timeout(Duration.ofSeconds(30)).run();
        assertEquals(2, r.exit(), r.err());
        assertEquals("pika: the jar " + checkout.resolve("cli/target/pika.jar") + " is missing or stale and cannot be"
                + " built: " + checkout + " is not writable by you (build it as the checkout's owner with 'mvn -f "
                + checkout + "/pom.xml -DskipTests package', or set PIKA_JAR)\n", r.err());
    }

    @Test
    void cdpathDoesNotMoveTheLauncher() throws Exception {
        // An installed layout, run as bin/pika from its prefix, with a CDPATH that has a bin directory of its own
        Path prefix = work.resolve("prefix");
        Files.createDirectories(prefix.resolve("bin"));
        Files.createDirectories(prefix.resolve("lib/pika"));
        Files.copy(Repo.bin("pika"), prefix.resolve("bin/pika"));
        Files.copy(Repo.jar(), prefix.resolve("lib/pika/pika.jar"));
        Proc.Result r = Proc.of("bin/pika", "--version").cwd(prefix).env("PIKA_JAR", null).env("PIKA_NO_CDS", "1")
                .env("CDPATH", "/usr").run();
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("pika "), r.out());
        assertEquals("", r.err());
    }

    /** Under LANG=C, arguments, paths and output stay UTF-8 (they became ? and an internal error). */
    @Test
    void utf8ArgumentsAndPathsWhateverTheLocale() throws Exception {
        Path dir = Files.createDirectories(work.resolve("données ✓"));
        Path doc = dir.resolve("résultat.json");
        Files.writeString(doc, "{\"schema_version\":1,\"status\":\"completed\",\"finished_at\":\"2026-01-01T00:00:00Z\","
                + "\"message\":\"ok → ✓\"}\n");
        for (Map<String, String> locale : new Map[] {Map.of("LANG", "C"), Map.of("LC_ALL", "C"), Map.of()}) {
            Proc.Result valid = launcher("validate-result", doc.toString()).env(noLocale()).env(locale)
                    .env("PIKA_JAR", Repo.jar().toString()).run();
            assertEquals(0, valid.exit(), locale + ": " + valid.err());
            assertEquals("1 valid, 0 invalid (0 errors, 0 warnings)\n", valid.out(), locale.toString());
            Proc.Result made = launcher("result", "new", "--exit-code", "0", "--message", "echo héllo → ✓")
                    .env(noLocale()).env(locale).env("PIKA_JAR", Repo.jar().toString()).run();
            assertEquals(0, made.exit(), made.err());
            assertTrue(made.out().contains("\"message\": \"echo héllo → ✓\""), locale + ": " + made.out());
        }
        // java -jar without the launcher under LANG=C: arguments are recovered, a path Java cannot encode is a
        // clear usage error, not an internal one
        Proc.Result direct = Proc.pika("result", "new", "--exit-code", "0", "--message", "ok → ✓").env(noLocale())
                .env("LANG", "C").run();
        assertTrue(direct.out().contains("\"message\": \"ok → ✓\""), direct.out());
        Proc.Result path = Proc.pika("validate-result", doc.toString()).env(noLocale()).env("LANG", "C").run();
        assertEquals(2, path.exit(), path.err());
        assertEquals("pika: cannot use the path \"" + doc + "\": the locale's character set (US-ASCII) cannot "
                + "represent it; run pika with a UTF-8 locale, e.g. LC_ALL=C.UTF-8\n", path.err());
    }

    private static Map<String, String> noLocale() {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        for (String v : new String[] {"LANG", "LC_ALL", "LC_CTYPE", "LANGUAGE"}) {
            m.put(v, null);
        }
        return m;
    }

    private static void copy(InputStream in, StringBuilder sink) {
        try {
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (sink) {
                    sink.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
