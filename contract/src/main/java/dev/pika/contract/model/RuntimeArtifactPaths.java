package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pika.contract.ContractConstants;
import java.util.ArrayList;
import java.util.List;

/**
 * The three lifecycle artifact paths ({@code RuntimeArtifactPaths}, CONTRACT.md §2 "Canonical guest paths").
 *
 * <p>JSON shape, in this field order: <pre>{ "events_path": string, "status_path": string,
 * "result_path": string }</pre> Each field defaults to its canonical constant when missing (or when null is
 * passed to the constructor). Unknown fields are ignored.
 *
 * @param eventsPath guest path of {@code events.jsonl}
 * @param statusPath guest path of {@code status.json}
 * @param resultPath guest path of {@code result.json}
 */
@Serde.Rust("RuntimeArtifactPaths")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"events_path", "status_path", "result_path"})
public record RuntimeArtifactPaths(
        @JsonProperty("events_path") @JsonDeserialize(using = SerdeDefault.class) String eventsPath,
        @JsonProperty("status_path") @JsonDeserialize(using = SerdeDefault.class) String statusPath,
        @JsonProperty("result_path") @JsonDeserialize(using = SerdeDefault.class) String resultPath) {

    /** Fills missing paths with the canonical constants. */
    public RuntimeArtifactPaths {
        eventsPath = eventsPath != null ? eventsPath : ContractConstants.EVENTS_PATH;
        statusPath = statusPath != null ? statusPath : ContractConstants.STATUS_PATH;
        resultPath = resultPath != null ? resultPath : ContractConstants.RESULT_PATH;
    }

    /** @return the canonical paths under {@code /run/pika-cloud} */
    public static RuntimeArtifactPaths defaults() {
        return new RuntimeArtifactPaths(null, null, null);
    }

    /**
     * The reference's {@code validate_canonical_paths(field_prefix)}: each path must equal its canonical constant.
     * Checked in the reference's order (status, events, result); the reference reports only the first.
     * Message: {@code PREFIX.status_path must use canonical path "/run/pika-cloud/status.json", got "/run/custom/status.json"}
     * (both paths quoted as Rust's {@code {:?}} does, see {@link RustText#debugQuote(String)}).
     *
     * @param fieldPrefix the name of the field holding these paths, e.g. {@code artifacts}
     * @return one message per non-canonical path, empty when all are canonical
     */
    public List<String> validateCanonicalPaths(String fieldPrefix) {
        ValueRules.MapValues doc = new ValueRules.MapValues()
                .put("/events_path", eventsPath)
                .put("/status_path", statusPath)
                .put("/result_path", resultPath);
        List<String> problems = new ArrayList<>();
        ValueRules.canonicalArtifactPaths(fieldPrefix, doc, v -> problems.add(v.message()));
        return List.copyOf(problems);
    }
}
