package dev.pika.cli.image;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Clean-up actions (removing a remote or local temp dir) that must run exactly once: after success, after a
 * failure, or from the shutdown hook on SIGINT/SIGTERM, whichever comes first. Actions run in reverse order of
 * registration; a failing action does not stop the others.
 */
final class Cleanup {
    private final Deque<Runnable> actions = new ArrayDeque<>();

    /** Adds an action to run at the end. */
    synchronized void register(Runnable action) {
        actions.push(action);
    }

    /** Runs and forgets every registered action; later calls do nothing unless new actions were added. */
    synchronized void runAll() {
        running = true;
        try {
            runActions();
        } finally {
            running = false;
        }
    }

    /** @return whether clean-up actions are running now (the shutdown hook then does not kill their processes) */
    boolean running() {
        return running;
    }

    private volatile boolean running;

    private void runActions() {
        while (!actions.isEmpty()) {
            try {
                actions.pop().run();
            } catch (RuntimeException e) {
                // keep going: the other actions must still run; the failure was reported by the action itself
            }
        }
    }
}
