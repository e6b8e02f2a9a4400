package dev.pika.cli.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pika.cli.common.AtomicFiles;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.InputFiles;
import dev.pika.cli.common.UserException;
import dev.pika.contract.ContractConstants;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes the guest's lifecycle files exactly as the Python helper {@code pika-cloud-lifecycle} does (CONTRACT.md
 * §9): {@code status.json} and {@code result.json} atomically (temporary file, fsync, rename) as
 * {@code json.dump(indent=2)} plus a newline; one {@code events.jsonl} line per event as {@code json.dumps} with
 * {@code seq} last, the sequence number kept in a {@code .seq} file (last value and a newline) and both files
 * written under an exclusive lock on it. Missing parent directories are created.
 *
 * <p>Timestamps are local time with the offset, to the second ({@code 2026-03-25T20:00:00+00:00}, never
 * {@code Z}), from {@code clock} (its zone is the local zone). The boot id is the trimmed content of
 * {@code bootIdFile}; a missing, unreadable or blank file means none and the field is left out.
 *
 * <p>Locking: the lock is a POSIX record lock ({@link FileChannel#lock()}, {@code fcntl}) held by this process,
 * plus a lock per seq file inside this JVM (the OS lock is per process). The Python helper uses {@code flock},
 * which Linux keeps apart from {@code fcntl} locks, so the two writers exclude themselves, not each other: a guest
 * uses one of them.
 *
 * @param clock      the clock and local zone of timestamps
 * @param bootIdFile where the boot id is read ({@link #BOOT_ID_PATH} on a guest)
 */
record LifecycleWriter(Clock clock, Path bootIdFile) {
    /** Where Linux keeps the boot id. */
    static final Path BOOT_ID_PATH = Path.of("/proc/sys/kernel/random/boot_id");

    /** {@code datetime.now().astimezone().isoformat(timespec="seconds")}. */
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxxxx", Locale.ROOT);

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** @return the writer of a real guest: the system clock and zone, {@link #BOOT_ID_PATH} */
    static LifecycleWriter system() {
        return new LifecycleWriter(Clock.systemDefaultZone(), BOOT_ID_PATH);
    }

    /** @return now, as the helper formats it */
    String now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(ISO_SECONDS);
    }

    /** @return the trimmed boot id, or null when there is none */
    String bootId() {
        try {
            String id = Files.readString(bootIdFile, StandardCharsets.UTF_8).strip();
            return id.isEmpty() ? null : id;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * @param path    where to write {@code status.json}
     * @param state   the runtime state (already checked)
     * @param message the message
     * @param details the details, or null for none
     */
    void writeStatus(Path path, String state, String message, JsonNode details) {
        ObjectNode doc = header();
        doc.put("state", state);
        doc.put("updated_at", now());
        doc.put("message", message);
        putBootIdAndDetails(doc, details);
        writeAtomically(path, PythonJson.dumpIndented(doc) + "\n");
    }

    /**
     * @param path     where to write {@code result.json}
     * @param status   {@code completed} or {@code failed} (already checked; not compared with the exit code)
     * @param exitCode the exit code
     * @param message  the message
     * @param details  the details, or null for none
     */
    void writeResult(Path path, String status, int exitCode, String message, JsonNode details) {
        ObjectNode doc = header();
        doc.put("status", status);
        doc.put("exit_code", exitCode);
        doc.put("finished_at", now());
        doc.put("message", message);
        if (details != null) {
            doc.set("details", details);
        }
        writeAtomically(path, PythonJson.dumpIndented(doc) + "\n");
    }

    /**
     * Appends one event: under the lock, reads the last seq from {@code seqPath} (empty or missing = 0), writes
     * seq + 1 back with a newline and fsyncs it, then appends the line to {@code eventsPath} and fsyncs it.
     *
     * @param eventsPath the event stream
     * @param seqPath    the seq file
     * @param kind       the runtime state (already checked)
     * @param message    the message
     * @param details    the details, or null for none
     * @return the seq given to the event
     */
    long appendEvent(Path eventsPath, Path seqPath, String kind, String message, JsonNode details) {
        ObjectNode doc = header();
        doc.put("kind", kind);
        doc.put("timestamp", now());
        doc.put("message", message);
        putBootIdAndDetails(doc, details);
        mkdirs(seqPath);
        mkdirs(eventsPath);
        ReentrantLock local = IN_PROCESS.computeIfAbsent(seqPath.toAbsolutePath().normalize(),
                p -> new ReentrantLock());
        local.lock();
        try (FileChannel seqFile = FileChannel.open(seqPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock ignored = seqFile.lock()) {
            long seq = readSeq(seqFile, seqPath) + 1;
            seqFile.truncate(0);
            seqFile.write(ByteBuffer.wrap((seq + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            seqFile.force(true);
            doc.put("seq", seq);
            byte[] line = (PythonJson.dumps(doc) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel events = FileChannel.open(eventsPath, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    events.write(buf);
                }
                events.force(true);
            }
            return seq;
        } catch (IOException e) {
            throw new UserException(ExitCodes.FAILURE, "cannot append to " + eventsPath + " (seq " + seqPath
                    + "): " + InputFiles.reason(e), e);
        } finally {
            local.unlock();
        }
    }

    private static long readSeq(FileChannel seqFile, Path seqPath) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(seqFile.size(), 4096));
        while (buf.hasRemaining() && seqFile.read(buf, buf.position()) > 0) {
            // read positionally until full
        }
        String raw = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        if (raw.isEmpty()) {
            return 0;
        }
        try {
            long seq = Long.parseLong(raw);
            if (seq < 0) {
                throw new NumberFormatException();
            }
            return seq;
        } catch (NumberFormatException e) {
            throw new UserException(ExitCodes.FAILURE, "seq file " + seqPath + " holds \"" + raw
                    + "\", not a sequence number: nothing was appended");
        }
    }

    private ObjectNode header() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("schema_version", ContractConstants.LIFECYCLE_SCHEMA_VERSION);
        return doc;
    }

    private void putBootIdAndDetails(ObjectNode doc, JsonNode details) {
        String bootId = bootId();
        if (bootId != null) {
            doc.put("boot_id", bootId);
        }
        if (details != null) {
            doc.set("details", details);
        }
    }

    private static void writeAtomically(Path path, String text) {
        mkdirs(path);
        try {
            AtomicFiles.writeString(path, text);
        } catch (UserException e) {
            throw new UserException(ExitCodes.FAILURE, e.getMessage(), e);
        }
    }

    private static void mkdirs(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException(ExitCodes.FAILURE, "cannot create directory " + dir + ": "
                    + InputFiles.reason(e), e);
        }
    }
}
