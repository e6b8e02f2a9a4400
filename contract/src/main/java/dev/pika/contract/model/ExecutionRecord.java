package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Objects;

/**
 * What the CI host records about one remote Linux VM execution ({@code RemoteLinuxVmExecutionRecord},
 * CONTRACT.md §6).
 *
 * <p>JSON shape, in this field order: <pre>{ "backend": "incus", "incus_image"?: ImageRecord | null,
 * "phases"?: [PhaseRecord] = [] }</pre> Unlike most optional fields, an absent {@code incus_image} is encoded as
 * {@code null} (the reference has no {@code skip_serializing_if} on it); {@code phases} defaults to {@code []}
 * ({@code #[serde(default)]}, CONTRACT.md §6). Unknown fields are ignored.
 *
 * @param backend    always {@link ExecutionBackend#INCUS}
 * @param incusImage the image the guest ran from, or null when absent (JSON {@code null} decodes to null)
 * @param phases     the timed phases in order (null means none)
 */
@Serde.Rust("RemoteLinuxVmExecutionRecord")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"backend", "incus_image", "phases"})
public record ExecutionRecord(
        @JsonProperty(value = "backend", required = true) ExecutionBackend backend,
        @JsonProperty("incus_image") @JsonInclude(JsonInclude.Include.ALWAYS) ImageRecord incusImage,
        @JsonProperty("phases") @JsonDeserialize(using = SerdeDefault.class) List<PhaseRecord> phases) {

    /** @throws NullPointerException when {@code backend} is null */
    public ExecutionRecord {
        Objects.requireNonNull(backend, "backend");
        phases = ContractJson.listCopy(phases, "phases");
    }
}
