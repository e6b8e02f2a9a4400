package dev.pika.cli.image;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The alias lock: imports, rollbacks and prunes of one alias on one machine run one after the other.
 *
 * <p>An exclusive {@code flock} on {@code DIR/HASH.lock} on the machine that runs incus (HASH: the first 16 hex
 * digits of SHA-256 of {@code PROJECT\nALIAS}, plus {@code \nREMOTE} with {@code --remote}). DIR is a directory only
 * the importer controls: {@code /run/pika-incus-locks} for root (and for everyone who runs incus under sudo, since
 * the lock is then taken under {@code sudo -n} too), else {@code $HOME/.cache/pika-incus-locks}. It is created
 * with mode 0700 and used only when it is a real directory owned by the lock taker with mode 0700; a symbolic link
 * in place of the lock file is refused, so nothing another account planted is ever opened or followed.
 *
 * <p>The holder is {@code sh} waiting on its stdin, so the lock is released when the run ends, fails or is killed.
 * It writes who holds it (pid, user, host, since) into the lock file; a waiter prints that, waits at most
 * {@code --lock-timeout} seconds and then fails naming the holder. On a normal release the holder deletes the lock
 * file while still holding it; a waiter whose file was deleted (not the same inode as its descriptor) opens the new
 * one and waits again, so no lock files pile up.
 */
final class AliasLock {
    /** Printed by the lock command once the lock is held. */
    static final String LOCKED = "pika-alias-lock: held";
    /** Printed by the lock command before it waits, followed by the holder's line. */
    static final String WAITING = "pika-alias-lock: waiting ";

    private static final String NOTE = "the alias lock, held (stdin open) until the alias has moved: concurrent "
            + "imports of one alias run one after the other";

    private AliasLock() {
    }

    /**
     * @param project the Incus project
     * @param alias   the image alias
     * @param remote  the Incus remote, or null
     * @return the lock file's name inside the lock dir
     */
    static String fileName(String project, String alias, String remote) {
        String key = project + "\n" + alias + (remote == null ? "" : "\n" + remote);
        return Hashes.sha256(key).substring(0, 16) + ".lock";
    }

    /** @return the shell script that takes the lock (see the class comment) */
    static String script(String fileName, int timeoutSeconds) {
        return "if [ \"$(id -u)\" = 0 ]; then d=/run/pika-incus-locks; else d=\"${HOME:?}/.cache/pika-incus-locks\"; fi; "
                + "umask 077; mkdir -p \"$d\" || exit 1; "
                + "if [ -L \"$d\" ] || [ ! -O \"$d\" ] || [ \"$(stat -c %a \"$d\")\" != 700 ]; then "
                + "echo \"pika-alias-lock: $d is not a directory of $(id -un) with mode 0700: not using it\" >&2; exit 1; fi; "
                + "f=\"$d/" + fileName + "\"; "
                + "while :; do "
                + "if [ -L \"$f\" ]; then echo \"pika-alias-lock: $f is a symbolic link: not opening it\" >&2; exit 1; fi; "
                + "exec 9>>\"$f\" || exit 1; "
                + "if ! flock -n 9; then echo \"" + WAITING + "$(head -c 200 \"$f\" | tr -d '\\n')\"; "
                + "flock -w " + timeoutSeconds + " 9 || { echo \"pika-alias-lock: still held after " + timeoutSeconds
                + " s by $(head -c 200 \"$f\" | tr -d '\\n') ($f)\" >&2; exit 1; }; fi; "
                + "[ \"$f\" -ef /proc/self/fd/9 ] && break; done; "
                + "printf 'pid %s, user %s on %s, since %s\\n' $$ \"$(id -un)\" \"$(uname -n)\" "
                + "\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" >\"$f\"; "
                + "echo '" + LOCKED + "'; cat >/dev/null; rm -f \"$f\"";
    }

    /**
     * Takes the lock on the machine {@code target} runs incus on.
     *
     * @param runner  runs (or records) the lock command
     * @param target  where incus runs (its sudo decision applies to the lock too)
     * @param project the project
     * @param alias   the alias
     * @param timeout seconds to wait for another holder
     * @param waiting told the holder's line when the lock is busy
     * @return the held lock
     */
    static Runner.Held take(Runner runner, Target target, String project, String alias, int timeout,
                            Consumer<String> waiting) {
        String script = script(fileName(project, alias, target.remote), timeout);
        List<String> words = new ArrayList<>(target.sudoWords("sh", "-c", script));
        Step step = target.command(words, NOTE, LOCKED);
        return runner.hold(step, LOCKED, line -> waiting.accept(line.startsWith(WAITING)
                ? Texts.printableBare(line.substring(WAITING.length())) : Texts.printableBare(line)));
    }
}
