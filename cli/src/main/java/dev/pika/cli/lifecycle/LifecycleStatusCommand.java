package dev.pika.cli.lifecycle;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pika lifecycle status}: writes {@code status.json} (CONTRACT.md §2, §9). */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "Write the status snapshot atomically: schema_version 1, state, updated_at (now, local time "
                + "with offset), message, boot_id (when the guest has one), details (unless null).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:written", " 1:--details-json is not JSON, or the file cannot be written",
            " 2:usage error"})
public final class LifecycleStatusCommand extends LifecycleSubcommand {
    @Option(names = "--status-path", paramLabel = "STATUS_PATH",
            description = "Required. The file to write, e.g. /run/pika-cloud/status.json.")
    Path statusPath;

    @Option(names = "--state", paramLabel = "STATE", completionCandidates = RuntimeStates.class,
            description = "Required. One of: ${COMPLETION-CANDIDATES}.")
    String state;

    /** A guest's writer. */
    public LifecycleStatusCommand() {
        this(LifecycleWriter.system());
    }

    LifecycleStatusCommand(LifecycleWriter writer) {
        super(writer);
    }

    @Override
    public void run() {
        requireChoice("--state", state, RUNTIME_STATES);
        requireGiven("--status-path", statusPath, "--state", state, "--message", message);
        writer().writeStatus(statusPath, state, message, details());
    }
}
