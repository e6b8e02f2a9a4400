package dev.pika.cli.request;

import dev.pika.cli.common.CommandGroup;
import picocli.CommandLine.Command;

/** {@code pika request}: Incus guest run requests ({@code guest-request.json}, CONTRACT.md §3). */
@Command(name = "request",
        mixinStandardHelpOptions = true,
        description = "Make Incus guest run requests (guest-request.json, schema version 2).",
        subcommands = {RequestNewCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:done", " 2:usage error, or the output file cannot be written"})
public final class RequestCommand extends CommandGroup {
}
