package dev.pika.cli.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ssh and scp options of one run, and its one shared connection.
 *
 * <p>Options, in this order (ssh takes the first value of an option, so an earlier one wins):
 * <ol>
 *   <li>the user's {@code --ssh-option KEY=VALUE} words ({@code -o KEY=VALUE}), so each default below can be
 *       overridden;</li>
 *   <li>{@code -F FILE} ({@code --ssh-config}) and {@code -i $PIKA_BUILD_SSH_KEY} (the reference's);</li>
 *   <li>{@code BatchMode=yes} (never a password prompt that would hang), {@code ConnectTimeout=10} (also bounds
 *       the banner exchange), {@code ServerAliveInterval=10} and {@code ServerAliveCountMax=3} (a dead peer is
 *       noticed within about 30 s);</li>
 *   <li>{@code StrictHostKeyChecking=accept-new} (the reference's) only when {@code ssh -G} shows that neither
 *       the user's config nor an {@code --ssh-option} chose a policy (ssh's default {@code ask}): a stricter
 *       {@code StrictHostKeyChecking yes} in the config is never overridden;</li>
 *   <li>{@code ControlMaster=no} and {@code ControlPath=DIR/cm}: every command shares the connection of one
 *       master ({@code ssh -f -N -o ControlMaster=yes}, started in the first phase) through a socket in a private
 *       0700 temp dir; the master is stopped ({@code ssh -O exit}) at the end, also after failures and signals.
 *       Should the master be gone, a command simply opens its own connection.</li>
 * </ol>
 */
final class SshSession {
    /** Seconds for the TCP connect and the ssh banner exchange. */
    static final int CONNECT_TIMEOUT = 10;
    /** Seconds between keep-alive probes; three unanswered ones end the connection. */
    static final int ALIVE_INTERVAL = 10;
    /** The master's idle time before it exits on its own (a safety net when this process is SIGKILLed). */
    static final int PERSIST_SECONDS = 120;
    /** How the private socket dir is shown in a dry run. */
    static final String DIR_TEMPLATE = "/tmp/pika-ssh.XXXXXX";

    private final List<String> userOptions;
    private final String config;
    private final String key;
    private boolean acceptNew = true;
    private String controlPath;

    /**
     * @param userOptions {@code --ssh-option} values, {@code KEY=VALUE} each
     * @param config      {@code --ssh-config FILE}, or null
     * @param key         {@code PIKA_BUILD_SSH_KEY}, or null
     */
    SshSession(List<String> userOptions, String config, String key) {
        this.userOptions = List.copyOf(userOptions);
        this.config = config;
        this.key = key == null || key.isEmpty() ? null : key;
    }

    /** The options chosen by the user: {@code -o} words, {@code -F}, {@code -i}. */
    private List<String> userWords() {
        List<String> o = new ArrayList<>();
        for (String u : userOptions) {
            o.add("-o");
            o.add(u);
        }
        if (config != null) {
            o.add("-F");
            o.add(config);
        }
        if (key != null) {
            o.add("-i");
            o.add(key);
        }
        return o;
    }

    private List<String> baseWords() {
        List<String> o = userWords();
        for (String d : List.of("BatchMode=yes", "ConnectTimeout=" + CONNECT_TIMEOUT,
                "ServerAliveInterval=" + ALIVE_INTERVAL, "ServerAliveCountMax=3")) {
            o.add("-o");
            o.add(d);
        }
        if (acceptNew) {
            o.add("-o");
            o.add("StrictHostKeyChecking=accept-new");
        }
        return o;
    }

    /** @return the options of every ssh and scp command (after {@link #started}: through the shared connection) */
    List<String> options() {
        List<String> o = baseWords();
        if (controlPath != null) {
            o.addAll(List.of("-o", "ControlMaster=no", "-o", "ControlPath=" + controlPath));
        }
        return o;
    }

    /** @return {@code ssh -G [user options] HOST}: the configuration ssh would use, to find the host key policy */
    Step probe(String host) {
        List<String> argv = new ArrayList<>(List.of("ssh", "-G"));
        argv.addAll(userWords());
        argv.add(host);
        return new Step(argv, "the host key policy of your ssh config: StrictHostKeyChecking=accept-new is added "
                + "only when it sets none", "stricthostkeychecking ask\n");
    }

    /** Reads {@code ssh -G}'s answer: a policy other than ssh's default {@code ask} is the user's, and kept. */
    void decide(String sshG) {
        for (String line : sshG.split("\n")) {
            String[] kv = line.strip().split("\\s+", 2);
            if (kv.length == 2 && kv[0].toLowerCase(Locale.ROOT).equals("stricthostkeychecking")) {
                acceptNew = kv[1].strip().equalsIgnoreCase("ask");
            }
        }
    }

    /** @return whether {@code StrictHostKeyChecking=accept-new} is added */
    boolean acceptNew() {
        return acceptNew;
    }

    /**
     * @param dir  the private 0700 dir of the control socket
     * @param host the ssh destination
     * @return the master: authenticates, then goes to the background ({@code -f}) holding the connection
     */
    Step master(String dir, String host) {
        List<String> argv = new ArrayList<>(List.of("ssh"));
        argv.addAll(baseWords());
        argv.addAll(List.of("-o", "ControlMaster=yes", "-o", "ControlPath=" + dir + "/cm", "-o",
                "ControlPersist=" + PERSIST_SECONDS, "-f", "-N", host));
        return new Step(argv, "one shared connection for the whole run (ssh -O exit closes it at the end)", "");
    }

    /** Every later ssh/scp goes through the master's socket in {@code dir}. */
    void started(String dir) {
        controlPath = dir + "/cm";
    }

    /** @return {@code ssh -O exit}: stops the master, or null when none was started */
    Step exit(String host) {
        if (controlPath == null) {
            return null;
        }
        return new Step(List.of("ssh", "-o", "ControlPath=" + controlPath, "-O", "exit", host),
                "cleanup: closes the shared connection", "");
    }
}
