package dev.pika.cli.common;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens the files named on a command line and says in a few words why one cannot be read, so that an unreadable
 * input is one line on stderr (exit 2) and the other inputs are still checked.
 *
 * <p>Regular files open at once. Anything else that is not a directory — a FIFO, a device, {@code /dev/fd/N} from a
 * shell's process substitution — is opened with a bounded wait of {@link #OPEN_WAIT}: opening a FIFO blocks until
 * a writer opens it, so a FIFO with no writer is reported ("no writer opened it within 5 s") instead of hanging.
 * Once open, a FIFO is read like standard input: until its writer closes it.
 */
public final class InputFiles {
    /** How long opening a FIFO or device may take: 5 s. */
    public static final Duration OPEN_WAIT = Duration.ofSeconds(5);

    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;

    private InputFiles() {
    }

    /** The file cannot be read; {@link #getMessage()} is the reason, e.g. {@code no such file}. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param path a file named on the command line
     * @return the open file (the caller closes it)
     * @throws Unreadable with the reason when it cannot be opened
     */
    public static InputStream open(Path path) throws Unreadable {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            if (e instanceof NoSuchFileException && Files.isSymbolicLink(path)) {
                throw new Unreadable("no such file (a symbolic link to a missing file)");
            }
            throw new Unreadable(reason(e));
        }
        if (attrs.isDirectory()) {
            throw new Unreadable("is a directory");
        }
        try {
            if (attrs.isRegularFile()) {
                return Files.newInputStream(path);
            }
            return openWithin(path, OPEN_WAIT);
        } catch (IOException e) {
            throw new Unreadable(reason(e));
        }
    }

    /** Opens a FIFO or device in a helper thread, giving up after {@code wait}. */
    private static InputStream openWithin(Path path, Duration wait) throws IOException, Unreadable {
        CompletableFuture<FileInputStream> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(new FileInputStream(path.toFile()));
            } catch (IOException | RuntimeException e) {
                opening.completeExceptionally(e);
            }
        }, "pika-open " + path);
        opener.setDaemon(true);
        opener.start();
        try {
            return opening.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            release(path, opening);
            throw new Unreadable(isFifo(path) ? "a FIFO that no writer opened within " + wait.toSeconds() + " s"
                    : "opening it did not finish within " + wait.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(path, opening);
            throw new Unreadable("interrupted while opening it");
        }
    }

    /** Ends a blocked open of a FIFO by opening the write end once, and closes what the opener got. */
    private static void release(Path path, CompletableFuture<FileInputStream> opening) {
        if (isFifo(path) && !opening.isDone()) {
            try (FileOutputStream unblock = new FileOutputStream(path.toFile())) {
                // opening the write end lets the blocked reader's open return; it reads end-of-file
            } catch (IOException e) {
                // nothing more to do: the opener is a daemon thread
            }
        }
        opening.thenAccept(in -> {
            try {
                in.close();
            } catch (IOException e) {
                // already given up on this file
            }
        });
    }

    private static boolean isFifo(Path path) {
        try {
            return ((Integer) Files.getAttribute(path, "unix:mode") & S_IFMT) == S_IFIFO;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @param e a failure to open or read a file
     * @return the reason in a few lower-case words, without the path
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        String why = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e.getMessage() != null ? e.getMessage() : "";
        int paren = why.lastIndexOf(" (");
        if (e instanceof java.io.FileNotFoundException && paren >= 0 && why.endsWith(")")) {
            why = why.substring(paren + 2, why.length() - 1); // FileInputStream says "PATH (reason)"
        }
        if (why.startsWith("Too many levels of symbolic links")) {
            return "too many levels of symbolic links (a symbolic link loop?)";
        }
        if (why.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        return switch (why) {
            case "Permission denied" -> "permission denied";
            case "Not a directory" -> "a part of the path is not a directory";
            default -> Character.toLowerCase(why.charAt(0)) + why.substring(1);
        };
    }
}
