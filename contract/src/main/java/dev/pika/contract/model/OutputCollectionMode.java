package dev.pika.contract.model;

/**
 * When the host collects a runtime's outputs ({@code OutputCollectionMode}, CONTRACT.md §4). JSON form:
 * exact snake_case.
 */
@Serde.Rust("OutputCollectionMode")
public enum OutputCollectionMode implements WireValue {
    /** Collect nothing. */
    NONE,
    /** Collect only when the runtime failed. */
    FAILURE_ONLY,
    /** Always collect (the default). */
    ALWAYS;

    @Override
    public String toString() {
        return wire();
    }
}
