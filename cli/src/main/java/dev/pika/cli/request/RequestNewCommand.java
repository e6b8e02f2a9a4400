package dev.pika.cli.request;

import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.OutputFileOption;
import dev.pika.cli.common.UserException;
import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.IncusGuestRunRequest;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.ValidationReport;
import dev.pika.contract.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pika request new}: a version-2 Incus guest run request (CONTRACT.md §3), checked by the contract's
 * validator with {@code --strict} rules (which include the guest's own checks) before anything is written.
 */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        description = {
            "Print (or write with -o) a guest run request, schema version 2: command, timeout_secs, run_as_root.",
            "The request is validated first (the guest's own checks included: non-empty command, positive "
                    + "timeout); an invalid one is a usage error and nothing is written.",
            "Output is pretty JSON (2-space indent, the reference encoder's key order) with a trailing newline."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:written", " 2:usage error (empty command, timeout 0), or FILE cannot be written"})
public final class RequestNewCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--command", required = true, paramLabel = "CMD",
            description = "The shell command the guest runs (non-empty).")
    String command;

    @Option(names = "--timeout-secs", required = true, paramLabel = "N",
            description = "Timeout in seconds (u64, greater than 0).")
    String timeoutSecs;

    @Option(names = "--run-as-root", description = "Run the command as root (else as the CI user).")
    boolean runAsRoot;

    @Mixin
    OutputFileOption output;

    @Override
    public void run() {
        long timeout = parseTimeout(timeoutSecs);
        String json = ContractCodec.encodePretty(IncusGuestRunRequest.v2(command, timeout, runAsRoot)) + "\n";
        ValidationReport report = Validator.validate(DocumentKind.REQUEST, "guest-request.json",
                json.getBytes(StandardCharsets.UTF_8));
        if (!report.valid(true)) {
            throw new UserException(ExitCodes.USAGE, "the request would be refused: " + report.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)
                    .map(Finding::message).collect(Collectors.joining("; ")));
        }
        output.emit(spec.commandLine(), json);
    }

    private static long parseTimeout(String text) {
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new UserException(ExitCodes.USAGE, "--timeout-secs \"" + text + "\" is not a whole number of "
                    + "seconds from 1 to 18446744073709551615");
        }
    }
}
