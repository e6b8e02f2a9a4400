package dev.pika.contract.model;

/**
 * How long the host keeps a runtime ({@code RetentionPolicy}, CONTRACT.md §4). JSON form: exact snake_case.
 */
public enum RetentionPolicy implements WireValue {
    /** Destroy the instance when it completes (the default). */
    DESTROY_ON_COMPLETION("destroy_on_completion"),
    /** Keep the instance until it is stopped. */
    KEEP_UNTIL_STOPPED("keep_until_stopped"),
    /** Keep the instance for debugging. */
    DEBUG_KEEP("debug_keep");

    private final String wire;

    RetentionPolicy(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
