package dev.pika.contract.model;

/**
 * How long the host keeps a runtime ({@code RetentionPolicy}, CONTRACT.md §4). JSON form: exact snake_case.
 */
@Serde.Rust("RetentionPolicy")
public enum RetentionPolicy implements WireValue {
    /** Destroy the instance when it completes (the default). */
    DESTROY_ON_COMPLETION,
    /** Keep the instance until it is stopped. */
    KEEP_UNTIL_STOPPED,
    /** Keep the instance for debugging. */
    DEBUG_KEEP;

    @Override
    public String toString() {
        return wire();
    }
}
