package dev.pika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pika.testkit.Require;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launcher's start-up cache (docs/performance.md), tested by running the real {@code bin/pika} with the real
 * JDKs: the one running the tests, and any JDK 24+ installed next to it (the AOT cache path). Each test uses a
 * copy of the built jar and its own {@code XDG_CACHE_HOME}. Whether an archive is really used is read from the
 * JVM's own class-loading log ({@code source: shared objects file}).
 */
class LauncherCacheIT {
    private static final String SHARED = "source: shared objects file";
    private static final String MAIN_LOADED = "dev.pika.cli.Main ";

    private Path work;
    private Path jar;
    private Path cacheHome;

    /** @return the JDK running the tests, plus every JDK 24+ under the same parent directory */
    static List<Path> jdks() throws IOException {
        List<Path> jdks = new ArrayList<>();
        Path self = Path.of(System.getProperty("java.home")).toRealPath();
        jdks.add(self);
        try (Stream<Path> siblings = Files.list(self.getParent())) {
            siblings.filter(p -> !Files.isSymbolicLink(p) && !p.equals(self))
                    .filter(p -> Files.isExecutable(p.resolve("bin/java")) && majorVersion(p) >= 24)
                    .sorted().limit(1).forEach(jdks::add);
        }
        return jdks;
    }

