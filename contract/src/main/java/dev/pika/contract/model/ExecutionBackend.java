package dev.pika.contract.model;

/**
 * The backend of a remote Linux VM execution record ({@code RemoteLinuxVmBackend}, CONTRACT.md §6).
 */
@Serde.Rust("RemoteLinuxVmBackend")
public enum ExecutionBackend implements WireValue {
    /** Incus on Linux, the only backend. */
    INCUS;

    @Override
    public String toString() {
        return wire();
    }
}
