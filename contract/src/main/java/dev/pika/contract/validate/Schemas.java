package dev.pika.contract.validate;

import static dev.pika.contract.validate.Schema.ANY;
import static dev.pika.contract.validate.Schema.BOOL;
import static dev.pika.contract.validate.Schema.I32;
import static dev.pika.contract.validate.Schema.STRING;
import static dev.pika.contract.validate.Schema.U32;
import static dev.pika.contract.validate.Schema.U64;
import static dev.pika.contract.validate.Schema.U8;
import static dev.pika.contract.validate.Schema.defaulted;
import static dev.pika.contract.validate.Schema.enumOf;
import static dev.pika.contract.validate.Schema.optional;
import static dev.pika.contract.validate.Schema.required;
import static dev.pika.contract.validate.Schema.struct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contract's types as the reference decoder (serde) declares them: CONTRACT.md §2 (lifecycle documents),
 * §3 (guest run request), §4 (runtime spec and Incus plan), §5 (guest roles) and §6 (image and execution records).
 */
public final class Schemas {
    private Schemas() {
    }

    private static final String PASSED_HINT =
            "the legacy value `passed` was renamed to `completed` (CONTRACT.md §2: it was hard-cut, writers now "
                    + "stamp `completed` for exit code 0)";

    /** {@code RuntimeState}, snake_case (CONTRACT.md §2). */
    public static final Schema.Enum RUNTIME_STATE = new Schema.Enum("RuntimeState",
            List.of("requested", "provisioning", "booted", "unreachable", "stopped", "destroyed", "starting",
                    "ready", "failed", "completed"),
            Map.of("passed", "use `completed`: the legacy `passed` was hard-cut (CONTRACT.md §2)"));

    /** The terminal result's {@code status}: completed | failed. */
    public static final Schema.Enum TERMINAL_STATUS = new Schema.Enum("RuntimeTerminalStatus",
            List.of("completed", "failed"), Map.of("passed", PASSED_HINT));

    /** {@code LifecycleTerminalResult} ({@code result.json}). */
    public static final Schema.Obj TERMINAL_RESULT = struct("LifecycleTerminalResult").fields(
            required("schema_version", U32),
            required("status", TERMINAL_STATUS),
            required("finished_at", STRING),
            required("message", STRING),
            optional("exit_code", I32),
            optional("details", ANY)).build();

    /** {@code LifecycleStatus} ({@code status.json}). */
    public static final Schema.Obj LIFECYCLE_STATUS = struct("LifecycleStatus").fields(
            required("schema_version", U32),
            required("state", RUNTIME_STATE),
            required("updated_at", STRING),
            required("message", STRING),
            optional("boot_id", STRING),
            optional("details", ANY)).build();

    /** {@code LifecycleEvent} (one line of {@code events.jsonl}). */
    public static final Schema.Obj LIFECYCLE_EVENT = struct("LifecycleEvent").fields(
            required("schema_version", U32),
            required("seq", U64),
            required("timestamp", STRING),
            required("kind", RUNTIME_STATE),
            required("message", STRING),
            optional("boot_id", STRING),
            optional("details", ANY)).build();

    static final String V1_PATHS_HINT = "schema version 2 removed the host-supplied directories (workspace_dir, "
            + "cargo_home_dir, target_dir, xdg_state_home_dir, home_dir): the guest image owns those paths now "
            + "(/workspace/snapshot, /cargo-home, /cargo-target, /run/pika-cloud/xdg-state, /root for root, "
            + "/home/pikaci otherwise); drop the field and set schema_version to 2 (CONTRACT.md §3)";

    /** {@code IncusGuestRunRequest} v2 ({@code guest-request.json}); deny unknown fields. */
    public static final Schema.Obj GUEST_RUN_REQUEST = struct("IncusGuestRunRequest").fields(
            required("schema_version", U32),
            required("command", STRING),
            required("timeout_secs", U64),
            required("run_as_root", BOOL))
            .denyUnknownFields()
            .legacy("workspace_dir", V1_PATHS_HINT)
            .legacy("cargo_home_dir", V1_PATHS_HINT)
            .legacy("target_dir", V1_PATHS_HINT)
            .legacy("xdg_state_home_dir", V1_PATHS_HINT)
            .legacy("home_dir", V1_PATHS_HINT)
            .build();

