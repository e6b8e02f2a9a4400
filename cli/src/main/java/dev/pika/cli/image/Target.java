package dev.pika.cli.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Where incus runs and which server it talks to: this machine or an ssh destination ({@code --remote-host}), and
 * the client's default server or an Incus remote ({@code --remote NAME}, reached over the Incus API).
 *
 * <p>Every incus command is {@code [sudo -n] INCUS SUBCOMMAND [flags] -- OPERANDS}: {@code sudo -n} never waits
 * for a password, and {@code --} keeps an operand from being read as an option. Over ssh the remote login shell
 * gets one word, {@code sh -c 'COMMAND'}, quoted for any shell ({@link ShellQuote#quoteAnyShell}), so a fish or
 * zsh login shell runs it exactly as sh would.
 */
final class Target {
    /** The ssh destination, or null for this machine. */
    final String host;
    /** The Incus remote, or null for the client's default server. */
    final String remote;
    private final SshSession ssh;
    private final String incusBin;
    /** Whether incus runs under {@code sudo -n} (decided by the workflow, {@code --sudo}). */
    boolean sudo;

    Target(String host, String remote, SshSession ssh, String incusBin) {
        this.host = host;
        this.remote = remote;
        this.ssh = ssh;
        this.incusBin = incusBin;
    }

    /** @return the client program */
    String incusBin() {
        return incusBin;
    }

    /** @return {@code REMOTE:name} with {@code --remote}, else {@code name} (an alias, fingerprint or API path) */
    String on(String name) {
        return remote == null ? name : remote + ":" + name;
    }

    /** @return the words that run {@code program} with sudo when decided */
    List<String> sudoWords(String... words) {
        List<String> w = new ArrayList<>();
        if (sudo) {
            w.addAll(List.of("sudo", "-n"));
        }
        w.addAll(List.of(words));
        return w;
    }

    /** An incus command, under sudo when decided, over ssh when remote (every word quoted). */
    Step incus(String note, String dryRunOutput, String... args) {
        List<String> words = new ArrayList<>();
        if (sudo) {
            words.addAll(List.of("sudo", "-n"));
        }
        words.add(incusBin);
        words.addAll(List.of(args));
        return command(words, note, dryRunOutput);
    }

    /** A simple command: run here as argv, or over ssh as its quoted words. */
    Step command(List<String> words, String note, String dryRunOutput) {
        if (host == null) {
            return new Step(words, note, dryRunOutput);
        }
        Step ssh = shell(ShellQuote.join(words), note, dryRunOutput);
        return new Step(ssh.argv(), note, dryRunOutput, words);
    }

    /** A remote shell command line (its values already quoted by the caller), run by {@code sh -c} there. */
    Step shell(String remoteCommand, String note, String dryRunOutput) {
        List<String> argv = new ArrayList<>();
        argv.add("ssh");
        argv.addAll(ssh.options());
        argv.add(host);
        argv.add("sh -c " + ShellQuote.quoteAnyShell(remoteCommand));
        return new Step(argv, note, dryRunOutput);
    }

    /** scp of local files (absolute paths) into a remote directory. */
    Step scp(List<String> files, String remoteDir) {
        List<String> argv = new ArrayList<>();
        argv.add("scp");
        argv.addAll(ssh.options());
        argv.addAll(files);
        argv.add(host + ":" + remoteDir);
        return new Step(argv, null, "");
    }
}
