package dev.pika.contract.model;

/**
 * Lifecycle state of a runtime: the {@code state} of a status snapshot and the {@code kind} of a lifecycle event
 * ({@code RuntimeState}, CONTRACT.md §2). JSON form: the exact snake_case {@link #wire()} string.
 */
@Serde.Rust("RuntimeState")
@Serde.Removed(value = "passed", hint = "use `completed`: the legacy `passed` was hard-cut (CONTRACT.md §2)")
public enum RuntimeState implements WireValue {
    /** The runtime was requested but not yet provisioned. */
    REQUESTED,
    /** The host is creating the instance. */
    PROVISIONING,
    /** The guest booted. */
    BOOTED,
    /** The host cannot reach the guest. */
    UNREACHABLE,
    /** The instance stopped. */
    STOPPED,
    /** The instance was destroyed. */
    DESTROYED,
    /** The guest is launching its command or service. */
    STARTING,
    /** The guest declared readiness. */
    READY,
    /** Terminal: the guest command failed. */
    FAILED,
    /** Terminal: the guest command completed. */
    COMPLETED;

    /** @return true for {@link #COMPLETED} and {@link #FAILED}, the states a terminal result reports */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    @Override
    public String toString() {
        return wire();
    }
}
