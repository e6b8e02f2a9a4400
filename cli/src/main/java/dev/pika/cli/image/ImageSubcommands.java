package dev.pika.cli.image;

import dev.pika.cli.common.Entry;
import dev.pika.cli.common.Environment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The subcommands of {@code incus-role-image} / {@code pika image}: their options and help; {@link ImageRun} runs them. */
final class ImageSubcommands {
    private static final String DETAILS = "Details: docs/incus-role-image.md";

    private ImageSubcommands() {
    }

    /** Shared body of the subcommands. */
    @Environment({
        @Entry(name = "PIKA_BUILD_SSH_KEY", text = ImageCommand.SSH_KEY),
        @Entry(name = "PIKA_INCUS_BIN", text = ImageCommand.INCUS_BIN)
    })
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        ImageCommand parent;

        @Mixin
        ImageOptions.Common common;

        @Spec
        CommandSpec spec;

        abstract ImageSettings.Action action();

        /** @return where incus runs, or null (build) */
        ImageOptions.Where where() {
            return null;
        }

        /** @return the import options, or null */
        ImageOptions.Import importOptions() {
            return null;
        }

        /** @return the build options; the others get the defaults */
        ImageOptions.Build buildOptions() {
            return new ImageOptions.Build();
        }

        String artifact() {
            return ImageOptions.DEFAULT_ARTIFACT;
        }

        /** @return {@code prune --keep}, or null */
        Integer pruneKeep() {
            return null;
        }

        /** @return {@code rollback --to}, or null */
        String to() {
            return null;
        }

        boolean matched(String option) {
            return spec.commandLine().getParseResult() != null
                    && spec.commandLine().getParseResult().hasMatchedOption(option);
        }

        @Override
        public Integer call() {
            return new ImageRun(parent.ctx, spec.root().name(), parent.role(), this).call();
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true, footer = {
        "",
        "Exit codes: 0 built, 1 nix build failed, 2 usage error.", DETAILS},
            description = "Build the role's image with Nix in the flake directory: "
                    + "nix build .#packages.SYSTEM.<flake attr> (produces ./result).")
    @Environment({}) // none of its own; Nix's configuration applies
    static final class Build extends Sub {
        @Mixin
        ImageOptions.Build bo;

        @Override
        ImageOptions.Build buildOptions() {
            return bo;
        }

        @Override
        ImageSettings.Action action() {
            return ImageSettings.Action.BUILD;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, footer = {
        "",
        "Exit codes: 0 done (also when only the prune failed: a warning), 1 a tool or the import failed (or the "
                + "artifacts are missing), 2 usage error, 130/143 stopped by SIGINT/SIGTERM.", DETAILS},
            description = "Import PATH/metadata.tar.xz and PATH/disk.qcow2 into Incus under the alias, stamped with "
                    + "their provenance: copied to the remote host with scp (or --local, or --remote NAME), "
                    + "imported, then the alias moves to the new image and older ones beyond --keep are pruned.")
    static final class Import extends Sub {
        @Mixin
        ImageOptions.Where where;

        @Mixin
        ImageOptions.Import io;

        @Option(names = "--artifact", paramLabel = "PATH", defaultValue = ImageOptions.DEFAULT_ARTIFACT,
                description = "Directory with metadata.tar.xz and disk.qcow2 (default: ./result).")
        String artifact;

        @Override
        ImageSettings.Action action() {
            return ImageSettings.Action.IMPORT;
        }

        @Override
        ImageOptions.Where where() {
            return where;
        }

        @Override
        ImageOptions.Import importOptions() {
            return io;
        }

        @Override
        String artifact() {
            return artifact;
        }
    }

    @Command(name = "build-import", mixinStandardHelpOptions = true, footer = {
        "",
        "Exit codes: 0 done (also when only the prune failed: a warning), 1 a tool, the build or the import "
                + "failed, 2 usage error, 130/143 stopped by SIGINT/SIGTERM.", DETAILS},
            description = "Upload the flake directory's git-visible files to the remote host, build the image "
                    + "there and import it (or, with --local or --remote NAME, build here and import here or there).")
    static final class BuildImport extends Sub {
        @Mixin
        ImageOptions.Where where;

        @Mixin
        ImageOptions.Import io;

        @Mixin
        ImageOptions.Build bo;

        @Override
        ImageOptions.Build buildOptions() {
            return bo;
        }

        @Override
        ImageSettings.Action action() {
            return ImageSettings.Action.BUILD_IMPORT;
        }

        @Override
        ImageOptions.Where where() {
            return where;
        }

        @Override
        ImageOptions.Import importOptions() {
            return io;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, footer = {
        "", "Exit codes: 0 listed, 1 incus or ssh failed, 2 usage error.", DETAILS},
            description = "List the alias's images, newest first: * marks the one the alias points at; with the "
                    + "provenance each import stamped (revision, build host, import time).")
    static final class ListImages extends Sub {
        @Mixin
        ImageOptions.Where where;

        @Override
        ImageSettings.Action action() {
            return ImageSettings.Action.LIST;
        }

        @Override
        ImageOptions.Where where() {
            return where;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, footer = {
        "", "Exit codes: 0 moved (or already there), 1 nothing to roll back to or a tool failed, 2 usage error.",
        DETAILS},
            description = "Move the alias back to its previous image (the next older one in `list`), or to --to, in "
                    + "one API call. Deletes nothing; prints from where to where.")
    static final class Rollback extends Sub {
        @Mixin
        ImageOptions.Where where;

        @Option(names = "--to", paramLabel = "FINGERPRINT", description = "The image to move the alias to (64 hex digits).")
        String to;

        @Override
        ImageSettings.Action action() {
            return ImageSettings.Action.ROLLBACK;
        }

        @Override
        ImageOptions.Where where() {
            return where;
        }

        @Override
        String to() {
            return to;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, footer = {
        "", "Exit codes: 0 done, 1 a tool failed, 2 usage error.", DETAILS},
            description = "Delete the alias's older images beyond the newest --keep N; never the alias's image, one "
                    + "another alias names, or one an instance uses.")
    static final class Prune extends Sub {
        @Mixin
        ImageOptions.Where where;

        @Option(names = "--keep", paramLabel = "N", defaultValue = "" + ImageOptions.DEFAULT_KEEP,
                description = "Older images to keep (default: ${DEFAULT-VALUE}).")
        int keep = ImageOptions.DEFAULT_KEEP;

        @Override
        ImageSettings.Action action() {
            return ImageSettings.Action.PRUNE;
        }

        @Override
        ImageOptions.Where where() {
            return where;
        }

        @Override
        Integer pruneKeep() {
            return keep;
        }
    }
}
