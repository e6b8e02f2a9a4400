package dev.pika.cli.common;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of a command that only groups subcommands ({@code pika render}, {@code pika result}): run without a
 * subcommand, it is a usage error (exit 2) that names the subcommands.
 */
public abstract class CommandGroup implements Runnable, Standalone {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: one of "
                + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
    }
}
