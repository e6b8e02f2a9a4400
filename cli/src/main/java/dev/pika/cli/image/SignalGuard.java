package dev.pika.cli.image;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * SIGINT/SIGTERM during a real run: a JVM shutdown hook stops the running tools (and their children), runs the
 * clean-up, and prints the last stderr line ({@code NAME: stopped by a signal in phase "…"; temp dirs removed; …});
 * the JVM then exits 130 (SIGINT) or 143 (SIGTERM).
 *
 * <p>The tools get the signal too (Ctrl-C goes to the whole process group) and may die before the JVM runs the
 * hook; the main thread then sees a failing tool. {@link #settle()} makes it wait briefly for the hook before it
 * reports a failure, so the exit code is always 130/143 and the signal line always last.
 */
final class SignalGuard implements AutoCloseable {
    /** How long a failure waits for a signal that may be on its way (ms). */
    static final long SETTLE_MILLIS = 500;

    private final Thread hook;
    private volatile boolean signalled;

    /**
     * @param name      the program name for the last line
     * @param runner    the tools to stop
     * @param phases    the phases (silenced once stopped)
     * @param cleanup   the clean-up to run
     * @param err       stderr
     * @param aliasText what happened to the alias, for the last line
     */
    SignalGuard(String name, ProcessRunner runner, Phases phases, Cleanup cleanup, PrintStream err,
                Supplier<String> aliasText) {
        hook = new Thread(() -> {
            signalled = true;
            String phase = phases.current();
            phases.silence();
            if (!cleanup.running()) {
                runner.killAll();
            }
            cleanup.runAll();
            err.println(name + ": stopped by a signal" + (phase == null ? "" : " in phase \"" + phase + "\"")
                    + "; temp dirs removed; " + aliasText.get());
            err.flush();
        }, "pika-image-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * After a failure: when a signal came (or comes within {@link #SETTLE_MILLIS}), waits for the JVM to exit with
     * 130/143 and never returns; otherwise returns and the failure is reported.
     */
    void settle() {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        while (!signalled && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        awaitExitIfSignalled();
    }

    /** When signalled: waits for the hook and the JVM's exit (130/143); the hook prints the last line. */
    void awaitExitIfSignalled() {
        if (!signalled) {
            return;
        }
        try {
            hook.join();
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran: nothing left to do here
        }
    }
}
