package dev.pika.contract.model;

/**
 * When the host restarts a runtime ({@code RestartPolicy}, CONTRACT.md §4). JSON form: exact snake_case.
 */
public enum RestartPolicy implements WireValue {
    /** Never restart (the default). */
    NEVER("never"),
    /** Restart after a failure. */
    ON_FAILURE("on_failure"),
    /** Always restart. */
    ALWAYS("always");

    private final String wire;

    RestartPolicy(String wire) {
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
