package dev.pika.cli;

import dev.pika.cli.completion.CompleteCommand;
import dev.pika.cli.common.Cli;
import dev.pika.cli.common.Entry;
import dev.pika.cli.common.Environment;
import dev.pika.cli.common.Standalone;
import dev.pika.cli.common.UserException;
import dev.pika.cli.common.VersionProvider;
import dev.pika.cli.completion.CompletionCommand;
import dev.pika.cli.completion.Launcher;
import dev.pika.cli.image.ImageCommand;
import dev.pika.cli.instance.InstanceCommand;
import dev.pika.cli.record.ImageRecordCommand;
import dev.pika.cli.record.RolesCommand;
import dev.pika.cli.schema.SchemaCommand;
import dev.pika.cli.render.RenderCommand;
import dev.pika.cli.result.ResultCommand;
import dev.pika.cli.shell.ShellCommand;
import dev.pika.cli.spec.SpecCommand;
import dev.pika.cli.lifecycle.LifecycleCommand;
import dev.pika.cli.request.RequestCommand;
import dev.pika.cli.validate.ValidateCommands;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point and composition root of the {@code pika} command: the subcommands, the {@link Standalone} fast path
 * and the launcher-name dispatch live here, and nothing else imports this class. Exit codes: {@code ExitCodes}.
 */
@Command(name = Main.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Operator toolkit for the Pika runtime contract: validate documents, render guest scripts, "
                + "build and import role images.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success (all documents valid, operation done)",
            " 1:at least one document invalid, or the operation failed",
            " 2:usage error or unreadable input"
        })
@Environment({
    @Entry(name = "NO_COLOR", text = "Disable colour in help and output."),
    @Entry(name = "PIKA_DEBUG", text = "Set to 1 to print stack traces of internal errors.")
})
public final class Main implements Runnable {
    /** The command's name (the launcher table's {@code pika}). */
    static final String NAME = "pika";

    /**
     * The subcommands, in the order help lists them: the one list that the full command tree and the
     * {@link Standalone} lookup both read. Not {@code @Command(subcommands = …)}: reading that means parsing all of
     * this class's annotations, a measurable part of every start even when only one subcommand runs.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            ValidateCommands.Any.class,
            ValidateCommands.Result.class,
            ValidateCommands.Status.class,
            ValidateCommands.Events.class,
            ValidateCommands.Request.class,
            ValidateCommands.RuntimeSpec.class,
            RenderCommand.class,
            ResultCommand.class,
            SpecCommand.class,
            LifecycleCommand.class,
            RequestCommand.class,
            ImageCommand.class,
            RolesCommand.class,
            SchemaCommand.class,
            ImageRecordCommand.class,
            InstanceCommand.class,
            CompletionCommand.class,
            ShellCommand.class,
            CompleteCommand.class);

    /** The subcommand that runs as a program of its own under the launchers' names. */
    private static final String IMAGE = "image";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /**
     * Builds the command line with pika's conventions ({@link Cli#configure}).
     *
     * @param command the top-level command object (a {@code @Command}-annotated instance)
     * @return a configured {@link CommandLine}
     */
    public static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        if (command instanceof Main) {
            for (Class<?> c : SUBCOMMANDS) {
                cl.addSubcommand(new CommandLine(c, CommandLine.defaultFactory()));
            }
        }
        return Cli.configure(cl);
    }

    /**
     * Runs {@code pika} with the given arguments and returns the exit code, without exiting.
     *
     * @param args command-line arguments
     * @return the process exit code
     */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /**
     * @param args the command line
     * @return the full command line, or, when {@code args[0]} names a {@link Standalone} subcommand, a {@code pika}
     *     root with only that subcommand (for {@code __complete}: with {@code __complete} and the Standalone
     *     subcommand the words are inside)
     */
    static CommandLine commandLine(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // The version alone needs no subcommand: building all of them is most of `pika --version`'s time
            // (the `pika --version` row of bench/run.sh)
            return Cli.configure(new CommandLine(CommandSpec.create()
                    .name(NAME)
                    .versionProvider(new VersionProvider())
                    .mixinStandardHelpOptions(true)));
        }
        Class<?> only = args.length > 0 ? standaloneSubcommand(args[0]) : null;
        Class<?> completed = null;
        if (only == null && args.length > 0 && args[0].equals(CompleteCommand.NAME)) {
            // TAB inside a Standalone subcommand (`__complete -- validate-result --fo`): the completion engine
            // walks from the root into that subcommand and looks at nothing else
            int first = args.length > 1 && args[1].equals("--") ? 2 : 1;
            completed = args.length > first + 1 ? standaloneSubcommand(args[first]) : null;
            only = completed == null ? null : CompleteCommand.class;
        }
        if (only == null) {
            return commandLine(new Main());
        }
        CommandLine root = new CommandLine(CommandSpec.create().name(NAME));
        root.addSubcommand(new CommandLine(only, CommandLine.defaultFactory()));
        if (completed != null) {
            root.addSubcommand(new CommandLine(completed, CommandLine.defaultFactory()));
        }
        return Cli.configure(root);
    }

    /** @return the {@link Standalone} subcommand called {@code name}, or null */
    private static Class<?> standaloneSubcommand(String name) {
        for (Class<?> c : SUBCOMMANDS) {
            if (!Standalone.class.isAssignableFrom(c)) {
                continue; // not even its annotations: parsing them is a measurable part of start-up
            }
            Command command = c.getAnnotation(Command.class);
            if (command != null
                    && (command.name().equals(name) || Arrays.asList(command.aliases()).contains(name))) {
                return c;
            }
        }
        return null;
    }

    /**
     * The process entry point. The launcher passes its own name as {@code -Dpika.program} (bin/incus-role-image and
     * the legacy image launchers are links to bin/pika); the launcher table ({@link Launcher#all()}) says which pika
     * words that name stands for.
     */
    public static void main(String[] arguments) {
        Cli.utf8Output();
        String[] args;
        try {
            args = Cli.utf8Arguments(arguments);
        } catch (UserException e) {
            System.err.println(System.getProperty("pika.program", "pika") + ": " + e.getMessage());
            System.exit(e.exitCode());
            return;
        }
        String program = System.getProperty("pika.program", "pika");
        // "pika" first: ImageCommand's class initialisation is not free, and plain pika runs do not need it
        if (!Launcher.PIKA.name().equals(program)) {
            Launcher launcher = Launcher.find(program);
            if (launcher != null && launcher.prefix().get(0).equals(IMAGE)) {
                List<String> leading = launcher.prefix().subList(1, launcher.prefix().size());
                System.exit(ImageCommand.runAs(program, leading, args, ImageCommand.Context.system()));
            }
        }
        System.exit(run(args));
    }
}
