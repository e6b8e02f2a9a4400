package dev.pika.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtomicFiles} against real file types: devices, FIFOs, {@code /dev/stdout}, symbolic links, modes under a
 * umask. (The interrupted write — no temporary file left, old content kept — is {@code ResultNewInterruptedWriteIT}.)
 */
class AtomicFilesIT {
    @TempDir
    Path dir;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void aDeviceIsWrittenThroughAndStaysADevice() throws Exception {
        Require.that("root (mknod)", "root".equals(System.getProperty("user.name")), null);
        Path nul = dir.resolve("null");
        assertEquals(0, Proc.of("mknod", "-m", "666", nul.toString(), "c", "1", "3").run().exit());
        AtomicFiles.writeString(nul, "{}\n");
        BasicFileAttributes a = Files.readAttributes(nul, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertTrue(a.isOther(), "still a character device, not a regular file");
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aFifoIsWrittenThrough() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, Proc.of("mkfifo", fifo.toString()).run().exit());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        AtomicFiles.writeString(fifo, "through the pipe\n");
        assertEquals("through the pipe\n", reader.get());
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
    }

    @Test
    void devStdoutIsStandardOutput() {
        for (String path : List.of("/dev/fd/1", "/dev/stdout")) {
            Proc.Result r = Proc.pika("result", "new", "--exit-code", "0", "--finished-at", "2026-01-01T00:00:00Z",
                    "-o", path).run();
            assertEquals(0, r.exit(), path + ": " + r.err());
            assertTrue(r.out().startsWith("{\n  \"schema_version\": 1,"), path + ": " + r.out());
            assertTrue(Files.isSymbolicLink(Path.of("/dev/stdout")), "/dev/stdout is still a link");
        }
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStays() throws Exception {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("real.json"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("data/real.json"));
        Path chain = Files.createSymbolicLink(dir.resolve("chain.json"), Path.of("link.json"));
        AtomicFiles.writeString(chain, "new\n");
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(chain), "the links stay links");
        assertEquals(Path.of("data/real.json"), Files.readSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), Path.of("data/made.json"));
        AtomicFiles.writeString(dangling, "made\n");
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("made\n", Files.readString(dir.resolve("data/made.json")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void anExistingFileKeepsItsMode() throws Exception {
        Path f = Files.writeString(dir.resolve("shared.json"), "old\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        AtomicFiles.writeString(f, "new\n");
        assertEquals("rw-r--r--", mode(f));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-x---"));
        AtomicFiles.writeString(f, "newer\n");
        assertEquals("rwxr-x---", mode(f));
        assertEquals("newer\n", Files.readString(f));
    }

    @Test
    void aNewFileHonoursTheUmask() throws Exception {
        for (String[] umask : new String[][] {{"022", "rw-r--r--"}, {"027", "rw-r-----"}, {"002", "rw-rw-r--"}}) {
            Path f = dir.resolve("new-" + umask[0] + ".json");
            Proc.Result r = Proc.of("/bin/sh", "-c", "umask " + umask[0] + "; exec \"$0\" -jar \"$1\" result new "
                    + "--exit-code 0 -o \"$2\"", Repo.java().toString(), Repo.jar().toString(), f.toString()).run();
            assertEquals(0, r.exit(), r.err());
            assertEquals(umask[1], mode(f), "umask " + umask[0]);
        }
    }

    @Test
    void aDirectoryIsRefused() throws Exception {
        Path d = Files.createDirectories(dir.resolve("out.json"));
        UserException e = assertThrows(UserException.class, () -> AtomicFiles.writeString(d, "x"));
        assertEquals("cannot write " + d + ": it is a directory", e.getMessage());
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(Files.isDirectory(d));
    }

    @Test
    void jsonEndsWithANewline() throws Exception {
        Path f = dir.resolve("record.json");
        AtomicFiles.writeJson(f, "{\"a\": 1}");
        assertEquals("{\"a\": 1}\n", Files.readString(f, StandardCharsets.UTF_8));
        AtomicFiles.writeJson(f, "{}\n");
        assertEquals("{}\n", Files.readString(f));
        assertFalse(Files.exists(dir.resolve("record.json.tmp")));
    }
}
