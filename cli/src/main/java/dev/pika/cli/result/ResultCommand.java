package dev.pika.cli.result;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pika result}: terminal results ({@code result.json}, CONTRACT.md §2). */
@Command(name = "result",
        mixinStandardHelpOptions = true,
        description = "Make terminal results (result.json).",
        subcommands = {ResultNewCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:done", " 2:usage error, or the output file cannot be written"})
public final class ResultCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: new");
    }
}
