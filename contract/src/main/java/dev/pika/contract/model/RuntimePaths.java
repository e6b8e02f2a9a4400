package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pika.contract.ContractConstants;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The guest paths of a runtime spec ({@code RuntimePaths}, CONTRACT.md §4, constants in §2).
 *
 * <p>JSON shape, in this field order (the reference flattens {@link RuntimeArtifactPaths} after
 * {@code state_dir}): <pre>{ "state_dir", "events_path", "status_path", "result_path", "guest_request_path",
 * "logs_dir", "guest_log_path", "artifacts_dir" }</pre> all strings, each defaulting to its canonical constant
 * when missing (or when null is passed to the constructor). Unknown fields are ignored.
 * {@link RuntimeSpec#validate()} checks them (rules 2 and 3).
 *
 * @param stateDir         the runtime state directory, {@code /run/pika-cloud} by default
 * @param eventsPath       {@code events.jsonl}
 * @param statusPath       {@code status.json}
 * @param resultPath       {@code result.json}
 * @param guestRequestPath {@code guest-request.json}
 * @param logsDir          the logs directory
 * @param guestLogPath     the guest log file
 * @param artifactsDir     the artifacts directory
 */
@Serde.Rust("RuntimePaths")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"state_dir", "events_path", "status_path", "result_path", "guest_request_path", "logs_dir",
        "guest_log_path", "artifacts_dir"})
public record RuntimePaths(
        @JsonProperty("state_dir") @JsonDeserialize(using = SerdeDefault.class) String stateDir,
        @JsonProperty("events_path") @JsonDeserialize(using = SerdeDefault.class) String eventsPath,
        @JsonProperty("status_path") @JsonDeserialize(using = SerdeDefault.class) String statusPath,
        @JsonProperty("result_path") @JsonDeserialize(using = SerdeDefault.class) String resultPath,
        @JsonProperty("guest_request_path") @JsonDeserialize(using = SerdeDefault.class) String guestRequestPath,
        @JsonProperty("logs_dir") @JsonDeserialize(using = SerdeDefault.class) String logsDir,
        @JsonProperty("guest_log_path") @JsonDeserialize(using = SerdeDefault.class) String guestLogPath,
        @JsonProperty("artifacts_dir") @JsonDeserialize(using = SerdeDefault.class) String artifactsDir) {

    /** Fills missing paths with the canonical constants. */
    public RuntimePaths {
        stateDir = stateDir != null ? stateDir : ContractConstants.RUNTIME_STATE_DIR;
        eventsPath = eventsPath != null ? eventsPath : ContractConstants.EVENTS_PATH;
        statusPath = statusPath != null ? statusPath : ContractConstants.STATUS_PATH;
        resultPath = resultPath != null ? resultPath : ContractConstants.RESULT_PATH;
        guestRequestPath = guestRequestPath != null ? guestRequestPath : ContractConstants.GUEST_REQUEST_PATH;
        logsDir = logsDir != null ? logsDir : ContractConstants.LOGS_DIR;
        guestLogPath = guestLogPath != null ? guestLogPath : ContractConstants.GUEST_LOG_PATH;
        artifactsDir = artifactsDir != null ? artifactsDir : ContractConstants.ARTIFACTS_DIR;
    }

    /** @return every path at its canonical constant ({@code RuntimePaths::default()}) */
    public static RuntimePaths defaults() {
        return new RuntimePaths(null, null, null, null, null, null, null, null);
    }

    /** @return the three lifecycle artifact paths (the reference's flattened {@code runtime_artifacts}) */
    public RuntimeArtifactPaths artifactPaths() {
        return new RuntimeArtifactPaths(eventsPath, statusPath, resultPath);
    }

    /**
     * @return field name (e.g. {@code status_path}) → value, in JSON field order; {@code state_dir} first
     */
    public Map<String, String> byField() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("state_dir", stateDir);
        m.put("events_path", eventsPath);
        m.put("status_path", statusPath);
        m.put("result_path", resultPath);
        m.put("guest_request_path", guestRequestPath);
        m.put("logs_dir", logsDir);
        m.put("guest_log_path", guestLogPath);
        m.put("artifacts_dir", artifactsDir);
        return m;
    }
}
