package dev.pika.cli.common;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * pika's command-line conventions, applied to every command line the program builds ({@code pika}, a standalone
 * subcommand, the {@code incus-role-image} launchers, tests): errors on stderr as one line without a stack trace,
 * {@code NO_COLOR} respected, {@code @file} arguments taken literally, exit codes from {@link ExitCodes}.
 */
public final class Cli {
    /** The help section key of {@link Examples}. */
    static final String EXAMPLES = "examples";

    private Cli() {
    }

    /**
     * @param command a {@code @Command}-annotated object
     * @return a configured command line for it
     */
    public static CommandLine commandLine(Object command) {
        return configure(new CommandLine(command));
    }

    /**
     * Applies the conventions to {@code cl} and its subcommands (call it after the tree is complete).
     *
     * @param cl a command line
     * @return {@code cl}
     */
    public static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler(new ErrorHandler());
        // `@file` arguments are data here (a guest command may start with @), never argument files
        cl.setExpandAtFiles(false);
        if (System.getenv("NO_COLOR") != null) {
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        FormatOption.applyTo(cl);
        List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
        if (!keys.contains(EXAMPLES)) {
            keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER) + 1, EXAMPLES);
            Map<String, IHelpSectionRenderer> renderers = new HashMap<>(cl.getHelpSectionMap());
            renderers.put(EXAMPLES, Cli::renderExamples);
            cl.setHelpSectionMap(renderers); // for the whole tree, like the keys
            cl.setHelpSectionKeys(keys);
        }
        return cl;
    }

    /**
     * @param spec a command
     * @return the lines of its {@link Examples} annotation, or an empty list
     */
    public static List<String> examples(CommandSpec spec) {
        Object user = spec.userObject();
        Examples examples = user == null ? null : user.getClass().getAnnotation(Examples.class);
        return examples == null ? List.of() : List.of(examples.value());
    }

    private static String renderExamples(CommandLine.Help help) {
        List<String> lines = examples(help.commandSpec());
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format("%nExamples:%n"));
        for (String line : lines) {
            sb.append("  ").append(line).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** @return whether {@code PIKA_DEBUG=1} asks for stack traces and diagnostics */
    public static boolean debug() {
        return "1".equals(System.getenv("PIKA_DEBUG"));
    }

    /**
     * Turns exceptions into one-line messages: {@link UserException} with its exit code, bugs with
     * {@link ExitCodes#INTERNAL}.
     */
    static final class ErrorHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
            PrintWriter err = cl.getErr();
            String name = cl.getCommandSpec().root().name();
            boolean debug = debug();
            if (ex instanceof UserException ue) {
                err.println(name + ": " + Display.escape(ue.getMessage()));
                if (debug && ue.getCause() != null) {
                    ue.getCause().printStackTrace(err);
                }
                err.flush();
                return ue.exitCode();
            }
            err.println(name + ": internal error: " + Display.escape(String.valueOf(ex)));
            if (debug) {
                ex.printStackTrace(err);
            } else {
                err.println(name + ": set PIKA_DEBUG=1 for the stack trace, and please report it");
            }
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }
}
