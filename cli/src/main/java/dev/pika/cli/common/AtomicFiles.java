package dev.pika.cli.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader (or a crash) never sees a half-written file, the way {@code -o FILE} and
 * {@code --record-out FILE} promise:
 * <ul>
 *   <li>a regular file (or a missing one) is replaced atomically: the bytes go to a temporary file in the same
 *       directory, are forced to disk, the temporary file is renamed over the target and the directory is forced
 *       too; on any failure the temporary file is removed and the old target is left untouched;</li>
 *   <li>the new file keeps the old file's mode (and, when pika may, its owner and group); a new file gets
 *       {@code 0666 & ~umask}, as the shell's {@code >} gives it;</li>
 *   <li>a symbolic link is written through: the file it points to is replaced, the link stays;</li>
 *   <li>anything else is written through, not replaced: a device ({@code /dev/null}), a FIFO, {@code /dev/stdout}
 *       and the other {@code /dev/fd} and {@code /proc} paths (not atomic: there is no file to swap);</li>
 *   <li>a directory is refused.</li>
 * </ul>
 * Errors are {@link UserException}s with exit code {@link ExitCodes#USAGE} and the OS reason.
 */
public final class AtomicFiles {
    /** Linux's limit on symbolic links followed in one path lookup ({@code MAXSYMLINKS}). */
    private static final int MAX_LINKS = 40;

    private AtomicFiles() {
    }

    /**
     * Writes {@code text} encoded as UTF-8 to {@code target} (see the class comment).
     *
     * @param target the file to write; its directory must exist
     * @param text   the complete new content
     * @throws UserException exit code 2 when the directory is missing or not writable, or the target is a
     *     directory, with the OS reason
     */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a JSON document: {@link #writeString} with a final newline added when {@code json} has none (a text
     * file ends with one; {@code cat} and {@code git diff} expect it).
     *
     * @param target the file to write
     * @param json   the complete document
     * @throws UserException as {@link #writeString}
     */
    public static void writeJson(Path target, String json) {
        writeString(target, json.endsWith("\n") ? json : json + "\n");
    }

    /**
     * Writes {@code bytes} to {@code target} (see the class comment).
     *
     * @param target the file to write; its directory must exist
     * @param bytes  the complete new content
     * @throws UserException exit code 2 when the directory is missing or not writable, or the target is a
     *     directory, with the OS reason
     */
    public static void write(Path target, byte[] bytes) {
        Path abs = target.toAbsolutePath().normalize();
        try {
            BasicFileAttributes attrs = attributes(abs);
            if (attrs != null && attrs.isDirectory()) {
                throw new UserException(ExitCodes.USAGE, "cannot write " + target + ": it is a directory");
            }
            if ((attrs != null && !attrs.isRegularFile()) || abs.startsWith("/dev") || abs.startsWith("/proc")) {
                writeThrough(abs, bytes);
                return;
            }
            replace(linkTarget(abs), bytes, target);
        } catch (IOException e) {
            throw new UserException(ExitCodes.USAGE, "cannot write " + target + ": " + reason(e), e);
        }
    }

    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null; // missing, or a dangling link: created below
        }
    }

    /** Devices, FIFOs, /dev/stdout: opened and written like the shell's {@code >} does. */
    private static void writeThrough(Path p, byte[] bytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(bytes);
        }
    }

    /** @return the path a chain of symbolic links ends at ({@code p} itself when it is no link) */
    private static Path linkTarget(Path p) throws IOException {
        Path current = p;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(current); i++) {
            current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
        }
        if (Files.isSymbolicLink(current)) {
            throw new FileSystemException(p.toString(), null, "too many levels of symbolic links");
        }
        return current;
    }

    private static void replace(Path file, byte[] bytes, Path shown) throws IOException {
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserException(ExitCodes.USAGE, "cannot write " + shown + ": directory "
                    + (dir == null ? "/" : dir) + " does not exist");
        }
        PosixFileAttributes old = Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                ? Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS) : null;
        Path tmp = null;
        try {
            // createFile (not createTempFile, which forces 0600) gives 0666 & ~umask, like the shell's >
            tmp = Files.createFile(dir.resolve("." + file.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp"));
            if (old != null) {
                keepOwnerAndMode(tmp, old);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                out.write(bytes);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            forceDirectory(dir);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the target is untouched either way
                }
            }
        }
    }

    private static void keepOwnerAndMode(Path tmp, PosixFileAttributes old) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        PosixFileAttributes now = view.readAttributes();
        try {
            if (!now.owner().equals(old.owner())) {
                view.setOwner(old.owner());
            }
            if (!now.group().equals(old.group())) {
                view.setGroup(old.group());
            }
        } catch (IOException e) {
            // only root may give a file away: the new file is then the writer's, as with the shell's >
        }
        view.setPermissions(old.permissions());
    }

    /** fsync the directory, so that the rename itself survives a crash. */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the file itself is on disk
        }
    }

    private static String reason(IOException e) {
        String simple = e.getClass().getSimpleName();
        return switch (simple) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such file or directory";
            case "FileSystemException" -> e.getMessage();
            default -> e.getMessage() == null ? simple : e.getMessage();
        };
    }
}