    /** Mount kinds. */
    public static final Schema.Enum MOUNT_KIND = enumOf("RuntimeMountKind",
            "persistent_volume", "read_only_snapshot", "artifact_output", "cache");
    /** Mount modes. */
    public static final Schema.Enum MOUNT_MODE = enumOf("RuntimeMountMode", "read_only", "read_write");

    /** {@code RuntimeMount}. */
    public static final Schema.Obj RUNTIME_MOUNT = struct("RuntimeMount").fields(
            required("kind", MOUNT_KIND),
            required("guest_path", STRING),
            required("source", STRING),
            required("mode", MOUNT_MODE),
            defaulted("required", BOOL)).build();

    /** The field names of {@code RuntimePaths}, in declaration order. */
    public static final List<String> PATH_FIELDS = List.of("state_dir", "events_path", "status_path", "result_path",
            "guest_request_path", "logs_dir", "guest_log_path", "artifacts_dir");

    /** {@code RuntimePaths}: every field defaults to its canonical constant. */
    public static final Schema.Obj RUNTIME_PATHS;

    static {
        Schema.ObjBuilder b = struct("RuntimePaths");
        for (String f : PATH_FIELDS) {
            b.fields(defaulted(f, STRING));
        }
        RUNTIME_PATHS = b.build();
    }

    /** {@code OutputCollectionPolicy}. */
    public static final Schema.Obj OUTPUT_COLLECTION = struct("OutputCollectionPolicy").fields(
            required("mode", enumOf("OutputCollectionMode", "none", "failure_only", "always")),
            defaulted("include_logs", BOOL),
            defaulted("include_result", BOOL),
            defaulted("artifact_globs", new Schema.Array(STRING))).build();

    /** {@code RuntimePolicies}. */
    public static final Schema.Obj RUNTIME_POLICIES = struct("RuntimePolicies").fields(
            required("restart_policy", enumOf("RestartPolicy", "never", "on_failure", "always")),
            required("retention_policy", enumOf("RetentionPolicy",
                    "destroy_on_completion", "keep_until_stopped", "debug_keep")),
            defaulted("output_collection", OUTPUT_COLLECTION)).build();

    /** {@code RuntimeIdentity}. */
    public static final Schema.Obj RUNTIME_IDENTITY = struct("RuntimeIdentity").fields(
            required("runtime_id", STRING),
            required("instance_name", STRING)).build();

    /** {@code IncusRuntimeConfig}. */
    public static final Schema.Obj INCUS_CONFIG = struct("IncusRuntimeConfig").fields(
            required("project", STRING),
            required("profile", STRING),
            required("image_alias", STRING)).build();

    /** {@code RuntimeResources}. */
    public static final Schema.Obj RUNTIME_RESOURCES = struct("RuntimeResources").fields(
            optional("vcpu_count", U8),
            optional("memory_mib", U32),
            optional("root_disk_gib", U32)).build();

    /** {@code RuntimeSpec}. */
    public static final Schema.Obj RUNTIME_SPEC = struct("RuntimeSpec").fields(
            required("identity", RUNTIME_IDENTITY),
            required("incus", INCUS_CONFIG),
            defaulted("resources", RUNTIME_RESOURCES),
            defaulted("mounts", new Schema.Array(RUNTIME_MOUNT)),
            defaulted("paths", RUNTIME_PATHS),
            defaulted("policies", RUNTIME_POLICIES),
            optional("entry_command", STRING),
            defaulted("labels", new Schema.MapOf(STRING)),
            defaulted("metadata", new Schema.MapOf(ANY)))
            .tolerate("provider")
            .legacy("bootstrap", "`bootstrap` was removed: move `bootstrap.entry_command` to the top-level "
                    + "`entry_command`; `bootstrap.guest_request_path` is now `paths.guest_request_path` "
                    + "(CONTRACT.md §4)")
            .legacy("lifecycle_root", "`lifecycle_root` was removed: the lifecycle directory is "
                    + "`paths.state_dir` (default /run/pika-cloud) (CONTRACT.md §4)")
            .build();

    /** A mount of the Incus plan (serialized by the reference; CONTRACT.md §4). */
    public static final Schema.Obj PLANNED_MOUNT = struct("IncusPlannedMount").fields(
            required("kind", MOUNT_KIND),
            required("source", STRING),
            required("guest_path", STRING),
            required("device_name", STRING),
            required("read_only", BOOL),
            optional("io_bus", STRING),
            defaulted("required", BOOL)).build();

