package dev.pika.cli.image;

import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.cli.common.AtomicFiles;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.ImageRecord;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs one image subcommand: checks the options, picks the runner (real, or the dry-run recorder), guards
 * against signals, and prints the result (text or JSON) — or, under {@code --format json}, a JSON error object.
 */
final class ImageRun {
    private static final Pattern SSH_OPTION = Pattern.compile("[A-Za-z][A-Za-z0-9]*=[^\\n\\r\\x00]*");

    private final ImageCommand.Context ctx;
    private final String name;
    private final GuestRole role;
    private final ImageSubcommands.Sub sub;

    ImageRun(ImageCommand.Context ctx, String name, GuestRole role, ImageSubcommands.Sub sub) {
        this.ctx = ctx;
        this.name = name;
        this.role = role;
        this.sub = sub;
    }

    int call() {
        boolean json = switch (sub.common.format) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new ImageCommand.UsageError("--format: expected text or json, got "
                    + Names.printable(sub.common.format));
        };
        try {
            return execute(json);
        } catch (UserException e) {
            if (json) {
                ctx.out().println(ImageReports.error(sub.action().word(), role.id(), e.getMessage(),
                        e instanceof HintedFailure h ? h.hint() : null, e.exitCode()));
                ctx.out().flush();
            }
            throw e;
        }
    }

    private int execute(boolean json) {
        ImageSettings s = settings();
        Path recordOut = sub.importOptions() == null ? null : sub.importOptions().recordOut;
        if (recordOut != null) {
            checkWritable(ctx.cwd().resolve(recordOut).toAbsolutePath().normalize(), recordOut);
        }
        boolean history = !s.action().imports() && s.action() != ImageSettings.Action.BUILD;
        boolean plan = sub.common.dryRun && !history;
        boolean phaseLines = !sub.common.quiet && !plan;
        Phases phases = new Phases(ImageWorkflow.phaseCount(s), ctx.err(), !phaseLines, System::nanoTime);
        Runner runner;
        ProcessRunner real = null;
        if (plan) {
            PlanRunner p = new PlanRunner();
            p.phases(phases::label);
            runner = p;
        } else {
            real = new ProcessRunner(ctx.cwd(), ctx.env(), ctx.err(), sub.common.quiet);
            phases.toolClock(real::toolNanos);
            runner = real;
        }
        Cleanup cleanup = new Cleanup();
        IncusOps ops = new IncusOps(s, runner, phases, cleanup, ctx.err(), sub.common.quiet);
        ImageWorkflow workflow = new ImageWorkflow(s, ops, ctx.cwd());
        SignalGuard guard = real == null ? null
                : new SignalGuard(name, real, phases, cleanup, ctx.err(), workflow::aliasStateText);
        long started = System.nanoTime();
        Object outcome;
        try {
            outcome = switch (s.action()) {
                case LIST -> new ImageHistory(s, ops, sub.common.dryRun).list();
                case ROLLBACK -> new ImageHistory(s, ops, sub.common.dryRun).rollback();
                case PRUNE -> new ImageHistory(s, ops, sub.common.dryRun).prune();
                default -> workflow.run();
            };
            phases.end();
        } catch (UserException e) {
            cleanup.runAll();
            if (guard != null) {
                guard.settle(); // a tool that died of our Ctrl-C: the signal line comes last, exit 130/143
            }
            throw e;
        } finally {
            cleanup.runAll();
            if (guard != null) {
                guard.awaitExitIfSignalled();
                guard.close();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintStream out = ctx.out();
        if (plan) {
            ImageReports.plan(out, runner.recorded(), s, recordOut, json);
            return ExitCodes.OK;
        }
        switch (s.action()) {
            case LIST -> {
                ImageHistory.Listing l = (ImageHistory.Listing) outcome;
                out.print(json ? ImageReports.listJson(s, l) + "\n" : ImageReports.listText(s, l));
            }
            case ROLLBACK -> {
                ImageHistory.Rollback r = (ImageHistory.Rollback) outcome;
                out.println(json ? ImageReports.rollbackJson(s, r, sub.common.dryRun)
                        : ImageReports.rollbackText(s, r, sub.common.dryRun));
            }
            case PRUNE -> {
                IncusOps.Pruned p = (IncusOps.Pruned) outcome;
                out.print(json ? ImageReports.pruneJson(s, p, sub.common.dryRun) + "\n"
                        : ImageReports.pruneText(p, sub.common.dryRun));
            }
            default -> {
                return finishImport(s, (ImageWorkflow.Outcome) outcome, phases, recordOut, seconds, json);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int finishImport(ImageSettings s, ImageWorkflow.Outcome outcome, Phases phases, Path recordOut,
                             double seconds, boolean json) {
        String recordError = null;
        if (outcome.fingerprint() != null && recordOut != null) {
            ImageRecord record = ImageRecord.forImport(role, s.project(), s.alias(), outcome.fingerprint());
            try {
                AtomicFiles.writeJson(ctx.cwd().resolve(recordOut),
                        ImageReports.recordWithProvenance(ContractCodec.encodePretty(record), outcome.provenance()));
            } catch (RuntimeException e) {
                recordError = "the import succeeded, but the record could not be written to " + recordOut + ": "
                        + e.getMessage();
            }
        }
        if (json) {
            ctx.out().println(ImageReports.summaryJson(s, outcome, phases.timings(), recordOut, seconds));
        } else {
            if (outcome.fingerprint() != null) {
                ctx.out().println(outcome.fingerprint());
            }
            if (!sub.common.quiet) {
                ctx.err().println(ImageReports.summaryText(s, outcome, seconds));
                ctx.err().println(ImageReports.overheadText(phases.timings()));
            }
        }
        ctx.out().flush();
        if (outcome.warning() != null) {
            ctx.err().println(name + ": warning: " + outcome.warning());
        }
        if (recordError != null) {
            throw new UserException(ExitCodes.FAILURE, recordError);
        }
        return ExitCodes.OK;
    }

    /** {@code --record-out}: the file must be writable before anything runs (a failure after the alias moved is late). */
    private static void checkWritable(Path file, Path given) {
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new ImageCommand.UsageError("--record-out " + given + ": is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ImageCommand.UsageError("--record-out " + given + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || Files.exists(file) && !Files.isWritable(file)) {
            throw new ImageCommand.UsageError("--record-out " + given + ": not writable ("
                    + (Files.isWritable(dir) ? file : dir) + ")");
        }
    }

    private ImageSettings settings() {
        ImageOptions.Where w = sub.where();
        ImageOptions.Import io = sub.importOptions();
        String alias = role.defaultImageAlias();
        String project = ImageOptions.DEFAULT_PROJECT;
        String host = ImageOptions.DEFAULT_HOST;
        String remote = null;
        boolean local = sub.action() == ImageSettings.Action.BUILD;
        String incusBin = ctx.env().getOrDefault("PIKA_INCUS_BIN", "incus");
        ImageSettings.SudoMode sudo = ImageSettings.SudoMode.AUTO;
        List<String> sshOptions = List.of();
        String sshConfig = null;
        int lockTimeout = ImageOptions.DEFAULT_LOCK_TIMEOUT;
        if (w != null) {
            alias = w.alias != null ? Names.alias(w.alias) : alias;
            project = Names.project(w.project);
            local = w.local;
            if (w.remote != null) {
                if (sub.matched("--remote-host")) {
                    throw new ImageCommand.UsageError("--remote and --remote-host exclude each other: --remote talks "
                            + "to Incus over its API from this machine, --remote-host runs incus over ssh");
                }
                remote = Names.remote(w.remote);
                local = true;
            }
            host = local ? w.host : Names.host(w.host);
            if (w.incusBin != null) {
                incusBin = w.incusBin;
            }
            incusBin = Names.incusBin(incusBin.isEmpty() ? "incus" : incusBin);
            sudo = switch (w.sudo) {
                case "auto" -> ImageSettings.SudoMode.AUTO;
                case "always" -> ImageSettings.SudoMode.ALWAYS;
                case "never" -> ImageSettings.SudoMode.NEVER;
                default -> throw new ImageCommand.UsageError("--sudo: expected auto, always or never, got "
                        + Names.printable(w.sudo));
            };
            for (String o : w.sshOptions) {
                if (!SSH_OPTION.matcher(o).matches()) {
                    throw new ImageCommand.UsageError("--ssh-option " + Names.printable(o)
                            + ": expected KEY=VALUE, e.g. ConnectTimeout=30");
                }
            }
            sshOptions = List.copyOf(w.sshOptions);
            if (w.sshConfig != null) {
                sshConfig = ctx.cwd().resolve(w.sshConfig).toAbsolutePath().normalize().toString();
            }
            if (w.lockTimeout < 1 || w.lockTimeout > 86_400) {
                throw new ImageCommand.UsageError("--lock-timeout " + w.lockTimeout + ": expected 1 to 86400 seconds");
            }
            lockTimeout = w.lockTimeout;
        }
        int keep = ImageOptions.DEFAULT_KEEP;
        if (io != null) {
            keep = io.keepOld ? -1 : io.keep;
        }
        Integer pruneKeep = sub.pruneKeep();
        if (pruneKeep != null) {
            keep = pruneKeep;
        }
        if (keep < -1 || io != null && !io.keepOld && io.keep < 0 || pruneKeep != null && pruneKeep < 0) {
            throw new ImageCommand.UsageError("--keep: expected a number of images, 0 or more");
        }
        String to = sub.to() == null ? null : Names.fingerprintOption("--to", sub.to());
        ImageOptions.Build bo = sub.buildOptions();
        if (bo.flake.isEmpty() || bo.flake.startsWith("-") || bo.flake.contains("#")) {
            throw new ImageCommand.UsageError("--flake " + Names.printable(bo.flake)
                    + ": a flake directory (or flake reference without #attribute)");
        }
        if (!bo.system.matches("[a-z0-9_]+-[a-z0-9_]+")) {
            throw new ImageCommand.UsageError("--system " + Names.printable(bo.system) + ": expected e.g. x86_64-linux");
        }
        String key = ctx.env().get("PIKA_BUILD_SSH_KEY");
        return new ImageSettings(role, sub.action(), local, host, remote, project, alias, sub.artifact(), bo.flake,
                bo.system, incusBin, sudo, keep, key, sshOptions, sshConfig, lockTimeout, to);
    }
}
