package dev.pika.cli.render;

import dev.pika.cli.common.CommandGroup;
import picocli.CommandLine.Command;

/** {@code pika render}: renders the scripts guests run (CONTRACT.md §8, §2). */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = "Render the shell scripts Pika guests run.",
        subcommands = {TartGuestScriptCommand.class, ResultFragmentCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:rendered", " 2:usage error, or the output file cannot be written"})
public final class RenderCommand extends CommandGroup {
}
