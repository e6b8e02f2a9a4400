package dev.pika.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Incus steps every image operation shares, through one {@link Runner} (so a dry run prints what a real run
 * executes): the ssh connection, the sudo decision, reading and moving the alias, listing the project's images and
 * the images instances use, pruning, and the alias lock.
 */
final class IncusOps {
    static final String NEW_FP = "<new-fingerprint>";
    static final String PREVIOUS_FP = "<previous-fingerprint>";

    final ImageSettings s;
    final Runner runner;
    final Phases phases;
    final Cleanup cleanup;
    final PrintStream err;
    final boolean quiet;
    final SshSession ssh;
    final Target target;
    /** Where the alias is: 0 not moved, 1 being moved (the incus call is running), 2 moved. Read on signals. */
    volatile int aliasState;
    /** The alias's description, kept when it is retargeted. */
    private String previousDescription = "";

    IncusOps(ImageSettings s, Runner runner, Phases phases, Cleanup cleanup, PrintStream err, boolean quiet) {
        this.s = s;
        this.runner = runner;
        this.phases = phases;
        this.cleanup = cleanup;
        this.err = err;
        this.quiet = quiet;
        this.ssh = new SshSession(s.sshOptions(), s.sshConfig(), s.sshKey());
        this.target = new Target(s.local() ? null : s.host(), s.remote(), ssh, s.incusBin());
    }

    /** @return where the operation talks to Incus, for phase names: {@code ssh HOST}, {@code remote R}, {@code local} */
    String where() {
        if (target.host != null) {
            return "ssh " + target.host;
        }
        return target.remote != null ? "remote " + target.remote : "local";
    }

    // ---- ssh ------------------------------------------------------------------------------------------------

    /**
     * Over ssh: reads the host key policy ({@code ssh -G}) and opens the run's one shared connection, failing
     * within {@link SshSession#CONNECT_TIMEOUT} seconds (plus the keep-alives) when the host does not answer.
     * Does nothing when incus runs here.
     */
    void connect() {
        if (target.host == null) {
            return;
        }
        Runner.Result g = runner.run(ssh.probe(target.host), Runner.Output.PROBE);
        if (g.ok()) {
            ssh.decide(g.stdout());
        }
        String dir;
        if (runner.dryRun()) {
            dir = SshSession.DIR_TEMPLATE;
        } else {
            try {
                Path d = Files.createTempDirectory("pika-ssh."); // mode 0700 on POSIX
                dir = d.toString();
                cleanup.register(() -> LocalFiles.deleteTree(d));
            } catch (IOException e) {
                throw new UserException(ExitCodes.FAILURE, "cannot create a private dir for the ssh connection: "
                        + e.getMessage(), e);
            }
        }
        Step master = ssh.master(dir, target.host);
        Runner.Result m = runner.run(master, Runner.Output.PROBE);
        if (!m.ok()) {
            String last = Texts.lastLine(m.stderr());
            throw new UserException(ExitCodes.FAILURE, "cannot reach " + target.host + " over ssh"
                    + inPhase() + ": ssh exited with " + m.exitCode() + (last.isEmpty() ? "" : " (" + last + ")"));
        }
        ssh.started(dir);
        Step exit = ssh.exit(target.host);
        cleanup.register(() -> runner.run(exit, Runner.Output.PROBE));
    }

    // ---- sudo -----------------------------------------------------------------------------------------------

