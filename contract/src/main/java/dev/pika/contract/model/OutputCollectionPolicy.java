package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Objects;

/**
 * Which outputs the host collects from a runtime ({@code OutputCollectionPolicy}, CONTRACT.md §4).
 *
 * <p>JSON shape, in this field order: <pre>{ "mode": OutputCollectionMode, "include_logs"?: bool = true,
 * "include_result"?: bool = true, "artifact_globs"?: [string] = [] }</pre> {@code mode} is required inside the
 * object; the object itself defaults to {@link #defaults()} when missing from {@link RuntimePolicies}.
 * Every field is always encoded. Unknown fields are ignored.
 *
 * @param mode          when to collect
 * @param includeLogs   whether to collect the guest logs
 * @param includeResult whether to collect {@code result.json}
 * @param artifactGlobs glob patterns (relative to the artifacts directory) of artifacts to collect
 */
@Serde.Rust("OutputCollectionPolicy")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"mode", "include_logs", "include_result", "artifact_globs"})
public record OutputCollectionPolicy(
        @JsonProperty("mode") OutputCollectionMode mode,
        @JsonProperty("include_logs") boolean includeLogs,
        @JsonProperty("include_result") boolean includeResult,
        @JsonProperty("artifact_globs") @JsonDeserialize(using = SerdeDefault.class) List<String> artifactGlobs) {

    /**
     * @throws NullPointerException when {@code mode} or a glob is null ({@code artifactGlobs} null means none)
     */
    public OutputCollectionPolicy {
        Objects.requireNonNull(mode, "mode");
        artifactGlobs = ContractJson.listCopy(artifactGlobs, "artifact_globs");
    }

    /**
     * The decoder's entry point: applies the serde defaults (true, true, []) to missing fields.
     *
     * @param mode          required
     * @param includeLogs   null when missing
     * @param includeResult null when missing
     * @param artifactGlobs null when missing
     * @return the policy
     */
    @JsonCreator
    static OutputCollectionPolicy decode(
            @JsonProperty(value = "mode", required = true) OutputCollectionMode mode,
            @JsonProperty("include_logs") @JsonDeserialize(using = SerdeDefault.class) Boolean includeLogs,
            @JsonProperty("include_result") @JsonDeserialize(using = SerdeDefault.class) Boolean includeResult,
            @JsonProperty("artifact_globs") @JsonDeserialize(using = SerdeDefault.class) List<String> artifactGlobs) {
        return new OutputCollectionPolicy(mode, includeLogs == null || includeLogs,
                includeResult == null || includeResult, artifactGlobs);
    }

    /** @return mode {@code always}, logs and result included, no artifact globs */
    public static OutputCollectionPolicy defaults() {
        return new OutputCollectionPolicy(OutputCollectionMode.ALWAYS, true, true, List.of());
    }
}
