package dev.pika.cli.image;

import dev.pika.cli.common.Cli;
import dev.pika.cli.common.Entry;
import dev.pika.cli.common.Environment;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.contract.model.GuestRole;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code incus-role-image} / {@code pika image}: build a guest role's VM image with Nix and import it into Incus
 * (CONTRACT.md §5, §7), locally or on a build host over ssh, without ever leaving the role without an image.
 *
 * <p>Same words and defaults as the reference script; {@code --role} goes before or after the subcommand.
 * Exit codes: 0 done, 1 a tool or the import failed (or the artifacts are missing), 2 usage error.
 */
@Command(name = "image",
        mixinStandardHelpOptions = true,
        versionProvider = dev.pika.cli.common.VersionProvider.class,
        description = {
            "Build a guest role's VM image with Nix and import it into Incus (or LXD), locally or on a build host "
                    + "over ssh. The new image is imported first; only then the alias moves to it (in one API "
                    + "call) and the old image is deleted, so a failed import never leaves the role without an image."
        },
        subcommands = {ImageSubcommands.Build.class, ImageSubcommands.Import.class,
            ImageSubcommands.BuildImport.class, ImageSubcommands.ListImages.class, ImageSubcommands.Rollback.class,
            ImageSubcommands.Prune.class},
        synopsisHeading = "Usage:%n",
        usageHelpWidth = 120,
        customSynopsis = {
            "  ${COMMAND-FULL-NAME} --role ROLE build",
            "  ${COMMAND-FULL-NAME} --role ROLE import [--remote-host HOST] [--project PROJECT] [--alias ALIAS] "
                    + "[--artifact PATH]",
            "  ${COMMAND-FULL-NAME} --role ROLE build-import [--remote-host HOST] [--project PROJECT] [--alias ALIAS]",
            "  ${COMMAND-FULL-NAME} --role ROLE list|rollback|prune [--remote-host HOST | --remote NAME | --local]",
            "  (more options: ${COMMAND-FULL-NAME} SUBCOMMAND --help)",
        },
        footerHeading = "%n",
        footer = {
            "Roles:",
            "  managed-openclaw   default alias pika-agent/dev,",
            "                     flake attribute managed-openclaw-incus-image",
            "  pikaci-runner      default alias pikaci/dev,",
            "                     flake attribute pikaci-runner-incus-image",
            "",
            "Defaults:",
            "  HOST    pika-build",
            "  PROJECT pika-managed-agents",
            "  PATH    ./result",
            "",
            "Exit codes: 0 done, 1 a tool or the import failed (or the artifacts are missing), 2 usage error, "
                    + "130/143 stopped by SIGINT/SIGTERM.",
            "Details: docs/incus-role-image.md"
        })
@Environment({
    @Entry(name = "PIKA_BUILD_SSH_KEY", text = ImageCommand.SSH_KEY),
    @Entry(name = "PIKA_INCUS_BIN", text = ImageCommand.INCUS_BIN)
})
public final class ImageCommand implements Runnable {
    /** Help text of {@code PIKA_BUILD_SSH_KEY}, for this command and its subcommands. */
    static final String SSH_KEY = "The ssh/scp identity file (-i).";
    /** Help text of {@code PIKA_INCUS_BIN}, for this command and its subcommands. */
    static final String INCUS_BIN = "The Incus client program (default incus; LXD's is lxc).";

    /**
     * What the command reads from its surroundings (tests substitute all of it).
     *
     * @param cwd working directory (relative paths, nix build, git)
     * @param env environment of the command and of every tool it runs
     * @param out stdout (data: fingerprint, JSON summary, dry-run plan)
     * @param err stderr (phases, tool output, errors)
     */
    public record Context(Path cwd, Map<String, String> env, PrintStream out, PrintStream err) {
        /** @return the real process's context */
        public static Context system() {
            return new Context(Path.of("").toAbsolutePath(), System.getenv(), System.out, System.err);
        }
    }