    /** {@code --sudo}: auto means sudo when the user running incus is not root (never with {@code --remote}). */
    void decideSudo() {
        switch (s.sudo()) {
            case ALWAYS -> target.sudo = true;
            case NEVER -> target.sudo = false;
            case AUTO -> {
                if (target.host == null) {
                    // with --remote the client's own config (its remotes, its certificate) must be used: no sudo
                    target.sudo = target.remote == null && localUid() != 0;
                } else {
                    Runner.Result r = must(target.command(List.of("id", "-u"),
                            "--sudo auto: incus runs under sudo -n when this prints a uid other than 0", "0"),
                            Runner.Output.CAPTURE, "id -u");
                    target.sudo = !r.stdout().strip().equals("0");
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static int localUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : 1000;
        }
    }

    // ---- the alias ------------------------------------------------------------------------------------------

    String aliasUrl() {
        return target.on("/1.0/images/aliases/" + Texts.urlEncode(s.alias()) + "?project=" + Texts.urlEncode(s.project()));
    }

    /** @return the fingerprint the alias points at now, or null when the alias does not exist */
    String aliasTarget() {
        Step q = target.incus("does the alias exist? (not found = a first import)",
                "{\"name\":\"" + s.alias() + "\",\"target\":\"" + PREVIOUS_FP + "\",\"description\":\"\"}",
                "query", "--", aliasUrl());
        Runner.Result r = runner.run(q, Runner.Output.PROBE);
        if (!r.ok()) {
            // "Image alias not found" (Incus and LXD) means a first import; a missing project or a missing incus
            // ("incus: command not found", exit 127) is an error, found before anything is uploaded
            String said = r.stderr().toLowerCase(Locale.ROOT);
            if (said.contains("not found") && !said.contains("command not found") && !said.contains("project")
                    && r.exitCode() != 127) {
                return null;
            }
            throw failure("alias lookup", q, r, true);
        }
        if (runner.dryRun()) {
            return PREVIOUS_FP;
        }
        JsonNode node = IncusJson.parse(r.stdout(), s.incusBin() + " (alias " + s.alias() + ")");
        previousDescription = node.path("description").asText("");
        return Names.fingerprint(node.path("target").asText(null), s.incusBin() + " (target of alias " + s.alias() + ")");
    }

    /**
     * Points the alias at {@code fp} in one API call (or creates it), so it never goes missing.
     *
     * @param fp       the new target
     * @param previous the current target, or null when the alias does not exist
     * @param note     the plan's note
     */
    void moveAlias(String fp, String previous, String note) {
        aliasState = 1;
        if (previous != null) {
            ObjectNode body = IncusJson.object();
            body.put("target", fp);
            body.put("description", previousDescription);
            must(target.incus(note, "", "query", "-X", "PUT", "-d", body.toString(), "--", aliasUrl()),
                    Runner.Output.STREAM, "alias update");
        } else {
            must(target.incus("only when the alias did not exist", "",
                    "image", "alias", "create", "--project", s.project(), "--", target.on(s.alias()), fp),
                    Runner.Output.STREAM, "alias create");
        }
        aliasState = 2;
    }

    /** @return the project's images, newest first */
    List<IncusJson.Image> images() {
        Step q = target.incus("the project's images with their properties (provenance)", "[]",
                "query", "--", target.on("/1.0/images?recursion=1&project=" + Texts.urlEncode(s.project())));
        Runner.Result r = must(q, Runner.Output.PROBE, "image list", true);
        return IncusJson.images(r.stdout(), s.incusBin() + " (images of project " + s.project() + ")");
    }

    /** @return the fingerprints the project's instances were created from */
    Set<String> usedByInstances() {
        Step q = target.incus("images instances use are never deleted", "[]",
                "query", "--", target.on("/1.0/instances?recursion=1&project=" + Texts.urlEncode(s.project())));
        Runner.Result r = must(q, Runner.Output.PROBE, "instance list", true);
        return IncusJson.baseImages(r.stdout(), s.incusBin() + " (instances of project " + s.project() + ")");
    }

    /**
     * What a prune did.
     *
     * @param deleted the fingerprints deleted (in a dry run: that would be deleted)
     * @param kept    the older images of the alias that were kept, each with why
     */
    record Pruned(List<String> deleted, List<String> kept) {
    }

    /**
     * Deletes the alias's older images beyond the newest {@code keep}, never the alias's target, an image another
     * alias names, or an image an instance uses. The alias's images are those stamped with its {@code pika.alias},
     * and {@code previous} (an image from before provenance stamps).
     *
     * @param keep     how many older images to keep
     * @param current  the alias's target now
     * @param previous the target before this run, or null
     * @param dryRun   list what would be deleted and delete nothing
     * @return what was deleted and kept
     */
    Pruned prune(int keep, String current, String previous, boolean dryRun) {
        if (runner.dryRun()) {
            images();
            usedByInstances();
            runner.run(target.incus("only images beyond --keep " + keep + " that no alias and no instance uses",
                    "", "image", "delete", "--project", s.project(), "--", target.on(PREVIOUS_FP)),
                    Runner.Output.STREAM);
            return new Pruned(List.of(), List.of());
        }
        List<IncusJson.Image> history = new ArrayList<>();
        for (IncusJson.Image i : images()) {
            if (!i.fingerprint().equals(current) && (i.importedFor(s.alias()) || i.fingerprint().equals(previous))) {
                history.add(i);
            }
        }
        history.sort(IncusJson.Image.NEWEST_FIRST);
        Set<String> used = usedByInstances();
        List<String> deleted = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int n = 0; n < history.size(); n++) {
            IncusJson.Image i = history.get(n);
            if (n < keep) {
                kept.add(i.fingerprint() + " (--keep " + keep + ")");
            } else if (!i.aliases().isEmpty()) {
                kept.add(i.fingerprint() + " (still has aliases " + i.aliases() + ")");
            } else if (used.contains(i.fingerprint())) {
                kept.add(i.fingerprint() + " (an instance uses it)");
            } else {
                if (!dryRun) {
                    must(target.incus("", "", "image", "delete", "--project", s.project(), "--",
                            target.on(i.fingerprint())), Runner.Output.STREAM, "delete image " + i.fingerprint());
                }
                deleted.add(i.fingerprint());
            }
        }
        return new Pruned(List.copyOf(deleted), List.copyOf(kept));
    }

    /** @return the held alias lock (see {@link AliasLock}) */
    Runner.Held lock() {
        return AliasLock.take(runner, target, s.project(), s.alias(), s.lockTimeout(), holder -> phases.detail(
                "waiting: another import of " + s.alias() + " (project " + s.project() + ") holds the lock: "
                        + holder + " (waiting at most " + s.lockTimeout() + " s)"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    Runner.Result must(Step step, Runner.Output output, String what) {
        return must(step, output, what, false);
    }

    Runner.Result must(Step step, Runner.Output output, String what, boolean captured) {
        Runner.Result r = runner.run(step, output);
        if (!r.ok()) {
            throw failure(what, step, r, captured);
        }
        return r;
    }

    private String inPhase() {
        return phases.current() == null ? "" : " in phase \"" + phases.current() + "\"";
    }

    /** @param captured whether the tool's stderr was kept back (then it is shown now, as it was not streamed) */
    UserException failure(String what, Step step, Runner.Result r, boolean captured) {
        if ((quiet || captured) && !r.stderr().isBlank()) {
            String shown = Texts.abbreviate(r.stderr(), 4096);
            err.print(shown.endsWith("\n") ? shown : shown + "\n");
        }
        String last = Texts.lastLine(r.stderr());
        String program = r.failedProgram() != null ? r.failedProgram() : step.program();
        return new UserException(ExitCodes.FAILURE, what + " failed" + inPhase() + ": " + program + " exited with "
                + r.exitCode() + (last.isEmpty() ? "" : " (" + last + ")"));
    }
}
