package dev.pika.cli.image;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.cli.common.Cli;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.FormatOption;
import dev.pika.cli.common.UserException;
import dev.pika.cli.common.VersionProvider;
import dev.pika.cli.common.AtomicFiles;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.model.ImageRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
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
        versionProvider = VersionProvider.class,
        description = {
            "Build a guest role's VM image with Nix and import it into Incus (or LXD), locally or on a build host "
                    + "over ssh. The new image is imported first; only then the alias moves to it (in one API "
                    + "call) and the old image is deleted, so a failed import never leaves the role without an image."
        },
        subcommands = {ImageCommand.Build.class, ImageCommand.Import.class, ImageCommand.BuildImport.class},
        synopsisHeading = "Usage:%n",
        usageHelpWidth = 120,
        customSynopsis = {
            "  ${COMMAND-FULL-NAME} --role ROLE build",
            "  ${COMMAND-FULL-NAME} --role ROLE import [--remote-host HOST] [--project PROJECT] [--alias ALIAS] "
                    + "[--artifact PATH]",
            "  ${COMMAND-FULL-NAME} --role ROLE build-import [--remote-host HOST] [--project PROJECT] [--alias ALIAS]",
            "  (more options: ${COMMAND-FULL-NAME} SUBCOMMAND --help)",
        },
        footerHeading = "%n",
        footer = {
            "Roles:",
            "  managed-openclaw   default alias pika-agent/dev, flake attribute managed-openclaw-incus-image",
            "  pikaci-runner      default alias pikaci/dev, flake attribute pikaci-runner-incus-image",
            "",
            "Defaults:",
            "  HOST    pika-build",
            "  PROJECT pika-managed-agents",
            "  PATH    ./result",
            "",
            "Environment:",
            "  PIKA_BUILD_SSH_KEY  ssh/scp identity file (-i)",
            "  PIKA_INCUS_BIN      the Incus client program (default incus; LXD's is lxc)",
            "",
            "Exit codes: 0 done, 1 a tool or the import failed (or the artifacts are missing), 2 usage error.",
            "Details: docs/incus-role-image.md"
        })
public final class ImageCommand implements Runnable {

    static final String DEFAULT_HOST = "pika-build";
    static final String DEFAULT_PROJECT = "pika-managed-agents";
    static final String DEFAULT_ARTIFACT = "result";

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

