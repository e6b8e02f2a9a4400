package dev.pika.cli.lifecycle;

import dev.pika.contract.model.TerminalStatus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pika lifecycle result}: writes {@code result.json} (CONTRACT.md §2, §9). */
@Command(name = "result",
        mixinStandardHelpOptions = true,
        description = {
            "Write the terminal result atomically: schema_version 1, status, exit_code, finished_at (now, local "
                    + "time with offset), message, details (unless null).",
            "Like the helper, the status is not compared with the exit code (pika validate-result --strict does). "
                    + "Unlike it, an exit code outside the i32 range the hosts decode is a usage error."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:written", " 1:--details-json is not JSON, or the file cannot be written",
            " 2:usage error"})
public final class LifecycleResultCommand extends LifecycleSubcommand {
    /** Python's {@code int()} of ASCII text: surrounding whitespace, a sign, digits with single underscores. */
    private static final Pattern PY_INT = Pattern.compile("[+-]?[0-9]+(_[0-9]+)*");
    private static final List<String> STATUSES = Arrays.stream(TerminalStatus.values()).map(TerminalStatus::wire)
            .toList();

    @Option(names = "--result-path", paramLabel = "RESULT_PATH",
            description = "Required. The file to write, e.g. /run/pika-cloud/result.json.")
    Path resultPath;

    @Option(names = "--status", paramLabel = "STATUS", description = "Required. completed or failed.")
    String status;

    @Option(names = "--exit-code", paramLabel = "EXIT_CODE", description = "Required. The command's exit code.")
    String exitCode;

    /** A guest's writer. */
    public LifecycleResultCommand() {
        this(LifecycleWriter.system());
    }

    LifecycleResultCommand(LifecycleWriter writer) {
        super(writer);
    }

    @Override
    public void run() {
        requireChoice("--status", status, STATUSES);
        Integer code = exitCode == null ? null : parseExitCode(exitCode);
        requireGiven("--result-path", resultPath, "--status", status, "--exit-code", exitCode, "--message", message);
        writer().writeResult(resultPath, status, code, message, details());
    }

    private int parseExitCode(String text) {
        String t = text.strip();
        if (!PY_INT.matcher(t).matches()) {
            throw usage("argument --exit-code: invalid int value: " + pyRepr(text));
        }
        try {
            return Integer.parseInt(t.replace("_", ""));
        } catch (NumberFormatException e) {
            throw usage("argument --exit-code: " + pyRepr(text) + " is outside the i32 range the hosts decode "
                    + "(-2147483648..2147483647)");
        }
    }
}
