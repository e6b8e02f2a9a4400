package dev.pika.cli.render;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pika render}: renders the scripts guests run (CONTRACT.md §8, §2). */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        description = "Render the shell scripts Pika guests run.",
        subcommands = {TartGuestScriptCommand.class, ResultFragmentCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:rendered", " 2:usage error, or the output file cannot be written"})
public final class RenderCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing what to render: tart-guest-script or result-fragment");
    }
}
