package dev.pika.cli.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of the image subcommands, grouped by which subcommands take them (docs/incus-role-image.md). */
final class ImageOptions {
    static final String DEFAULT_HOST = "pika-build";
    static final String DEFAULT_PROJECT = "pika-managed-agents";
    static final String DEFAULT_ARTIFACT = "result";
    /** Older images of an alias kept after an import or prune, unless {@code --keep N}. */
    static final int DEFAULT_KEEP = 2;
    /** Seconds to wait for the alias lock, unless {@code --lock-timeout}. */
    static final int DEFAULT_LOCK_TIMEOUT = 300;

    private ImageOptions() {
    }

    /** Options of every subcommand. */
    static final class Common {
        @Option(names = "--dry-run", description = "Print every command that would run (list/rollback/prune: what "
                + "would change), and change nothing.")
        boolean dryRun;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "Text (default) or json: a JSON summary (or plan) on stdout; on failure a JSON error "
                        + "object.")
        String format;

        @Option(names = {"-q", "--quiet"}, description = "No phase lines and no tool output, except on failure.")
        boolean quiet;
    }

    /** Options of build and build-import. */
    static final class Build {
        @Option(names = "--flake", paramLabel = "DIR", defaultValue = ".",
                description = "The flake to build (default: ${DEFAULT-VALUE}).")
        String flake = ".";

        @Option(names = "--system", paramLabel = "SYSTEM", defaultValue = "x86_64-linux",
                description = "Nix system of the package (default: ${DEFAULT-VALUE}).")
        String system = "x86_64-linux";
    }

    /** Where incus runs and which alias: every subcommand but build. */
    static final class Where {
        @Option(names = "--remote-host", paramLabel = "HOST", defaultValue = DEFAULT_HOST,
                description = "The ssh destination that runs incus (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--remote", paramLabel = "NAME",
                description = "An Incus remote (`incus remote list`), reached over the Incus API from this machine "
                        + "(no ssh); a cluster's members share its images.")
        String remote;

        @Option(names = "--project", paramLabel = "PROJECT", defaultValue = DEFAULT_PROJECT,
                description = "Incus project (default: ${DEFAULT-VALUE}).")
        String project;

        @Option(names = "--alias", paramLabel = "ALIAS", description = "Image alias (default: the role's).")
        String alias;

        @Option(names = "--local", description = "Run incus (and nix) on this machine, no ssh/scp.")
        boolean local;

        @Option(names = "--incus-bin", paramLabel = "PROGRAM",
                description = "The Incus client (default: $PIKA_INCUS_BIN or incus; LXD's is lxc).")
        String incusBin;

        @Option(names = "--sudo", paramLabel = "WHEN", defaultValue = "auto",
                description = "When to run incus with sudo -n: auto (when the user running incus is not root: "
                        + "`id -u` on the remote host; never with --remote), always or never.")
        String sudo;

        @Option(names = "--ssh-option", paramLabel = "KEY=VALUE",
                description = "An ssh/scp option (-o KEY=VALUE), before pika's own so it wins: e.g. "
                        + "ConnectTimeout=30, BatchMode=no, Port=2222 (repeatable).")
        List<String> sshOptions = new ArrayList<>();

        @Option(names = "--ssh-config", paramLabel = "FILE", description = "An ssh config file for ssh and scp (-F).")
        String sshConfig;

        @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "" + DEFAULT_LOCK_TIMEOUT,
                description = "Wait at most this long for another import of the alias (default: ${DEFAULT-VALUE}).")
        int lockTimeout = DEFAULT_LOCK_TIMEOUT;
    }

    /** Options of import and build-import. */
    static final class Import {
        @Option(names = "--keep", paramLabel = "N", defaultValue = "" + DEFAULT_KEEP,
                description = "Older images of the alias to keep after the alias moved (default: ${DEFAULT-VALUE}; "
                        + "0 deletes them all).")
        int keep = DEFAULT_KEEP;

        @Option(names = "--keep-old", description = "Delete no older image at all.")
        boolean keepOld;

        @Option(names = "--record-out", paramLabel = "FILE",
                description = "Write the image record (CONTRACT.md §6) of the imported image to FILE, atomically.")
        Path recordOut;
    }
}
