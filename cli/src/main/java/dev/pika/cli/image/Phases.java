package dev.pika.cli.image;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Numbered phases with elapsed time on stderr, e.g. {@code [3/6] nix build (remote pika-build) ... 41.2s}.
 * A line is printed when a phase starts and again with its duration when it ends; the tools' own output streams
 * between the two. Plain lines only (no animation, no colour), so logs and non-terminals read well.
 */
final class Phases {
    /**
     * A finished phase.
     *
     * @param number  1-based position
     * @param name    e.g. {@code nix build (remote pika-build)}
     * @param seconds wall-clock duration in seconds
     * @param toolSeconds of that, the seconds spent waiting for the tools (ssh, scp, nix, incus, git, tar); the
     *                    rest is pika's own overhead
     */
    record Timing(int number, String name, double seconds, double toolSeconds) {
        /** A phase without tool time accounting. */
        Timing(int number, String name, double seconds) {
            this(number, name, seconds, 0);
        }

        /** @return seconds not spent in tools: pika's own work (start-up is counted in the first phase) */
        double overheadSeconds() {
            return Math.max(0, seconds - toolSeconds);
        }
    }

    private final int total;
    private final PrintStream err;
    private final boolean quiet;
    private final LongSupplier nanos;
    private final List<Timing> done = new ArrayList<>();
    private int number;
    private String current;
    private long startedAt;
    private LongSupplier toolNanos = () -> 0;
    private long toolsAtStart;

    /** @param toolNanos the nanoseconds spent in tools so far (from the runner), for each phase's overhead */
    void toolClock(LongSupplier toolNanos) {
        this.toolNanos = toolNanos;
    }

    /**
     * @param total number of phases the operation has
     * @param err   stderr
     * @param quiet when true nothing is printed (timings are still kept)
     * @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    Phases(int total, PrintStream err, boolean quiet, LongSupplier nanos) {
        this.total = total;
        this.err = err;
        this.quiet = quiet;
        this.nanos = nanos;
    }

    /** Ends the current phase (if any) and starts the next one. */
    void begin(String name) {
        end();
        number++;
        current = name;
        startedAt = nanos.getAsLong();
        toolsAtStart = toolNanos.getAsLong();
        say(prefix() + " ...");
    }

    /** Ends the current phase, printing its duration; does nothing when none is running. */
    void end() {
        if (current == null) {
            return;
        }
        double s = (nanos.getAsLong() - startedAt) / 1e9;
        done.add(new Timing(number, current, s, (toolNanos.getAsLong() - toolsAtStart) / 1e9));
        say(prefix() + " ... " + String.format(Locale.ROOT, "%.1fs", s));
        current = null;
    }

    /** Prints an extra line under the current phase (indented), unless quiet. */
    void detail(String text) {
        say("      " + text);
    }

    /** @return the running phase as {@code [n/N] name}, or null */
    String label() {
        return current == null ? null : prefix();
    }

    /** @return the name of the running phase, or null */
    String current() {
        return current;
    }

    /** @return the finished phases, in order */
    List<Timing> timings() {
        return List.copyOf(done);
    }

    private String prefix() {
        return "[" + number + "/" + total + "] " + current;
    }

    /** Stops all further phase output (after a signal, the shutdown hook's line is the last one). */
    void silence() {
        silenced = true;
    }

    private volatile boolean silenced;

    private void say(String line) {
        if (!quiet && !silenced) {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }
    }
}