    /** The Incus runtime plan derived from a spec. */
    public static final Schema.Obj INCUS_RUNTIME_PLAN = struct("IncusRuntimePlan").fields(
            required("identity", RUNTIME_IDENTITY),
            required("incus", INCUS_CONFIG),
            defaulted("resources", RUNTIME_RESOURCES),
            defaulted("paths", RUNTIME_PATHS),
            defaulted("policies", RUNTIME_POLICIES),
            optional("entry_command", STRING),
            defaulted("mounts", new Schema.Array(PLANNED_MOUNT)),
            defaulted("labels", new Schema.MapOf(STRING)),
            defaulted("metadata", new Schema.MapOf(ANY))).build();

    /** {@code RuntimeArtifactPaths} (host-side view of the canonical lifecycle files). */
    public static final Schema.Obj RUNTIME_ARTIFACT_PATHS = struct("RuntimeArtifactPaths").fields(
            required("events_path", STRING),
            required("status_path", STRING),
            required("result_path", STRING)).build();

    /** {@code IncusGuestRole}: the kebab-case role id (CONTRACT.md §5). */
    public static final Schema.Enum GUEST_ROLE = enumOf("IncusGuestRole", "managed-openclaw", "pikaci-runner");

    /** {@code RemoteLinuxVmImageRecord} (CONTRACT.md §6); {@code role} is accepted as an alias of guest_role. */
    public static final Schema.Obj IMAGE_RECORD = struct("RemoteLinuxVmImageRecord").fields(
            new Schema.Field("guest_role", GUEST_ROLE, Schema.Presence.OPTIONAL_DEFAULTED, List.of("role")),
            required("project", STRING),
            required("alias", STRING),
            new Schema.Field("fingerprint", STRING, Schema.Presence.OPTIONAL_DEFAULTED, List.of())).build();

    /** Execution phases. */
    public static final Schema.Enum EXECUTION_PHASE = enumOf("RemoteLinuxVmPhase", "prepare_directories",
            "stage_workspace_snapshot", "prepare_runtime", "launch_guest", "wait_for_completion",
            "collect_artifacts");

    /** {@code RemoteLinuxVmExecutionRecord} (CONTRACT.md §6). */
    public static final Schema.Obj EXECUTION_RECORD = struct("RemoteLinuxVmExecutionRecord").fields(
            required("backend", enumOf("RemoteLinuxVmBackend", "incus")),
            new Schema.Field("incus_image", IMAGE_RECORD, Schema.Presence.OPTIONAL_DEFAULTED, List.of()),
            defaulted("phases", new Schema.Array(struct("RemoteLinuxVmPhaseRecord").fields(
                    required("phase", EXECUTION_PHASE),
                    required("started_at", STRING),
                    required("finished_at", STRING),
                    required("duration_ms", U64)).build()))).build();

    /**
     * Every named contract type, by the name the upstream tests use (the {@code contract_type} of the fixture
     * index), for tests and tools that check one type in isolation.
     */
    public static final Map<String, Schema.Type> BY_CONTRACT_TYPE;

    static {
        Map<String, Schema.Type> m = new LinkedHashMap<>();
        m.put("LifecycleTerminalResult", TERMINAL_RESULT);
        m.put("LifecycleStatus", LIFECYCLE_STATUS);
        m.put("LifecycleEvent", LIFECYCLE_EVENT);
        m.put("IncusGuestRunRequest", GUEST_RUN_REQUEST);
        m.put("RuntimeSpec", RUNTIME_SPEC);
        m.put("RuntimeMount", RUNTIME_MOUNT);
        m.put("RuntimePaths", RUNTIME_PATHS);
        m.put("RuntimePolicies", RUNTIME_POLICIES);
        m.put("OutputCollectionPolicy", OUTPUT_COLLECTION);
        m.put("IncusMountPlan", PLANNED_MOUNT);
        m.put("IncusRuntimePlan", INCUS_RUNTIME_PLAN);
        m.put("RuntimeArtifactPaths", RUNTIME_ARTIFACT_PATHS);
        m.put("IncusGuestRole", GUEST_ROLE);
        m.put("RemoteLinuxVmImageRecord", IMAGE_RECORD);
        m.put("RemoteLinuxVmExecutionRecord", EXECUTION_RECORD);
        BY_CONTRACT_TYPE = java.util.Collections.unmodifiableMap(m);
    }
}
