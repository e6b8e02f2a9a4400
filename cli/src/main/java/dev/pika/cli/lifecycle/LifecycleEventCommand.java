package dev.pika.cli.lifecycle;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pika lifecycle event}: appends one line to {@code events.jsonl} (CONTRACT.md §2, §9). */
@Command(name = "event",
        mixinStandardHelpOptions = true,
        description = {
            "Append one event to the event stream: schema_version 1, kind, timestamp (now, local time with offset), "
                    + "message, boot_id (when the guest has one), details (unless null) and seq, last.",
            "seq is the number in the seq file plus one; the seq file and the stream are written under an "
                    + "exclusive lock on the seq file, so concurrent writers never repeat or skip a number."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:appended", " 1:--details-json is not JSON, the seq file is corrupt, or a file cannot "
                + "be written", " 2:usage error"})
public final class LifecycleEventCommand extends LifecycleSubcommand {
    @Option(names = "--events-path", paramLabel = "EVENTS_PATH",
            description = "Required. The stream to append to, e.g. /run/pika-cloud/events.jsonl.")
    Path eventsPath;

    @Option(names = "--seq-path", paramLabel = "SEQ_PATH",
            description = "Where the last seq is kept (default: EVENTS_PATH with .seq appended).")
    Path seqPath;

    @Option(names = "--kind", paramLabel = "KIND", completionCandidates = RuntimeStates.class,
            description = "Required. One of: ${COMPLETION-CANDIDATES}.")
    String kind;

    /** A guest's writer. */
    public LifecycleEventCommand() {
        this(LifecycleWriter.system());
    }

    LifecycleEventCommand(LifecycleWriter writer) {
        super(writer);
    }

    @Override
    public void run() {
        requireChoice("--kind", kind, RUNTIME_STATES);
        requireGiven("--events-path", eventsPath, "--kind", kind, "--message", message);
        Path seq = seqPath != null ? seqPath : eventsPath.resolveSibling(eventsPath.getFileName() + ".seq");
        writer().appendEvent(eventsPath, seq, kind, message, details());
    }
}
