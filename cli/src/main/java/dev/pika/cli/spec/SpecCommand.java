package dev.pika.cli.spec;

import dev.pika.cli.common.CommandGroup;
import picocli.CommandLine.Command;

/** {@code pika spec}: runtime specs (CONTRACT.md §4). */
@Command(name = "spec",
        mixinStandardHelpOptions = true,
        description = "Work with runtime specs (RuntimeSpec): the Incus plan they imply.",
        subcommands = {SpecPlanCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:done", " 1:the spec is invalid", " 2:usage error or unreadable input"})
public final class SpecCommand extends CommandGroup {
}
