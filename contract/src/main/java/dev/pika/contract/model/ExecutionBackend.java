package dev.pika.contract.model;

/**
 * The backend of a remote Linux VM execution record ({@code RemoteLinuxVmBackend}, CONTRACT.md §6).
 */
public enum ExecutionBackend implements WireValue {
    /** Incus on Linux, the only backend. */
    INCUS("incus");

    private final String wire;

    ExecutionBackend(String wire) {
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
