package dev.pika.contract.model;

/**
 * Access mode of a runtime mount ({@code RuntimeMountMode}, CONTRACT.md §4). JSON form: exact snake_case.
 */
@Serde.Rust("RuntimeMountMode")
public enum MountMode implements WireValue {
    /** The guest may only read; planned as a read-only virtiofs disk. */
    READ_ONLY,
    /** The guest may read and write. */
    READ_WRITE;

    @Override
    public String toString() {
        return wire();
    }
}
