package dev.pika.cli.render;

import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.cli.common.OutputFileOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pika render result-fragment}: prints the bash fragment that writes the terminal result (CONTRACT.md §2). */
@Command(name = "result-fragment",
        mixinStandardHelpOptions = true,
        description = {
            "Render the bash fragment that writes the terminal result (result.json, schema version 1) from the exit "
                    + "code in $code: status completed and message 'test passed' for 0, else failed and "
                    + "'test command exited with N'; finished_at from `date -u`.",
            "Use: set code, then source it, e.g. `cmd; code=$?; . ./fragment.sh`. It works under set -euo pipefail.",
            "By default it defines and calls pika_write_result: bash builtins and absolute tools only, written "
                    + "atomically, and a code that is not an integer gives a failed result that says the code is "
                    + "unknown. --reference-compatible prints the reference's fragment byte for byte."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:rendered", " 2:usage error, or FILE cannot be written"})
public final class ResultFragmentCommand implements Runnable {
    /** Where the Tart guest script writes its result. */
    static final String DEFAULT_RESULT_PATH = TartGuestScript.DEFAULT_ARTIFACTS_DIR + "/result.json";

    @Spec
    CommandSpec spec;

    @Option(names = "--result-path", paramLabel = "P", defaultValue = DEFAULT_RESULT_PATH,
            description = "Where the fragment writes result.json (default: ${DEFAULT-VALUE}, the Tart artifacts mount).")
    String resultPath;

    @Option(names = "--reference-compatible",
            description = "Render the reference's fragment byte for byte (a heredoc through `cat`, `date` from PATH, "
                    + "written in place) instead of pika's writer (builtins and absolute tools, atomic, honest for "
                    + "any $code).")
    boolean referenceCompatible;

    @Mixin
    OutputFileOption output;

    @Override
    public void run() {
        if (resultPath.isEmpty()) {
            throw new UserException(ExitCodes.USAGE, "--result-path must not be empty");
        }
        output.emit(spec.commandLine(), new ResultFragment(resultPath, referenceCompatible).render());
    }
}
