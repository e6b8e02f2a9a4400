package dev.pika.contract.model;

/**
 * A timed phase of a remote Linux VM execution ({@code RemoteLinuxVmPhase}, CONTRACT.md §6). JSON form:
 * exact snake_case.
 */
public enum ExecutionPhase implements WireValue {
    /** Host directories are prepared. */
    PREPARE_DIRECTORIES("prepare_directories"),
    /** The workspace snapshot is staged. */
    STAGE_WORKSPACE_SNAPSHOT("stage_workspace_snapshot"),
    /** The runtime (instance, devices, request) is prepared. */
    PREPARE_RUNTIME("prepare_runtime"),
    /** The guest is launched. */
    LAUNCH_GUEST("launch_guest"),
    /** The host waits for the terminal result. */
    WAIT_FOR_COMPLETION("wait_for_completion"),
    /** Artifacts are collected. */
    COLLECT_ARTIFACTS("collect_artifacts");

    private final String wire;

    ExecutionPhase(String wire) {
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
