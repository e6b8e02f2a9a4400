package dev.pika.contract.model;

/**
 * What a runtime mount is for ({@code RuntimeMountKind}, CONTRACT.md §4). JSON form: the exact snake_case
 * {@link #wire()} string; {@link #label()} is the short label the Incus plan uses in device names.
 */
@Serde.Rust("RuntimeMountKind")
public enum MountKind implements WireValue {
    /** A volume that outlives the runtime (label {@code persist}). */
    PERSISTENT_VOLUME,
    /** A read-only snapshot, e.g. of the workspace (label {@code snapshot}). */
    READ_ONLY_SNAPSHOT,
    /** A directory the guest writes artifacts into (label {@code artifact}). */
    ARTIFACT_OUTPUT,
    /** A cache shared between runs (label {@code cache}). */
    CACHE;

    /**
     * The kind label of the Incus plan's device names (CONTRACT.md §4).
     *
     * @return {@code persist}, {@code snapshot}, {@code artifact} or {@code cache}
     */
    public String label() {
        switch (this) {
            case PERSISTENT_VOLUME:
                return "persist";
            case READ_ONLY_SNAPSHOT:
                return "snapshot";
            case ARTIFACT_OUTPUT:
                return "artifact";
            default:
                return "cache";
        }
    }

    @Override
    public String toString() {
        return wire();
    }
}
