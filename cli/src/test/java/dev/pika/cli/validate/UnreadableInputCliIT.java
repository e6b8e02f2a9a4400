package dev.pika.cli.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a file can be unreadable is one line on stderr and exit 2, and the other files are still checked:
 * missing, a directory, a FIFO without a writer (a bounded wait, never a hang), permission denied, a symbolic link
 * loop, a dangling link, a path through a file, and an I/O error while reading.
 *
 * <p>Permission denied as root: root bypasses file modes, so the test reads {@code /proc/sys/vm/drop_caches}
 * (mode 0200, where the kernel refuses reads even to root), and, when {@code setpriv} is there, runs the jar as
 * {@code nobody} on a mode-000 file. The I/O error is {@code /proc/self/mem}: it opens, and reading offset 0
 * fails with EIO.
 */
class UnreadableInputCliIT {
    private static final String VALID = "{\"schema_version\": 1, \"status\": \"completed\", "
            + "\"finished_at\": \"2026-03-25T20:00:00Z\", \"message\": \"test passed\", \"exit_code\": 0}";

    @Test
    void eachUnreadableInputIsOneLineAndTheRestIsChecked(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(good, VALID);
        Path fifo = dir.resolve("fifo.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path loop1 = dir.resolve("loop1.json");
        Path loop2 = dir.resolve("loop2.json");
        Files.createSymbolicLink(loop1, loop2);
        Files.createSymbolicLink(loop2, loop1);
        Path dangling = dir.resolve("dangling.json");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere.json"));
        Path sub = dir.resolve("sub");
        Files.createDirectory(sub);

        List<String> args = List.of(dir.resolve("missing.json").toString(), sub.toString(), fifo.toString(),
                "/proc/sys/vm/drop_caches", loop1.toString(), dangling.toString(), good + "/x", "/proc/self/mem",
                good.toString());
        List<String> argv = new ArrayList<>(List.of("validate-result"));
        argv.addAll(args);
        long start = System.nanoTime();
        Proc.Result r = Proc.pika(argv.toArray(String[]::new)).run();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("pika: cannot read " + args.get(0) + ": no such file\n"
                + "pika: nothing to check in " + sub + ": no file in it has a canonical name this command checks "
                + "(-r also looks in its subdirectories)\n"
                + "pika: cannot read " + fifo + ": a FIFO that no writer opened within 5 s\n"
                + "pika: cannot read /proc/sys/vm/drop_caches: permission denied\n"
                + "pika: cannot read " + loop1 + ": too many levels of symbolic links (a symbolic link loop?)\n"
                + "pika: cannot read " + dangling + ": no such file (a symbolic link to a missing file)\n"
                + "pika: cannot read " + good + "/x: a part of the path is not a directory\n"
                + "pika: cannot read /proc/self/mem: input/output error\n", r.err());
        assertEquals("1 valid, 0 invalid, 8 unreadable (0 errors, 0 warnings)\n", r.out());
        assertTrue(seconds < 30, "the FIFO wait is bounded: took " + seconds + " s");

        Proc.Result json = Proc.pika("validate-result", "--format", "json", fifo.toString(), good.toString()).run();
        assertEquals(2, json.exit());
        JsonNode docs = new ObjectMapper().readTree(json.out()).get("documents");
        assertEquals("cannot read " + fifo + ": a FIFO that no writer opened within 5 s",
                docs.get(0).get("error").asText());
        assertTrue(docs.get(1).get("valid").asBoolean());
    }

    @Test
    void aFifoWithAWriterAndProcessSubstitutionAreRead(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("result.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Process writer = new ProcessBuilder("bash", "-c", "sleep 1; printf '%s' \"$1\" > \"$2\"", "-", VALID,
                fifo.toString()).start();
        Proc.Result r = Proc.pika("validate-result", fifo.toString()).run();
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, writer.waitFor());
        Process sub = new ProcessBuilder("bash", "-c", "java -jar \"$1\" validate-result <(printf '%s' \"$2\")", "-",
                Repo.jar().toString(), VALID).redirectErrorStream(true).start();
        String out = new String(sub.getInputStream().readAllBytes());
        assertEquals(0, sub.waitFor(), out);
        assertEquals("1 valid, 0 invalid (0 errors, 0 warnings)\n", out);
    }

    @Test
    void aModeZeroFileIsPermissionDeniedForAnOrdinaryUser(@TempDir Path dir) throws Exception {
        boolean root = "0".equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes())
                .trim());
        Path setpriv = Path.of("/usr/bin/setpriv");
        if (!root || !Files.isExecutable(setpriv)) {
            // not root: mode 000 denies us directly
            Path f = dir.resolve("result.json");
            Files.writeString(f, VALID);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
            Proc.Result r = Proc.pika("validate-result", f.toString()).run();
            assertEquals(root ? 0 : 2, r.exit(), r.err());
            return;
        }
        // root reads any file, so drop to nobody; the directory must be traversable by nobody
        Path open = Files.createTempDirectory(Path.of("/tmp"), "pika-perm-");
        try {
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path f = open.resolve("result.json");
            Files.writeString(f, VALID);
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
            Path ok = open.resolve("ok.json");
            Files.writeString(ok, VALID);
            Files.setPosixFilePermissions(ok, PosixFilePermissions.fromString("rw-r--r--"));
            ProcessBuilder pb = new ProcessBuilder(setpriv.toString(), "--reuid=65534", "--regid=65534",
                    "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    Repo.jar().toString(), "validate-result", f.toString(), ok.toString());
            pb.environment().putAll(Map.of("HOME", "/tmp"));
            Path err = open.resolve("err.txt");
            Process p = pb.redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(2, p.waitFor(), out);
            assertEquals("pika: cannot read " + f + ": permission denied\n", Files.readString(err));
            assertEquals("1 valid, 0 invalid, 1 unreadable (0 errors, 0 warnings)\n", out);
        } finally {
            try (var files = Files.list(open)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(open);
        }
    }
}
