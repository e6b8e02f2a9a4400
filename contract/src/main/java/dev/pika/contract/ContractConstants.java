package dev.pika.contract;

/**
 * Schema versions and canonical guest paths of the contract (CONTRACT.md §2 "Canonical guest paths", §3).
 */
public final class ContractConstants {
    private ContractConstants() {
    }

    /** {@code LIFECYCLE_SCHEMA_VERSION}: stamped on result, status and event documents. */
    public static final int LIFECYCLE_SCHEMA_VERSION = 1;
    /** {@code INCUS_GUEST_RUN_REQUEST_SCHEMA_VERSION}: the only request version the guest accepts. */
    public static final int INCUS_GUEST_RUN_REQUEST_SCHEMA_VERSION = 2;

    /** {@code RUNTIME_STATE_DIR}. */
    public static final String RUNTIME_STATE_DIR = "/run/pika-cloud";
    /** {@code EVENTS_PATH}. */
    public static final String EVENTS_PATH = RUNTIME_STATE_DIR + "/events.jsonl";
    /** {@code STATUS_PATH}. */
    public static final String STATUS_PATH = RUNTIME_STATE_DIR + "/status.json";
    /** {@code RESULT_PATH}. */
    public static final String RESULT_PATH = RUNTIME_STATE_DIR + "/result.json";
    /** {@code GUEST_REQUEST_PATH}. */
    public static final String GUEST_REQUEST_PATH = RUNTIME_STATE_DIR + "/guest-request.json";
    /** {@code LOGS_DIR}. */
    public static final String LOGS_DIR = RUNTIME_STATE_DIR + "/logs";
    /** {@code GUEST_LOG_PATH}. */
    public static final String GUEST_LOG_PATH = LOGS_DIR + "/guest.log";
    /** {@code ARTIFACTS_DIR}. */
    public static final String ARTIFACTS_DIR = RUNTIME_STATE_DIR + "/artifacts";
}
