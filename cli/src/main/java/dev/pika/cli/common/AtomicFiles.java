package dev.pika.cli.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader (or a crash) never sees a half-written file: the bytes go to a temporary file in
 * the same directory, are forced to disk, and the temporary file is renamed over the target in one atomic step.
 * On any failure the temporary file is removed and the previous target, if any, is left untouched.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Atomically replaces {@code target} with {@code text} encoded as UTF-8.
     *
     * @param target the file to write; its directory must exist
     * @param text   the complete new content
     * @throws UserException exit code 2 when the directory is missing or not writable, with the OS reason
     */
    public static void writeString(Path target, String text) {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Atomically replaces {@code target} with {@code bytes}.
     *
     * @param target the file to write; its directory must exist
     * @param bytes  the complete new content
     * @throws UserException exit code 2 when the directory is missing or not writable, with the OS reason
     */
    public static void write(Path target, byte[] bytes) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UserException(ExitCodes.USAGE, "cannot write " + target + ": directory "
                    + (dir == null ? "/" : dir) + " does not exist");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UserException(ExitCodes.USAGE, "cannot write " + target + ": " + reason(e), e);
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
