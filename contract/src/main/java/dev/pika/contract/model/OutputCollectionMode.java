package dev.pika.contract.model;

/**
 * When the host collects a runtime's outputs ({@code OutputCollectionMode}, CONTRACT.md §4). JSON form:
 * exact snake_case.
 */
public enum OutputCollectionMode implements WireValue {
    /** Collect nothing. */
    NONE("none"),
    /** Collect only when the runtime failed. */
    FAILURE_ONLY("failure_only"),
    /** Always collect (the default). */
    ALWAYS("always");

    private final String wire;

    OutputCollectionMode(String wire) {
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
