package dev.pika.cli.image;

import dev.pika.contract.model.GuestRole;
import java.util.List;

/**
 * Everything the user chose for one image operation, validated (docs/incus-role-image.md, "Usage").
 *
 * @param role        the guest role
 * @param action      the subcommand
 * @param local       run incus on this machine (no ssh/scp); true with {@code --remote}
 * @param host        the ssh destination (ignored when local)
 * @param remote      the Incus remote ({@code --remote NAME}, an {@code incus remote list} entry), or null
 * @param project     Incus project
 * @param alias       image alias
 * @param artifact    directory holding metadata.tar.xz and disk.qcow2 (import)
 * @param flake       flake directory or reference (build, build-import)
 * @param system      Nix system, e.g. {@code x86_64-linux}
 * @param incusBin    the Incus client program ({@code incus}, or LXD's {@code lxc})
 * @param sudo        sudo mode
 * @param keep        older images of the alias kept after an import or prune; -1 keeps all ({@code --keep-old})
 * @param sshKey      {@code PIKA_BUILD_SSH_KEY}, or null
 * @param sshOptions  {@code --ssh-option KEY=VALUE} values, in order
 * @param sshConfig   {@code --ssh-config FILE}, or null
 * @param lockTimeout seconds to wait for the alias lock
 * @param to          {@code rollback --to FINGERPRINT}, or null
 */
record ImageSettings(GuestRole role, ImageSettings.Action action, boolean local, String host, String remote,
                     String project, String alias, String artifact, String flake, String system, String incusBin,
                     SudoMode sudo, int keep, String sshKey, List<String> sshOptions, String sshConfig,
                     int lockTimeout, String to) {

    /** The subcommands. */
    enum Action {
        BUILD("build"), IMPORT("import"), BUILD_IMPORT("build-import"), LIST("list"), ROLLBACK("rollback"),
        PRUNE("prune");

        private final String word;

        Action(String word) {
            this.word = word;
        }

        /** @return the subcommand word */
        String word() {
            return word;
        }

        /** @return whether it imports an image (and so moves the alias and has a record) */
        boolean imports() {
            return this == IMPORT || this == BUILD_IMPORT;
        }
    }

    /** When incus runs under sudo ({@code --sudo}). */
    enum SudoMode {
        /** sudo when the (remote or local) user is not root, as the reference; never with {@code --remote}. */
        AUTO,
        /** always sudo. */
        ALWAYS,
        /** never sudo. */
        NEVER
    }

    /** @return the flake's package installable, e.g. {@code .#packages.x86_64-linux.pikaci-runner-incus-image} */
    String installable(String flakeRef) {
        return flakeRef + "#packages." + system + "." + role.flakePackageAttr();
    }

    /** @return where incus runs, for messages: {@code HOST}, {@code remote NAME} or {@code this machine} */
    String server() {
        if (!local) {
            return host;
        }
        return remote != null ? "remote " + remote : "this machine";
    }
}
