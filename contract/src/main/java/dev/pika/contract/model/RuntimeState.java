package dev.pika.contract.model;

/**
 * Lifecycle state of a runtime: the {@code state} of a status snapshot and the {@code kind} of a lifecycle event
 * ({@code RuntimeState}, CONTRACT.md §2). JSON form: the exact snake_case {@link #wire()} string.
 */
public enum RuntimeState implements WireValue {
    /** The runtime was requested but not yet provisioned. */
    REQUESTED("requested"),
    /** The host is creating the instance. */
    PROVISIONING("provisioning"),
    /** The guest booted. */
    BOOTED("booted"),
    /** The host cannot reach the guest. */
    UNREACHABLE("unreachable"),
    /** The instance stopped. */
    STOPPED("stopped"),
    /** The instance was destroyed. */
    DESTROYED("destroyed"),
    /** The guest is launching its command or service. */
    STARTING("starting"),
    /** The guest declared readiness. */
    READY("ready"),
    /** Terminal: the guest command failed. */
    FAILED("failed"),
    /** Terminal: the guest command completed. */
    COMPLETED("completed");

    private final String wire;

    RuntimeState(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** @return true for {@link #COMPLETED} and {@link #FAILED}, the states a terminal result reports */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    @Override
    public String toString() {
        return wire;
    }
}
