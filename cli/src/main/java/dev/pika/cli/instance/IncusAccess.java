package dev.pika.cli.instance;

import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.cli.image.ShellQuote;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/**
 * Where incus runs for {@code pika instance}, with the image commands' choices (docs/incus-role-image.md): on an
 * ssh destination ({@code --remote-host}, the default {@code pika-build}), on this machine ({@code --local}), or
 * through an Incus remote from this machine ({@code --remote NAME}); {@code --incus-bin} (or
 * {@code PIKA_INCUS_BIN}) picks the client; {@code --sudo} runs it under {@code sudo -n}.
 *
 * <p>Over ssh the remote login shell gets one word, {@code sh -c 'COMMAND'} ({@link ShellQuote#quoteAnyShell}), with
 * {@code -i $PIKA_BUILD_SSH_KEY}, {@code BatchMode=yes} (never a password prompt), {@code ConnectTimeout=10} and
 * {@code StrictHostKeyChecking=accept-new} after the user's {@code --ssh-option}s (ssh takes an option's first
 * value, so the user's win). Each command is bounded by {@link #TIMEOUT}; stdin is {@code /dev/null}.
 */
final class IncusAccess {
    /** The most one incus command may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The most bytes kept of one command's stdout (a lifecycle file larger than this is reported as such). */
    static final int MAX_OUTPUT = 16 << 20;

    @Option(names = "--project", paramLabel = "PROJECT", defaultValue = "pika-managed-agents",
            description = "Incus project (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = "--remote", paramLabel = "NAME",
            description = "An Incus remote (`incus remote list`), reached over the Incus API from this machine "
                + "(no ssh).")
    String remote;

    @Option(names = "--remote-host", paramLabel = "HOST", defaultValue = "pika-build",
            description = "The ssh destination that runs incus (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--local", description = "Run incus on this machine, no ssh.")
    boolean local;

    @Option(names = "--incus-bin", paramLabel = "PROGRAM",
            description = "The Incus client (default: $PIKA_INCUS_BIN or incus; LXD's is lxc).")
    String incusBin;

    @Option(names = "--sudo", paramLabel = "WHEN", defaultValue = "auto",
            description = "auto (sudo -n when the user running incus is not root; never with --remote), always "
                + "or never (default: ${DEFAULT-VALUE}).")
    Sudo sudo = Sudo.auto;

    @Option(names = "--ssh-option", paramLabel = "KEY=VALUE",
            description = "An ssh option (-o KEY=VALUE), before pika's own so it wins (repeatable).")
    List<String> sshOptions = new ArrayList<>();

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "An ssh config file (-F).")
    String sshConfig;

    /** {@code --sudo} values. */
    enum Sudo {
        /** sudo -n when the user running incus is not root. */
        auto,
        /** always sudo -n. */
        always,
        /** never sudo. */
        never
    }

    private Map<String, String> env = System.getenv();
    private Boolean useSudo;

    /**
     * The output of one command.
     *
     * @param exit   the exit code
     * @param stdout the bytes it wrote (at most {@link #MAX_OUTPUT})
     * @param stderr its stderr, trimmed
     */
    record Result(int exit, byte[] stdout, String stderr) {
        boolean ok() {
            return exit == 0;
        }

        String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** @return incus's error without its {@code Error: } prefix */
        String error() {
            String e = stderr.startsWith("Error: ") ? stderr.substring("Error: ".length()) : stderr;
            return e.isEmpty() ? "exit code " + exit : e;
        }
    }

    /** @return {@code REMOTE:name} with {@code --remote}, else {@code name} */
    String on(String name) {
        return remote == null ? name : remote + ":" + name;
    }

    /** @return where incus runs, for messages: {@code this machine}, {@code remote R}, {@code HOST} */
    String where() {
        return remote != null ? "remote " + remote : local ? "this machine" : host;
    }

    /**
     * Runs {@code incus ARGS}.
     *
     * @param args the incus arguments
     * @return what it printed and its exit code
     * @throws UserException (exit 1) when it cannot be started or takes longer than {@link #TIMEOUT}
     */
    Result incus(String... args) {
        List<String> words = new ArrayList<>();
        if (sudo()) {
            words.addAll(List.of("sudo", "-n"));
        }
        words.add(incusBin != null ? incusBin : env.getOrDefault("PIKA_INCUS_BIN", "incus"));
        words.addAll(List.of(args));
        return run(words);
    }

    private synchronized boolean sudo() {
        if (useSudo == null) {
            useSudo = switch (sudo) {
                case always -> true;
                case never -> false;
                case auto -> remote == null && !"0".equals(run(List.of("id", "-u")).text().strip());
            };
        }
        return useSudo;
    }

    private Result run(List<String> words) {
        List<String> argv = words;
        if (remote == null && !local) {
            argv = new ArrayList<>(List.of("ssh"));
            for (String o : sshOptions) {
                argv.addAll(List.of("-o", o));
            }
            if (sshConfig != null) {
                argv.addAll(List.of("-F", sshConfig));
            }
            String key = env.get("PIKA_BUILD_SSH_KEY");
            if (key != null && !key.isEmpty()) {
                argv.addAll(List.of("-i", key));
            }
            argv.addAll(List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-o",
                    "StrictHostKeyChecking=accept-new", host, "sh -c " + ShellQuote.quoteAnyShell(
                            ShellQuote.join(words))));
        }
        Process p;
        try {
            p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UserException(ExitCodes.FAILURE, "cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
        try {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errPump = new Thread(() -> copy(p.getErrorStream(), err, 64 << 10), "pika-incus-stderr");
            errPump.setDaemon(true);
            errPump.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread outPump = new Thread(() -> copy(p.getInputStream(), out, MAX_OUTPUT), "pika-incus-stdout");
            outPump.setDaemon(true);
            outPump.start();
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new UserException(ExitCodes.FAILURE, String.join(" ", words) + " took longer than "
                        + TIMEOUT.toSeconds() + " s on " + where() + ": stopped");
            }
            outPump.join();
            errPump.join();
            return new Result(p.exitValue(), out.toByteArray(), err.toString(StandardCharsets.UTF_8).strip());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UserException(ExitCodes.INTERRUPTED, "interrupted while running " + argv.get(0), e);
        }
    }

    /** Copies at most {@code max} bytes, then drains the rest so the child never blocks on a full pipe. */
    private static void copy(InputStream in, ByteArrayOutputStream out, int max) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                int keep = Math.min(n, max - out.size());
                if (keep > 0) {
                    out.write(buf, 0, keep);
                }
            }
        } catch (IOException e) {
            // the child closed its end: what was read is kept
        }
    }
}