    final Context ctx;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--role", paramLabel = "ROLE", scope = ScopeType.INHERIT,
            description = "Guest role: managed-openclaw or pikaci-runner (before or after the subcommand).")
    String role;

    /** Used by picocli when {@code pika image} is a subcommand of {@code pika}. */
    public ImageCommand() {
        this(Context.system());
    }

    /** @param ctx the surroundings */
    public ImageCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        GuestRole r = role();
        throw new UsageError("missing subcommand: build, import, build-import, list, rollback or prune (role "
                + r.id() + " given)");
    }

    /**
     * Runs {@code incus-role-image} (or a legacy launcher name) as the whole program.
     *
     * @param program the launcher's name ({@code incus-role-image} or a legacy name), shown in usage and errors
     * @param leading the words the launcher stands for after {@code image} (the launcher table,
     *                {@link dev.pika.cli.completion.Launcher}), e.g. {@code --role pikaci-runner}
     * @param args    the arguments
     * @param ctx     the surroundings
     * @return the exit code
     */
    public static int runAs(String program, List<String> leading, String[] args, Context ctx) {
        List<String> all = new ArrayList<>(leading);
        if (args.length > 0 && args[0].equals("help")) {
            // `incus-role-image help [SUBCOMMAND]`, as git and picocli's own help subcommand do
            all.addAll(List.of(args).subList(1, args.length));
            all.add("--help");
        } else {
            all.addAll(List.of(args));
        }
        CommandLine cl = Cli.commandLine(new ImageCommand(ctx));
        cl.setCommandName(program);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setOut(new PrintWriter(ctx.out(), true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(ctx.err(), true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler(ImageCommand::usageError);
        CommandLine.IExecutionExceptionHandler plain = cl.getExecutionExceptionHandler();
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            int code = plain.handleExecutionException(ex, c, parsed);
            if (ex instanceof HintedFailure h) {
                c.getErr().println("  hint: " + Texts.printableBare(h.hint()));
                c.getErr().flush();
            }
            if (ex instanceof UsageError) {
                printShortUsage(c.getCommandSpec().root().commandLine(), c.getErr());
                c.getErr().flush();
            }
            return code;
        });
        if (args.length == 0) {
            // nothing asked: the usage, as a usage error
            printShortUsage(cl, cl.getErr());
            cl.getErr().flush();
            return ExitCodes.USAGE;
        }
        return cl.execute(all.toArray(String[]::new));
    }

    /** The reference's usage errors: {@code unknown argument: X} / {@code unknown subcommand: X}, exit 2. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String message = ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            boolean atRoot = cl.getCommandSpec().parent() == null;
            message = (atRoot && !first.startsWith("-") ? "unknown subcommand: " : "unknown argument: ") + first;
        } else if (ex instanceof CommandLine.MissingParameterException m && m.getMissing() != null
                && !m.getMissing().isEmpty() && m.getMissing().get(0).isOption()) {
            message = "option " + ((CommandLine.Model.OptionSpec) m.getMissing().get(0)).longestName()
                    + " needs a value";
        }
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().root().name() + ": " + message);
        printShortUsage(cl.getCommandSpec().root().commandLine(), err);
        err.flush();
        return ExitCodes.USAGE;
    }

    private static void printShortUsage(CommandLine root, PrintWriter err) {
        CommandLine.Help help = root.getHelp();
        err.print(help.synopsisHeading() + help.synopsis(0));
        err.println("Run '" + root.getCommandSpec().qualifiedName() + " --help' for the options.");
    }

    /** A usage error found after parsing (role): the reference's message, short usage, exit 2. */
    static final class UsageError extends UserException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(ExitCodes.USAGE, message);
        }
    }

    GuestRole role() {
        if (role == null) {
            throw new UsageError("unsupported role: <unset>");
        }
        return GuestRole.fromId(role.strip()).orElseThrow(() -> new UsageError("unsupported role: " + role));
    }

}
