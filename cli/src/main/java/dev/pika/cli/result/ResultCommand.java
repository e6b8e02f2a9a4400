package dev.pika.cli.result;

import dev.pika.cli.common.CommandGroup;
import picocli.CommandLine.Command;

/** {@code pika result}: terminal results ({@code result.json}, CONTRACT.md §2). */
@Command(name = "result",
        mixinStandardHelpOptions = true,
        description = "Make terminal results (result.json).",
        subcommands = {ResultNewCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:done", " 2:usage error, or the output file cannot be written"})
public final class ResultCommand extends CommandGroup {
}
