package dev.pika.cli.image;

import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code list}, {@code rollback} and {@code prune}: the alias's image history in its project, read from Incus
 * (the {@code pika.*} properties every import stamps, {@link Provenance}). The alias's images are those stamped
 * with its {@code pika.alias}, plus whatever it points at now.
 *
 * <p>Reads always run (also with {@code --dry-run}, which only leaves out the changes); rollback and prune hold the
 * alias lock while they read and change.
 */
final class ImageHistory {
    /**
     * One image of the alias.
     *
     * @param image   what Incus says about it
     * @param current whether the alias points at it
     * @param used    whether an instance of the project was created from it
     */
    record Entry(IncusJson.Image image, boolean current, boolean used) {
    }

    /**
     * @param target  the alias's fingerprint, or null when the alias does not exist
     * @param entries newest first
     */
    record Listing(String target, List<Entry> entries) {
    }

    /**
     * @param from  the alias's target before
     * @param to    the target after (or, with --dry-run, that it would get)
     * @param moved whether the alias was moved (false with --dry-run)
     */
    record Rollback(String from, String to, boolean moved) {
    }

    private final ImageSettings s;
    private final IncusOps ops;
    private final boolean dryRun;

    ImageHistory(ImageSettings settings, IncusOps ops, boolean dryRun) {
        this.s = settings;
        this.ops = ops;
        this.dryRun = dryRun;
    }

    /** @return the phases of list, rollback and prune: one */
    static int phaseCount(ImageSettings s) {
        return 1;
    }

    private void begin(String what) {
        ops.phases.begin(what + " " + s.alias() + " (project " + s.project() + ", " + ops.where() + ")");
        ops.connect();
        ops.decideSudo();
    }

    /** @return the alias's images, newest first, the alias's target marked */
    Listing list() {
        begin("list images of");
        return listing();
    }

    private Listing listing() {
        String target = ops.aliasTarget();
        Set<String> used = ops.usedByInstances();
        List<Entry> entries = new ArrayList<>();
        for (IncusJson.Image i : ops.images()) {
            if (i.importedFor(s.alias()) || i.fingerprint().equals(target) || i.aliases().contains(s.alias())) {
                entries.add(new Entry(i, i.fingerprint().equals(target), used.contains(i.fingerprint())));
            }
        }
        return new Listing(target, List.copyOf(entries));
    }

    /**
     * Moves the alias back to the image before its target (the next older one of the alias), or to {@code --to},
     * in one API call; deletes nothing.
     *
     * @return from where to where
     * @throws UserException exit code 1 when the alias does not exist, there is no older image, or {@code --to}
     *                       is not an image of the project
     */
    Rollback rollback() {
        begin("rollback");
        try (Runner.Held lock = dryRun ? () -> { } : ops.lock()) {
            Listing l = listing();
            if (l.target() == null) {
                throw new UserException(ExitCodes.FAILURE, "the alias " + s.alias() + " does not exist in project "
                        + s.project() + " on " + s.server() + ": nothing to roll back");
            }
            String to;
            if (s.to() != null) {
                boolean known = ops.images().stream().anyMatch(i -> i.fingerprint().equals(s.to()));
                if (!known) {
                    throw new UserException(ExitCodes.FAILURE, "--to " + s.to() + ": no such image in project "
                            + s.project() + " on " + s.server());
                }
                to = s.to();
            } else {
                to = null;
                boolean afterCurrent = false;
                for (Entry e : l.entries()) {
                    if (afterCurrent) {
                        to = e.image().fingerprint();
                        break;
                    }
                    afterCurrent = e.current();
                }
                if (to == null) {
                    throw new UserException(ExitCodes.FAILURE, "no older image of " + s.alias() + " to roll back to"
                            + " in project " + s.project() + " (`list` shows the alias's images; --to FINGERPRINT"
                            + " picks one)");
                }
            }
            if (to.equals(l.target())) {
                return new Rollback(l.target(), to, false);
            }
            if (!dryRun) {
                ops.moveAlias(to, l.target(), "rollback: retarget the alias in one API call; nothing is deleted");
            }
            return new Rollback(l.target(), to, !dryRun);
        }
    }

    /** @return what was (with --dry-run: would be) deleted beyond {@code --keep} and what was kept */
    IncusOps.Pruned prune() {
        begin("prune images of");
        try (Runner.Held lock = dryRun ? () -> { } : ops.lock()) {
            String target = ops.aliasTarget();
            return ops.prune(s.keep(), target, null, dryRun);
        }
    }
}
