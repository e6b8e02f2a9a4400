package dev.pika.contract.model;

/**
 * The {@code status} of a terminal result (CONTRACT.md §2). The legacy value {@code passed} was hard-cut:
 * it is not a member and is rejected by the decoder.
 */
@Serde.Rust("RuntimeTerminalStatus")
@Serde.Removed(value = "passed", hint = "the legacy value `passed` was renamed to `completed` (CONTRACT.md §2: "
        + "it was hard-cut, writers now stamp `completed` for exit code 0)")
public enum TerminalStatus implements WireValue {
    /** The guest command exited 0; the host maps it to run status <em>passed</em>. */
    COMPLETED,
    /** The guest command exited non-zero or could not run; the host maps it to <em>failed</em>. */
    FAILED;

    @Override
    public String toString() {
        return wire();
    }
}
