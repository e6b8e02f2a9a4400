package dev.pika.contract.model;

/**
 * Access mode of a runtime mount ({@code RuntimeMountMode}, CONTRACT.md §4). JSON form: exact snake_case.
 */
public enum MountMode implements WireValue {
    /** The guest may only read; planned as a read-only virtiofs disk. */
    READ_ONLY("read_only"),
    /** The guest may read and write. */
    READ_WRITE("read_write");

    private final String wire;

    MountMode(String wire) {
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