    private final Context ctx;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--role", paramLabel = "ROLE", scope = ScopeType.INHERIT,
            description = "managed-openclaw or pikaci-runner (before or after the subcommand)")
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
        throw new UsageError("missing subcommand: build, import or build-import (role " + r.id() + " given)");
    }

    /**
     * Runs {@code incus-role-image} (or a legacy launcher) as the whole program: {@code Main} calls this with the
     * launcher table's entry ({@code completion/Launcher.java}).
     *
     * @param program the program name, for messages
     * @param leading the words the launcher puts before the arguments (after {@code image}), e.g.
     *                {@code --role pikaci-runner}
     * @param args    the arguments
     * @param ctx     the surroundings
     * @return the exit code
     */
    public static int runAs(String program, List<String> leading, String[] args, Context ctx) {
        List<String> all = new ArrayList<>(leading);
        all.addAll(List.of(args));
        CommandLine cl = Cli.commandLine(new ImageCommand(ctx));
        cl.setCommandName(program);
        cl.setOverwrittenOptionsAllowed(true);
        cl.setOut(new PrintWriter(ctx.out(), true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(ctx.err(), true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler(ImageCommand::usageError);
        CommandLine.IExecutionExceptionHandler plain = cl.getExecutionExceptionHandler();
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            int code = plain.handleExecutionException(ex, c, parsed);
            if (ex instanceof UsageError) {
                printShortUsage(c.getCommandSpec().root().commandLine(), c.getErr());
                c.getErr().flush();
            }
            return code;
        });
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

    // ---- options --------------------------------------------------------------------------------------------

    /** Options of every subcommand. */
    static final class CommonOptions {
        @Option(names = "--dry-run", description = "print every command that would run, shell-quoted, and run none")
        boolean dryRun;

        @Option(names = {"-q", "--quiet"}, description = "no phase lines and no tool output, except on failure")
        boolean quiet;
    }

    /** Options of build and build-import. */
    static final class BuildOptions {
        @Option(names = "--flake", paramLabel = "DIR", defaultValue = ".",
                description = "the flake to build (default: ${DEFAULT-VALUE})")
        String flake = ".";

        @Option(names = "--system", paramLabel = "SYSTEM", defaultValue = "x86_64-linux",
                description = "Nix system of the package (default: ${DEFAULT-VALUE})")
        String system = "x86_64-linux";
    }

    /** Options of import and build-import. */
    static final class ImportOptions {
        @Option(names = "--remote-host", paramLabel = "HOST", defaultValue = DEFAULT_HOST,
                description = "ssh destination that runs incus (default: ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--project", paramLabel = "PROJECT", defaultValue = DEFAULT_PROJECT,
                description = "Incus project (default: ${DEFAULT-VALUE})")
        String project;

        @Option(names = "--alias", paramLabel = "ALIAS", description = "image alias (default: the role's)")
        String alias;

        @Option(names = "--local", description = "run incus (and nix) on this machine, no ssh/scp")
        boolean local;

        @Option(names = "--incus-bin", paramLabel = "PROGRAM",
                description = "the Incus client (default: $PIKA_INCUS_BIN or incus; LXD's is lxc)")
        String incusBin;

        @Option(names = "--sudo", paramLabel = "WHEN", defaultValue = "auto",
                description = "auto (sudo when the user running incus is not root: `id -u` on the remote host), "
                        + "always or never")
        String sudo;

        @Option(names = "--keep-old", description = "keep the image the alias pointed at before")
        boolean keepOld;

        @Option(names = "--record-out", paramLabel = "FILE",
                description = "write the image record (CONTRACT.md §6) of the imported image to FILE, atomically")
        Path recordOut;
    }

    /** Shared body of the three subcommands. */
    @FormatOption.Formats(FormatOption.TextOrJson.class)
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        ImageCommand parent;

        @Mixin
        CommonOptions common;

        /** {@code json}: a JSON summary (or plan) on stdout. */
        @Mixin
        FormatOption format;


        abstract ImageWorkflow.Action action();

        ImportOptions importOptions() {
            return null;
        }

        /** @return the build options; import has none and gets the defaults */
        BuildOptions buildOptions() {
            return new BuildOptions();
        }

        /** Set by the shutdown hook (SIGINT/SIGTERM). */
        private volatile boolean signalled;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        String artifact() {
            return DEFAULT_ARTIFACT;
        }

        /**
         * After SIGINT/SIGTERM the JVM is exiting (130/143) once the shutdown hook is done; the hook prints the
         * last line, so this thread only waits for the exit and prints nothing more.
         */
        private static void awaitExit(Thread hook) {
            try {
                hook.join();
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Integer call() {
            Context ctx = parent.ctx;
            GuestRole role = parent.role();
            ImageWorkflow.Settings settings = settings(role, ctx);
            Path recordOut = importOptions() == null ? null : importOptions().recordOut;
            if (recordOut != null) {
                Path dir = ctx.cwd().resolve(recordOut).toAbsolutePath().getParent();
                if (dir == null || !Files.isDirectory(dir)) {
                    throw new UsageError("--record-out " + recordOut + ": directory " + dir + " does not exist");
                }
            }
            boolean json = format.get(FormatOption.TextOrJson.class) == FormatOption.TextOrJson.json;
            boolean phaseLines = !common.quiet && !common.dryRun;
            Phases phases = new Phases(ImageWorkflow.phaseCount(settings), ctx.err(), !phaseLines, System::nanoTime);
            Runner runner;
            ProcessRunner real = null;
            if (common.dryRun) {
                PlanRunner plan = new PlanRunner();
                plan.phases(phases::label);
                runner = plan;
            } else {
                real = new ProcessRunner(ctx.cwd(), ctx.env(), ctx.err(), common.quiet);
                runner = real;
            }
            Cleanup cleanup = new Cleanup();
            ImageWorkflow workflow = new ImageWorkflow(settings, runner, phases, ctx.cwd(), cleanup, ctx.err(),
                    common.quiet);
            Thread hook = null;
            if (real != null) {
                ProcessRunner children = real;
                String name = spec.root().name();
                hook = new Thread(() -> {
                    signalled = true;
                    String phase = phases.current();
                    phases.silence();
                    if (!cleanup.running()) {
                        children.killAll();
                    }
                    cleanup.runAll();
                    // the last line on stderr says what happened (the JVM exits 130/143 after this hook)
                    ctx.err().println(name + ": stopped by a signal" + (phase == null ? "" : " in phase \""
                            + phase + "\"") + "; temp dirs removed; " + workflow.aliasStateText(settings.alias()));
                    ctx.err().flush();
                }, "pika-image-cleanup");
                Runtime.getRuntime().addShutdownHook(hook);
            }
            long started = System.nanoTime();
            ImageWorkflow.Outcome outcome;
            try {
                outcome = workflow.run();
                phases.end();
            } catch (UserException e) {
                if (signalled) {
                    cleanup.runAll();
                    awaitExit(hook); // the tools failed because we were stopped: the hook says so, last
                }
                throw e;
            } finally {
                cleanup.runAll();
                if (signalled) {
                    awaitExit(hook);
                }
                if (hook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook is running or ran: nothing left to do here
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (common.dryRun) {
                printPlan(ctx.out(), runner.recorded(), settings, recordOut, json);
                return ExitCodes.OK;
            }
            ImageRecord record = null;
            if (outcome.fingerprint() != null) {
                record = ImageRecord.forImport(role, settings.project(), settings.alias(), outcome.fingerprint());
                if (recordOut != null) {
                    AtomicFiles.writeString(ctx.cwd().resolve(recordOut), ContractCodec.encodePretty(record));
                }
            }
            if (json) {
                ctx.out().println(summaryJson(settings, outcome, phases, recordOut, seconds));
            } else {
                if (outcome.fingerprint() != null) {
                    ctx.out().println(outcome.fingerprint());
                }
                if (!common.quiet) {
                    ctx.err().println(summaryText(settings, outcome, seconds));
                }
            }
            ctx.out().flush();
            return ExitCodes.OK;
        }

        private ImageWorkflow.Settings settings(GuestRole role, Context ctx) {
            ImportOptions io = importOptions();
            String alias = role.defaultImageAlias();
            String project = DEFAULT_PROJECT;
            String host = DEFAULT_HOST;
            boolean local = action() == ImageWorkflow.Action.BUILD;
            String incusBin = ctx.env().getOrDefault("PIKA_INCUS_BIN", "incus");
            ImageWorkflow.SudoMode sudo = ImageWorkflow.SudoMode.AUTO;
            boolean keepOld = false;
            if (io != null) {
                alias = io.alias != null ? Names.alias(io.alias) : alias;
                project = Names.project(io.project);
                local = io.local;
                host = local ? io.host : Names.host(io.host);
                if (io.incusBin != null) {
                    incusBin = io.incusBin;
                }
                incusBin = Names.incusBin(incusBin.isEmpty() ? "incus" : incusBin);
                sudo = switch (io.sudo) {
                    case "auto" -> ImageWorkflow.SudoMode.AUTO;
                    case "always" -> ImageWorkflow.SudoMode.ALWAYS;
                    case "never" -> ImageWorkflow.SudoMode.NEVER;
                    default -> throw new UsageError("--sudo: expected auto, always or never, got "
                            + Names.printable(io.sudo));
                };
                keepOld = io.keepOld;
            }
            BuildOptions bo = buildOptions();
            if (bo.flake.isEmpty() || bo.flake.startsWith("-") || bo.flake.contains("#")) {
                throw new UsageError("--flake " + Names.printable(bo.flake)
                        + ": a flake directory (or flake reference without #attribute)");
            }
            if (!bo.system.matches("[a-z0-9_]+-[a-z0-9_]+")) {
                throw new UsageError("--system " + Names.printable(bo.system) + ": expected e.g. x86_64-linux");
            }
            String key = ctx.env().get("PIKA_BUILD_SSH_KEY");
            return new ImageWorkflow.Settings(role, action(), local, host, project, alias, artifact(), bo.flake,
                    bo.system, incusBin, sudo, keepOld, key);
        }

        private static void printPlan(PrintStream out, List<Runner.Planned> plan, ImageWorkflow.Settings s,
                                      Path recordOut, boolean json) {
            if (json) {
                out.println(planJson(plan, s, recordOut));
                return;
            }
            out.println("# " + s.action().word() + " --role " + s.role().id() + ": dry run, nothing was executed");
            out.println("# temp dirs are shown as their mktemp template; fingerprints as " + ImageWorkflow.NEW_FP
                    + " / " + ImageWorkflow.PREVIOUS_FP);
            String lastPhase = null;
            for (Runner.Planned planned : plan) {
                List<Step> pipeline = planned.pipeline();
                if (planned.phase() != null && !planned.phase().equals(lastPhase)) {
                    out.println();
                    out.println("# " + planned.phase());
                    lastPhase = planned.phase();
                }
                for (Step step : pipeline) {
                    if (step.note() != null) {
                        out.println("# " + step.note());
                    }
                }
                out.println(String.join(" | ", pipeline.stream().map(Step::shellLine).toList()));
            }
            if (recordOut != null) {
                out.println("# then write the image record to " + recordOut);
            }
        }

        private static String planJson(List<Runner.Planned> plan, ImageWorkflow.Settings s, Path recordOut) {
            return json(g -> {
                g.writeStartObject();
                g.writeBooleanField("dry_run", true);
                g.writeStringField("action", s.action().word());
                g.writeStringField("role", s.role().id());
                g.writeArrayFieldStart("plan");
                for (Runner.Planned planned : plan) {
                    g.writeStartObject();
                    if (planned.phase() != null) {
                        g.writeStringField("phase", planned.phase());
                    }
                    g.writeArrayFieldStart("pipeline");
                    for (Step step : planned.pipeline()) {
                        g.writeStartObject();
                        g.writeArrayFieldStart("argv");
                        for (String a : step.argv()) {
                            g.writeString(a);
                        }
                        g.writeEndArray();
                        if (step.remoteArgv() != null) {
                            g.writeArrayFieldStart("remote_argv");
                            for (String a : step.remoteArgv()) {
                                g.writeString(a);
                            }
                            g.writeEndArray();
                        }
                        if (step.note() != null) {
                            g.writeStringField("note", step.note());
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (recordOut != null) {
                    g.writeStringField("record_out", recordOut.toString());
                }
                g.writeEndObject();
            });
        }

        private static String summaryJson(ImageWorkflow.Settings s, ImageWorkflow.Outcome o, Phases phases,
                                          Path recordOut, double seconds) {
            return json(g -> {
                g.writeStartObject();
                g.writeStringField("action", s.action().word());
                g.writeStringField("role", s.role().id());
                if (s.action() == ImageWorkflow.Action.BUILD) {
                    g.writeStringField("installable", s.installable(s.flake()));
                    g.writeStringField("out_link", o.builtPath());
                } else {
                    if (s.local()) {
                        g.writeNullField("remote_host");
                    } else {
                        g.writeStringField("remote_host", s.host());
                    }
                    g.writeStringField("project", s.project());
                    g.writeStringField("alias", s.alias());
                    g.writeStringField("fingerprint", o.fingerprint());
                    if (o.previousFingerprint() == null) {
                        g.writeNullField("previous_fingerprint");
                    } else {
                        g.writeStringField("previous_fingerprint", o.previousFingerprint());
                    }
                    g.writeBooleanField("alias_moved", o.aliasMoved());
                    g.writeBooleanField("previous_deleted", o.previousDeleted());
                    if (recordOut != null) {
                        g.writeStringField("record_out", recordOut.toString());
                    }
                }
                g.writeArrayFieldStart("phases");
                for (Phases.Timing t : phases.timings()) {
                    g.writeStartObject();
                    g.writeNumberField("number", t.number());
                    g.writeStringField("phase", t.name());
                    g.writeNumberField("seconds", Math.round(t.seconds() * 1000) / 1000.0);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
                g.writeEndObject();
            });
        }

        private static String summaryText(ImageWorkflow.Settings s, ImageWorkflow.Outcome o, double seconds) {
            String took = String.format(java.util.Locale.ROOT, " (%.1fs)", seconds);
            if (s.action() == ImageWorkflow.Action.BUILD) {
                return "built " + o.builtPath() + took;
            }
            StringBuilder sb = new StringBuilder("alias " + s.alias() + " (project " + s.project() + ") -> "
                    + o.fingerprint());
            if (o.previousFingerprint() == null) {
                sb.append(", new alias");
            } else if (!o.aliasMoved()) {
                sb.append(", unchanged");
            } else {
                sb.append(", was ").append(o.previousFingerprint())
                        .append(o.previousDeleted() ? " (deleted)" : " (kept)");
            }
            return sb.append(took).toString();
        }
    }

    @FunctionalInterface
    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    /** jackson-core only: an ObjectMapper would load jackson-databind at every start (~50 ms). */
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private static String json(JsonBody body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON_FACTORY.createGenerator(w)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.setPrettyPrinter(ContractCodec.serdePrettyPrinter());
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    @Command(name = "build", mixinStandardHelpOptions = true, footer = {
        "", "Environment: none of its own; Nix's configuration applies.",
        "Exit codes: 0 built, 1 nix build failed, 2 usage error.", "Details: docs/incus-role-image.md"},
            description = "Build the role's image with Nix in the flake directory: "
                    + "nix build .#packages.SYSTEM.<flake attr> (produces ./result).")
    static final class Build extends Sub {
        @Mixin
        BuildOptions bo;

        @Override
        BuildOptions buildOptions() {
            return bo;
        }

        @Override
        ImageWorkflow.Action action() {
            return ImageWorkflow.Action.BUILD;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, footer = {
        "", "Environment: PIKA_BUILD_SSH_KEY (ssh/scp -i), PIKA_INCUS_BIN (default incus; LXD's is lxc).",
        "Exit codes: 0 done, 1 a tool or the import failed (or the artifacts are missing), 2 usage error.",
        "Details: docs/incus-role-image.md"},
            description = "Import PATH/metadata.tar.xz and PATH/disk.qcow2 into Incus under the alias: copied to "
                    + "the remote host with scp (or --local), imported, then the alias moves to the new image.")
    static final class Import extends Sub {
        @Mixin
        ImportOptions io;

        @Option(names = "--artifact", paramLabel = "PATH", defaultValue = DEFAULT_ARTIFACT,
                description = "directory with metadata.tar.xz and disk.qcow2 (default: ./result)")
        String artifact;

        @Override
        ImageWorkflow.Action action() {
            return ImageWorkflow.Action.IMPORT;
        }

        @Override
        ImportOptions importOptions() {
            return io;
        }

        @Override
        String artifact() {
            return artifact;
        }
    }

    @Command(name = "build-import", mixinStandardHelpOptions = true, footer = {
        "", "Environment: PIKA_BUILD_SSH_KEY (ssh/scp -i), PIKA_INCUS_BIN (default incus; LXD's is lxc).",
        "Exit codes: 0 done, 1 a tool, the build or the import failed, 2 usage error.",
        "Details: docs/incus-role-image.md"},
            description = "Upload the flake directory's git-visible files to the remote host, build the image "
                    + "there and import it (or, with --local, build and import on this machine).")
    static final class BuildImport extends Sub {
        @Mixin
        ImportOptions io;

        @Mixin
        BuildOptions bo;

        @Override
        BuildOptions buildOptions() {
            return bo;
        }

        @Override
        ImageWorkflow.Action action() {
            return ImageWorkflow.Action.BUILD_IMPORT;
        }

        @Override
        ImportOptions importOptions() {
            return io;
        }
    }
}
