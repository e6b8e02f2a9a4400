package dev.pika.cli;

import dev.pika.cli.completion.CompleteCommand;
import dev.pika.cli.completion.CompletionCommand;
import dev.pika.cli.image.ImageCommand;
import dev.pika.cli.record.ImageRecordCommand;
import dev.pika.cli.record.RolesCommand;
import dev.pika.cli.shell.ShellCommand;
import dev.pika.cli.validate.ValidateCommands;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code pika} command. Exit codes: 0 success, 1 invalid document or failed operation,
 * 2 usage error or unreadable input.
 */
@Command(name = "pika",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Operator toolkit for the Pika runtime contract: validate documents, render guest scripts, "
                + "build and import role images.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ValidateCommands.Any.class,
            ValidateCommands.Result.class,
            ValidateCommands.Status.class,
            ValidateCommands.Events.class,
            ValidateCommands.Request.class,
            ValidateCommands.RuntimeSpec.class,
            dev.pika.cli.render.RenderCommand.class,
            dev.pika.cli.result.ResultCommand.class,
            ImageCommand.class,
            RolesCommand.class,
            ImageRecordCommand.class,
            CompletionCommand.class,
            ShellCommand.class,
            CompleteCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:success (all documents valid, operation done)",
            " 1:at least one document invalid, or the operation failed",
            " 2:usage error or unreadable input"
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
            "  NO_COLOR    disable colour in help and output",
            "  PIKA_DEBUG  set to 1 to print stack traces of internal errors"
        })
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /**
     * Builds the command line with pika's conventions: errors on stderr without stack traces, {@code NO_COLOR}
     * respected, case-sensitive options, exit codes as documented.
     *
     * @param command the top-level command object (a {@code @Command}-annotated instance)
     * @return a configured {@link CommandLine}
     */
    public static CommandLine commandLine(Object command) {
        return configure(new CommandLine(command));
    }

    private static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler(new ErrorHandler());
        // `@file` arguments are data here (a guest command may start with @), never argument files
        cl.setExpandAtFiles(false);
        if (System.getenv("NO_COLOR") != null) {
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        return cl;
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
     * Marks a subcommand that never looks at the other commands (unlike {@code help} or completion, which walk the
     * whole tree). When the first argument names one, {@link #run} builds the command line with that subcommand
     * alone: picocli reflects over every command it is given, and start-up time is the product here
     * (docs/performance.md).
     */
    public interface Standalone {
    }

    /**
     * @param args the command line
     * @return the full command line, or, when {@code args[0]} names a {@link Standalone} subcommand, a {@code pika}
     *     root with only that subcommand (for {@code __complete}: with {@code __complete} and the Standalone
     *     subcommand the words are inside)
     */
    static CommandLine commandLine(String... args) {
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
        CommandLine root = new CommandLine(CommandSpec.create().name(Main.class.getAnnotation(Command.class).name()));
        root.addSubcommand(new CommandLine(only, CommandLine.defaultFactory()));
        if (completed != null) {
            root.addSubcommand(new CommandLine(completed, CommandLine.defaultFactory()));
        }
        return configure(root);
    }

    private static Class<?> standaloneSubcommand(String name) {
        for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
            if (!Standalone.class.isAssignableFrom(c)) {
                continue; // not even its annotations: parsing them is a measurable part of start-up
            }
            Command command = c.getAnnotation(Command.class);
            if (command != null
                    && (command.name().equals(name) || java.util.Arrays.asList(command.aliases()).contains(name))) {
                return c;
            }
        }
        return null;
    }

    /**
     * The process entry point. The launcher passes its own name as {@code -Dpika.program} (bin/incus-role-image and
     * the legacy image launchers are links to bin/pika), which selects the program to run.
     */
    public static void main(String[] args) {
        String program = System.getProperty("pika.program", "pika");
        // "pika" first: ImageCommand's class initialisation is not free, and plain pika runs do not need it
        if (!"pika".equals(program) && ImageCommand.PROGRAMS.contains(program)) {
            System.exit(ImageCommand.runAs(program, args, ImageCommand.Context.system()));
        }
        System.exit(run(args));
    }

    /** Turns exceptions into one-line messages: {@link UserException} with its exit code, bugs with code 70. */
    static final class ErrorHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
            PrintWriter err = cl.getErr();
            String name = cl.getCommandSpec().root().name();
            boolean debug = "1".equals(System.getenv("PIKA_DEBUG"));
            if (ex instanceof UserException ue) {
                err.println(name + ": " + ue.getMessage());
                if (debug && ue.getCause() != null) {
                    ue.getCause().printStackTrace(err);
                }
                err.flush();
                return ue.exitCode();
            }
            err.println(name + ": internal error: " + ex);
            if (debug) {
                ex.printStackTrace(err);
            } else {
                err.println(name + ": set PIKA_DEBUG=1 for the stack trace, and please report it");
            }
            err.flush();
            return 70;
        }
    }
}
