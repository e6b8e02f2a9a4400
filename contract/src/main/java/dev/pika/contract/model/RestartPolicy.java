package dev.pika.contract.model;

/**
 * When the host restarts a runtime ({@code RestartPolicy}, CONTRACT.md §4). JSON form: exact snake_case.
 */
@Serde.Rust("RestartPolicy")
public enum RestartPolicy implements WireValue {
    /** Never restart (the default). */
    NEVER,
    /** Restart after a failure. */
    ON_FAILURE,
    /** Always restart. */
    ALWAYS;

    @Override
    public String toString() {
        return wire();
    }
}
