package dev.pika.contract.model;

/**
 * The {@code status} of a terminal result (CONTRACT.md §2). The legacy value {@code passed} was hard-cut:
 * it is not a member and is rejected by the decoder.
 */
public enum TerminalStatus {
    /** The guest command exited 0; the host maps it to run status <em>passed</em>. */
    COMPLETED("completed"),
    /** The guest command exited non-zero or could not run; the host maps it to <em>failed</em>. */
    FAILED("failed");

    private final String wire;

    TerminalStatus(String wire) {
        this.wire = wire;
    }

    /** @return the exact JSON string, {@code completed} or {@code failed} */
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
