package dev.pika.cli.common;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
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
    /** The widest help pika prints, however wide the terminal (longer lines are hard to read). */
    public static final int MAX_HELP_WIDTH = 120;

    /** The help section key of {@link Examples}. */
    static final String EXAMPLES = "examples";
    static final String ENVIRONMENT = "environment";
    static final String FILES = "files";

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
        cl.setParameterExceptionHandler(new UsageErrors());
        if (!StandardCharsets.UTF_8.equals(Charset.defaultCharset())) {
            // picocli would encode with the locale's character set (utf8Output)
            cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
            cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        }
        // `@file` arguments are data here (a guest command may start with @), never argument files
        cl.setExpandAtFiles(false);
        if (System.getenv("NO_COLOR") != null) {
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        FormatOption.applyTo(cl);
        // help as wide as the terminal (picocli asks it only when help is printed), at most MAX_HELP_WIDTH; without a
        // terminal the command's own width (80 unless it says otherwise)
        cl.setUsageHelpAutoWidth(true);
        cl.setHelpFactory(Cli::help);
        List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
        if (!keys.contains(EXAMPLES)) {
            int footer = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER);
            keys.addAll(footer + 1, List.of(ENVIRONMENT, FILES, EXAMPLES));
            Map<String, IHelpSectionRenderer> renderers = new HashMap<>(cl.getHelpSectionMap());
            renderers.put(ENVIRONMENT, help -> renderEntries(help, "Environment:", environment(help.commandSpec())));
            renderers.put(FILES, help -> renderEntries(help, "Files:", files(help.commandSpec())));
            renderers.put(EXAMPLES, Cli::renderExamples);
            cl.setHelpSectionMap(renderers); // for the whole tree, like the keys
            cl.setHelpSectionKeys(keys);
        }
        return cl;
    }

    /** picocli's help wrapped at spaces only ({@link WordWrapHelp}), the terminal's width capped at {@link #MAX_HELP_WIDTH}. */
    private static CommandLine.Help help(CommandSpec spec, CommandLine.Help.ColorScheme scheme) {
        CommandLine.Model.UsageMessageSpec usage = spec.usageMessage();
        if (usage.autoWidth()) {
            int detected = usage.width();
            usage.autoWidth(false).width(Math.min(MAX_HELP_WIDTH, detected));
        }
        return new WordWrapHelp(spec, scheme);
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

    /**
     * @param spec a command
     * @return the entries of its {@link Environment} annotation (or its superclass's), or an empty list
     */
    public static List<Entry> environment(CommandSpec spec) {
        Object user = spec.userObject();
        Environment env = user == null ? null : user.getClass().getAnnotation(Environment.class);
        return env == null ? List.of() : List.of(env.value());
    }

    /**
     * @param spec a command
     * @return the entries of its {@link FilesUsed} annotation (or its superclass's), or an empty list
     */
    public static List<Entry> files(CommandSpec spec) {
        Object user = spec.userObject();
        FilesUsed files = user == null ? null : user.getClass().getAnnotation(FilesUsed.class);
        return files == null ? List.of() : List.of(files.value());
    }

    /** A heading and {@code "  NAME  text"} rows, the text wrapped to the help's width in a column of its own. */
    private static String renderEntries(CommandLine.Help help, String heading, List<Entry> entries) {
        if (entries.isEmpty()) {
            return "";
        }
        int nameWidth = 0;
        for (Entry e : entries) {
            nameWidth = Math.max(nameWidth, e.name().length());
        }
        int width = help.commandSpec().usageMessage().width();
        nameWidth = Math.min(nameWidth + 4, width / 2);
        CommandLine.Help.TextTable table = new WordWrapHelp.SpaceWrappedTable(help.colorScheme(),
                new CommandLine.Help.Column(nameWidth, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(width - nameWidth, 0, CommandLine.Help.Column.Overflow.WRAP));
        for (Entry e : entries) {
            if (e.name().length() + 4 > nameWidth) {
                // a name wider than its column gets a line of its own, the text starts under it
                table.addRowValues(e.name(), "");
                table.addRowValues("", e.text());
            } else {
                table.addRowValues(e.name(), e.text());
            }
        }
        return String.format("%n%s%n", heading) + table;
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

    /**
     * The arguments as the user typed them, UTF-8 whatever the locale. Java decodes {@code main}'s arguments with the
     * locale's character set, so under {@code LANG=C} or no locale {@code héllo} arrives as {@code h??llo} (the
     * launcher avoids that by running Java with a UTF-8 {@code LC_CTYPE}). When the character set is not UTF-8 the
     * raw bytes are read back from {@code /proc/self/cmdline} and decoded as UTF-8.
     *
     * @param args {@code main}'s arguments
     * @return the same arguments, or their UTF-8 decoding from {@code /proc/self/cmdline}
     * @throws UserException exit code 2 when an argument was not ASCII and cannot be recovered
     */
    public static String[] utf8Arguments(String[] args) {
        Charset jnu = jnuCharset();
        if (jnu.equals(StandardCharsets.UTF_8) || Arrays.stream(args).allMatch(Cli::isAscii)) {
            return args;
        }
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            List<String> all = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    all.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (all.size() >= args.length) {
                String[] tail = all.subList(all.size() - args.length, all.size()).toArray(String[]::new);
                if (sameShape(args, tail, jnu)) {
                    return tail;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc is not mounted: refuse below
        }
        throw new UserException(ExitCodes.USAGE, "an argument has characters the locale's character set ("
                + jnu.name() + ") cannot represent; run pika with a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
    }

    /**
     * Makes {@code System.out} and {@code System.err} write UTF-8 when the locale's character set is something else
     * (Java would print {@code ?} for every other character): pika's output is UTF-8 whatever the locale, like
     * its input. Call it before anything is printed.
     */
    public static void utf8Output() {
        if (!jnuCharset().equals(StandardCharsets.UTF_8)
                || !StandardCharsets.UTF_8.name().equals(Charset.defaultCharset().name())) {
            System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        }
    }

    /** @return the character set Java uses for arguments, paths and the environment ({@code sun.jnu.encoding}) */
    public static Charset jnuCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    /** Each recovered argument, decoded the way Java did, must give the argument Java has. */
    private static boolean sameShape(String[] args, String[] raw, Charset jnu) {
        for (int i = 0; i < args.length; i++) {
            String lossy = new String(raw[i].getBytes(StandardCharsets.UTF_8), jnu).replace('\uFFFD', '?');
            if (!lossy.equals(args[i].replace('\uFFFD', '?'))) {
                return false;
            }
        }
        return true;
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
            if (ex instanceof InvalidPathException ip) {
                err.println(name + ": cannot use the path " + Display.quoted(ip.getInput()) + ": the locale's "
                        + "character set (" + jnuCharset().name() + ") cannot represent it; run pika with a UTF-8 "
                        + "locale, e.g. LC_ALL=C.UTF-8");
                err.flush();
                return ExitCodes.USAGE;
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