    private static int majorVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    @BeforeEach
    void setUp() throws IOException {
        // World-readable on purpose: one test runs the launcher as another user.
        work = Files.createTempDirectory("pika-cache-it");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = work.resolve("pika.jar");
        Files.copy(Path.of(System.getProperty("pika.jar")), jar);
        cacheHome = work.resolve("cache");
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void firstRunCreatesTheArchiveAndLaterRunsMapIt(Path jdk) throws Exception {
        Result first = launch(jdk, Map.of(), "--version");
        first.assertVersionOutput();
        List<Path> archives = archives();
        assertEquals(1, archives.size(), "one archive after the first run: " + archives);
        String name = archives.get(0).getFileName().toString();
        assertTrue(name.endsWith(majorVersion(jdk) >= 24 ? ".aot" : ".jsa"), name);

        Result second = launch(jdk, Map.of("PIKA_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
        assertEquals(0, second.exit, second.stderr);
        assertTrue(loadedFromArchive(second.stdout, MAIN_LOADED), "Main comes from the archive:\n" + second.head());
        assertTrue(loadedFromArchive(second.stdout, "picocli.CommandLine "),
                "picocli (compiled with release 17) comes from the archive:\n" + second.head());
        assertEquals(archives, archives(), "the archive is reused, not rebuilt");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aStaleArchiveIsReplacedAfterTheJarIsRebuilt(Path jdk) throws Exception {
        launch(jdk, Map.of(), "--version").assertVersionOutput();
        Path before = archives().get(0);

        rebuildJarWithExtraEntry();
        Result afterRebuild = launch(jdk, Map.of("PIKA_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
        assertEquals(0, afterRebuild.exit, afterRebuild.stderr);
        List<Path> now = archives();
        assertEquals(1, now.size(), "the stale archive is replaced, not kept next to the new one: " + now);
        assertNotEquals(before, now.get(0), "a new jar gets a new archive");
        assertTrue(loadedFromArchive(afterRebuild.stdout, MAIN_LOADED), afterRebuild.head());

        // Same bytes, newer file (a rebuild that reproduced the jar): the JVM would refuse the old archive, so the
        // launcher makes it again rather than run without it.
        Path current = now.get(0);
        FileTime archiveTime = Files.getLastModifiedTime(current);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(archiveTime.toMillis() + 5_000));
        Result touched = launch(jdk, Map.of("PIKA_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
        assertEquals(0, touched.exit, touched.stderr);
        assertEquals(List.of(current), archives());
        assertTrue(Files.getLastModifiedTime(current).compareTo(archiveTime) > 0, "the archive was made again");
        assertTrue(loadedFromArchive(touched.stdout, MAIN_LOADED), touched.head());
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void twoFirstRunsAtOnceBothSucceedAndLeaveOneCompleteArchive(Path jdk) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<Result> run = () -> launch(jdk, Map.of(), "--version");
            List<java.util.concurrent.Future<Result>> both = pool.invokeAll(List.of(run, run));
            for (java.util.concurrent.Future<Result> f : both) {
                f.get().assertVersionOutput();
                assertEquals("", f.get().stderr);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, archives().size(), "one archive: " + archives());
        try (Stream<Path> s = Files.list(cacheHome.resolve("pika"))) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".")).toList(),
                    "no temporary files left");
        }
        Result after = launch(jdk, Map.of("PIKA_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
        assertTrue(loadedFromArchive(after.stdout, MAIN_LOADED), "the archive is whole and used:\n" + after.head());
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aCacheLocationThatIsNotADirectoryStillRuns(Path jdk) throws Exception {
        Files.createDirectories(cacheHome);
        Files.writeString(cacheHome.resolve("pika"), "not a directory\n");
        Result r = launch(jdk, Map.of(), "--version");
        r.assertVersionOutput();
        assertEquals("", r.stderr, "no complaint about the cache");
        assertEquals("not a directory\n", Files.readString(cacheHome.resolve("pika")));
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void aReadOnlyCacheDirectoryStillRuns(Path jdk) throws Exception {
        Path dir = Files.createDirectories(cacheHome.resolve("pika"));
        Files.setPosixFilePermissions(cacheHome, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        List<String> asUser = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // root writes into read-only directories: run the launcher as an unprivileged user instead.
            Path setpriv = Path.of("/usr/bin/setpriv");
            if (!Files.isExecutable(setpriv)) {
                fail("running as root needs /usr/bin/setpriv (util-linux) to test a read-only cache as another user");
            }
            asUser.addAll(List.of(setpriv.toString(), "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        Result r = launch(jdk, Map.of(), asUser, "--version");
        r.assertVersionOutput();
        assertEquals("", r.stderr, "no complaint about the cache");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "nothing written into the read-only directory");
        }
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void pikaNoCdsDisablesTheCache(Path jdk) throws Exception {
        Result r = launch(jdk, Map.of("PIKA_NO_CDS", "1", "PIKA_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
        assertEquals(0, r.exit, r.stderr);
        assertTrue(r.stdout.lines().anyMatch(l -> l.startsWith("pika ")), r.head());
        assertFalse(Files.exists(cacheHome), "no cache directory is created");
        assertTrue(r.stdout.lines().anyMatch(l -> l.contains(MAIN_LOADED)), "the class log is there:\n" + r.head());
        assertFalse(loadedFromArchive(r.stdout, MAIN_LOADED), "pika's classes come from the jar");
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void theCachedRunValidatesLikeTheUncachedOne(Path jdk) throws Exception {
        Path doc = work.resolve("result.json");
        Files.writeString(doc, "{\"schema_version\":1,\"status\":\"passed\",\"finished_at\":\"x\",\"message\":\"m\"}");
        Result plain = launch(jdk, Map.of("PIKA_NO_CDS", "1"), "validate-result", doc.toString());
        Result cached = launch(jdk, Map.of(), "validate-result", doc.toString());
        Result cachedAgain = launch(jdk, Map.of(), "validate-result", doc.toString());
        assertEquals(1, plain.exit, plain.stderr);
        assertTrue(plain.stdout.contains("passed"), plain.stdout);
        for (Result r : List.of(cached, cachedAgain)) {
            assertEquals(plain.exit, r.exit);
            assertEquals(plain.stdout, r.stdout);
            assertEquals(plain.stderr, r.stderr);
        }
        assertEquals(1, archives().size());
    }

    /**
     * The poisoning reproduction: an unprivileged account owns the cache (directory and archive, here made by a
     * real run as {@code nobody}), and root runs pika with that cache location, as {@code sudo -E} does. Root must
     * not map the archive (it would run that account's classes), and says why under {@code PIKA_DEBUG}.
     */
    @ParameterizedTest
    @MethodSource("jdks")
    void anotherAccountsArchiveIsNotUsed(Path jdk) throws Exception {
        Require.that("root (the caller of the poisoning reproduction)", isRoot(), null);
        Require.that("/usr/bin/setpriv (util-linux)", Files.isExecutable(Path.of("/usr/bin/setpriv")), null);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(cacheHome);
        Files.setPosixFilePermissions(cacheHome, PosixFilePermissions.fromString("rwxrwxrwx"));
        launch(jdk, Map.of(), asNobody(), "--version").assertVersionOutput();
        List<Path> planted = archives();
        assertEquals(1, planted.size(), "nobody's run made its archive: " + planted);
        assertEquals("nobody", Files.getOwner(planted.get(0)).getName());

        Result root = launch(jdk, Map.of("PIKA_JAVA_OPTS", "-Xlog:class+load=info", "PIKA_DEBUG", "1"), "--version");
        assertEquals(0, root.exit, root.stderr);
        assertTrue(root.stdout.lines().anyMatch(l -> l.contains(MAIN_LOADED)), root.head());
        assertFalse(loadedFromArchive(root.stdout, MAIN_LOADED), "root does not map nobody's archive:\n" + root.head());
        assertEquals(1, root.stderr.lines().count(), root.stderr);
        assertTrue(root.stderr.startsWith("pika: not using the start-up cache " + cacheHome.resolve("pika")
                + ": it belongs to another user"), root.stderr);
        assertEquals(planted, archives(), "nothing written into nobody's directory");

        Result quiet = launch(jdk, Map.of(), "--version");
        quiet.assertVersionOutput();
        assertEquals("", quiet.stderr, "without PIKA_DEBUG nothing is said");
    }

    /** The caller's own directory, but writable by the group: another member could swap the archive. */
    @ParameterizedTest
    @MethodSource("jdks")
    void aGroupWritableCacheIsNotUsed(Path jdk) throws Exception {
        launch(jdk, Map.of(), "--version").assertVersionOutput();
        Path archive = archives().get(0);
        Files.setPosixFilePermissions(cacheHome.resolve("pika"), PosixFilePermissions.fromString("rwxrwxr-x"));
        Result r = launch(jdk, Map.of("PIKA_JAVA_OPTS", "-Xlog:class+load=info", "PIKA_DEBUG", "1"), "--version");
        assertEquals(0, r.exit, r.stderr);
        assertFalse(loadedFromArchive(r.stdout, MAIN_LOADED), r.head());
        assertTrue(r.stderr.contains("it is writable by group or others"), r.stderr);

        Files.setPosixFilePermissions(cacheHome.resolve("pika"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString("rw-rw-rw-"));
        Result a = launch(jdk, Map.of("PIKA_JAVA_OPTS", "-Xlog:class+load=info", "PIKA_DEBUG", "1"), "--version");
        assertFalse(loadedFromArchive(a.stdout, MAIN_LOADED), a.head());
        assertTrue(a.stderr.contains(archive + ": it is writable by group or others"), a.stderr);
    }

    /** A cache directory the launcher creates is private, and so is the archive, whatever the umask. */
    @ParameterizedTest
    @MethodSource("jdks")
    void theCacheIsCreatedPrivateUnderAPermissiveUmask(Path jdk) throws Exception {
        List<String> sh = List.of("/bin/sh", "-c", "umask 000; exec \"$0\" \"$@\"");
        launch(jdk, Map.of(), sh, "--version").assertVersionOutput();
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cacheHome.resolve("pika"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archives().get(0))));
        Result again = launch(jdk, Map.of("PIKA_JAVA_OPTS", "-Xlog:class+load=info"), sh, "--version");
        assertTrue(loadedFromArchive(again.stdout, MAIN_LOADED), again.head());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asNobody() {
        return List.of("/usr/bin/setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups");
    }

    private static boolean loadedFromArchive(String classLog, String className) {
        return classLog.lines().anyMatch(l -> l.contains("] " + className) && l.contains(SHARED));
    }

    private List<Path> archives() throws IOException {
        Path dir = cacheHome.resolve("pika");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot")).sorted().toList();
        }
    }

    /** A "rebuild": the same classes plus one more entry, written to a new file renamed over the jar. */
    private void rebuildJarWithExtraEntry() throws IOException {
        Path rebuilt = work.resolve("rebuilt.jar");
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rebuilt))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream data = in.getInputStream(e)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("META-INF/rebuilt.txt"));
            out.write("rebuilt\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.move(rebuilt, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private Result launch(Path jdk, Map<String, String> env, String... args) throws Exception {
        return launch(jdk, env, List.of(), args);
    }

    private Result launch(Path jdk, Map<String, String> env, List<String> prefix, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("pika.repo.dir"), "bin", "pika").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> e = pb.environment();
        e.remove("PIKA_NO_CDS");
        e.remove("PIKA_JAVA_OPTS");
        e.put("JAVA_HOME", jdk.toString());
        e.put("PIKA_JAR", jar.toString());
        e.put("XDG_CACHE_HOME", cacheHome.toString());
        e.putAll(env);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the launcher did not finish in 120 s: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(int exit, String stdout, String stderr) {
        void assertVersionOutput() {
            assertEquals(0, exit, stderr);
            assertTrue(stdout.startsWith("pika "), stdout);
            assertTrue(stdout.contains("Java "), stdout);
        }

        String head() {
            return stdout.lines().limit(20).reduce("", (a, b) -> a + b + "\n") + "…\nstderr: " + stderr;
        }
    }
}
