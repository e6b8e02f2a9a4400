package dev.pika.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for an observable event (a file appears, a pane shows a line, a process reaches a phase) instead of
 * sleeping a fixed time: polls a condition every 20 ms until it holds, and fails naming what never happened.
 */
public final class Await {
    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /**
     * @param what      the awaited event, for the failure message
     * @param limit     the longest wait
     * @param condition the event's test
     */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        value(what, limit, () -> condition.getAsBoolean() ? Boolean.TRUE : null, () -> "");
    }

    /**
     * Polls {@code probe} until it returns non-null.
     *
     * @param what   the awaited event
     * @param limit  the longest wait
     * @param probe  returns the value once the event happened, else null
     * @param state  describes the state seen last, for the failure message
     * @param <T>    the value's type
     * @return the first non-null value
     */
    public static <T> T value(String what, Duration limit, Supplier<T> probe, Supplier<String> state) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T v = probe.get();
            if (v != null) {
                return v;
            }
            if (System.nanoTime() > deadline) {
                String s = state.get();
                throw new AssertionError("waited " + limit.toMillis() + " ms for " + what + ", in vain"
                        + (s.isEmpty() ? "" : "; last seen:\n" + s));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
