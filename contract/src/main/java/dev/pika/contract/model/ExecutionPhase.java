package dev.pika.contract.model;

/**
 * A timed phase of a remote Linux VM execution ({@code RemoteLinuxVmPhase}, CONTRACT.md §6). JSON form:
 * exact snake_case.
 */
@Serde.Rust("RemoteLinuxVmPhase")
public enum ExecutionPhase implements WireValue {
    /** Host directories are prepared. */
    PREPARE_DIRECTORIES,
    /** The workspace snapshot is staged. */
    STAGE_WORKSPACE_SNAPSHOT,
    /** The runtime (instance, devices, request) is prepared. */
    PREPARE_RUNTIME,
    /** The guest is launched. */
    LAUNCH_GUEST,
    /** The host waits for the terminal result. */
    WAIT_FOR_COMPLETION,
    /** Artifacts are collected. */
    COLLECT_ARTIFACTS;

    @Override
    public String toString() {
        return wire();
    }
}
