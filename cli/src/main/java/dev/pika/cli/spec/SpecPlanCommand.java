package dev.pika.cli.spec;

import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.FormatOption;
import dev.pika.cli.common.InputFiles;
import dev.pika.cli.common.UserException;
import dev.pika.cli.validate.Outcome;
import dev.pika.cli.validate.ReportFormat;
import dev.pika.cli.validate.ReportWriter;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.ContractDecodeException;
import dev.pika.contract.plan.IncusRuntimePlan;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.ValidationReport;
import dev.pika.contract.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pika spec plan FILE}: the Incus plan of a runtime spec ({@link IncusRuntimePlan#from}, CONTRACT.md §4) as
 * text, as the reference's plan JSON, or as the {@code incus init} / {@code incus config device add} argv.
 * An invalid spec prints the validator's findings (the {@code pika validate-spec} report, text or JSON) and exits 1.
 */
@Command(name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Print the Incus plan of a runtime spec: the instance's limits.* config and one disk device per mount "
                    + "(device name pk-<kind>-<fnv32>, source, path, readonly and io.bus=virtiofs for read-only "
                    + "mounts).",
            "--format json prints the plan as the reference encodes it (IncusRuntimePlan); --format argv prints "
                    + "the incus init and incus config device add commands that create the instance, one per line, "
                    + "shell-quoted.",
            "An invalid spec gives the validator's findings (as pika validate-spec prints them) and exit code 1."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:the plan was printed", " 1:the spec is invalid (findings printed)",
            " 2:usage error or unreadable input"})
@FormatOption.Formats(SpecPlanCommand.Format.class)
public final class SpecPlanCommand implements Callable<Integer> {
    /** The output formats. */
    public enum Format {
        /** A summary for people. */
        text,
        /** The plan as JSON (IncusRuntimePlan). */
        json,
        /** The incus commands, one shell-quoted line each. */
        argv
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The runtime spec (JSON); `-` reads standard input.")
    String file;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        String source = file.equals("-") ? "<stdin>" : file;
        byte[] bytes = read();
        ValidationReport report = Validator.validate(DocumentKind.SPEC, source, bytes);
        Format f = format.get(Format.class);
        PrintWriter out = spec.commandLine().getOut();
        if (!report.valid(false)) {
            ReportFormat reportFormat = f == Format.json ? ReportFormat.json : ReportFormat.text;
            ReportWriter writer = reportFormat.writer(
                    new ReportWriter.Settings(out, false, false, ReportWriter.Details.NONE));
            Outcome outcome = new Outcome(source, DocumentKind.SPEC, report, null, null);
            writer.document(outcome);
            writer.finish(List.of(outcome), ReportWriter.Summary.of(List.of(outcome),
                    new ReportWriter.Settings(out, false, false, ReportWriter.Details.NONE)));
            out.flush();
            return ExitCodes.FAILURE;
        }
        IncusRuntimePlan plan;
        try {
            plan = IncusRuntimePlan.from(ContractCodec.decodeSpec(source, bytes));
        } catch (ContractDecodeException e) {
            throw new IllegalStateException("the validator accepted a spec the codec rejects: " + e.getMessage(), e);
        }
        out.print(switch (f) {
            case text -> PlanOutput.text(plan);
            case json -> ContractCodec.encodePretty(plan) + "\n";
            case argv -> PlanOutput.argvText(plan);
        });
        out.flush();
        return ExitCodes.OK;
    }

    private byte[] read() {
        if (file.equals("-")) {
            try {
                return System.in.readAllBytes();
            } catch (IOException e) {
                throw new UserException(ExitCodes.USAGE, "cannot read standard input: " + InputFiles.reason(e));
            }
        }
        try (InputStream in = InputFiles.open(Path.of(file))) {
            return in.readAllBytes();
        } catch (InputFiles.Unreadable e) {
            throw new UserException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UserException(ExitCodes.USAGE, "cannot read " + file + ": " + InputFiles.reason(e));
        }
    }
}
