package dev.pika.cli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pika.testkit.Proc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A detached tmux session on a private server socket, for driving interactive programs as a person would:
 * {@link #send} keys, {@link #await} what the pane shows.
 */
public final class Tmux implements AutoCloseable {
    private static final java.util.concurrent.atomic.AtomicInteger SERVERS = new java.util.concurrent.atomic.AtomicInteger();
    private final Path socket;
    private final String session = "t";

    /**
     * Starts {@code command} (run by {@code sh -c}) in a 100x30 pane that stays open after it exits.
     *
     * @param dir     a private directory for the server socket
     * @param env     variables for the command
     * @param command the shell command line
     */
    public Tmux(Path dir, Map<String, String> env, String command) {
        this.socket = dir.resolve("tmux-" + SERVERS.incrementAndGet() + ".sock"); // one server per session
        List<String> argv = new ArrayList<>(List.of("tmux", "-S", socket.toString(), "-f", "/dev/null",
                "new-session", "-d", "-s", session, "-x", "100", "-y", "30"));
        for (var e : env.entrySet()) {
            argv.add("-e");
            argv.add(e.getKey() + "=" + e.getValue());
        }
        argv.add(command);
        // tmux gives the first command the client's PATH, whatever -e says: run the client with the same variables
        Proc.Result r = Proc.of(argv).env(env).cwd(dir).outputToFiles().run();
        assertEquals(0, r.exit(), "tmux new-session failed: " + r.err());
        tmux("set-option", "-t", session, "remain-on-exit", "on");
    }

    private Proc.Result tmux(String... args) {
        List<String> argv = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        argv.addAll(List.of(args));
        return Proc.of(argv).outputToFiles().run();
    }

    /**
     * Sends keys: literal text, or tmux key names when {@code keys} is true ({@code Tab}, {@code Enter}, {@code C-c}).
     *
     * @param literal whether the text is typed literally
     * @param text    the text or key names
     */
    public void send(boolean literal, String... text) {
        List<String> argv = new ArrayList<>(List.of("send-keys", "-t", session));
        if (literal) {
            argv.add("-l");
        }
        argv.add("--");
        argv.addAll(List.of(text));
        Proc.Result r = tmux(argv.toArray(String[]::new));
        assertEquals(0, r.exit(), "tmux send-keys failed: " + r.err());
    }

    /** Types text literally. */
    public void type(String text) {
        send(true, text);
    }

    /** Presses keys by tmux name, e.g. {@code Tab}, {@code Enter}, {@code C-c}, {@code C-d}. */
    public void keys(String... names) {
        send(false, names);
    }

    /** @return the visible pane text, trailing spaces trimmed */
    public String capture() {
        Proc.Result r = tmux("capture-pane", "-p", "-t", session);
        return r.out().replaceAll("(?m)[ \t]+$", "");
    }

    /** @return the visible pane with its colours and attributes as escape sequences ({@code capture-pane -e}) */
    public String captureWithEscapes() {
        return tmux("capture-pane", "-e", "-p", "-t", session).out();
    }

    /**
     * Waits (up to 30 s, polling) until the pane satisfies a condition, and returns it; fails with the pane shown.
     *
     * @param what      what is awaited, for the failure message
     * @param condition the condition on the pane text
     * @return the pane text
     */
    public String await(String what, Predicate<String> condition) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String pane = capture();
        while (!condition.test(pane)) {
            if (System.nanoTime() > deadline) {
                fail("the terminal never showed " + what + "; the pane was:\n" + pane);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pane = capture();
        }
        return pane;
    }

    /** Waits until the pane contains {@code text}. */
    public String awaitText(String text) {
        return await("\"" + text + "\"", p -> p.contains(text));
    }

    @Override
    public void close() {
        tmux("kill-server");
    }
}
