package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What the CI host records about one remote Linux VM execution ({@code RemoteLinuxVmExecutionRecord},
 * CONTRACT.md §6).
 *
 * <p>JSON shape, in this field order: <pre>{ "backend": "incus", "incus_image"?: ImageRecord | null,
 * "phases"?: [PhaseRecord] = [] }</pre> Unlike most optional fields, an absent {@code incus_image} is encoded as
 * {@code null} (the reference has no {@code skip_serializing_if} on it). Unknown fields are ignored.
 *
 * <p><b>PLACEHOLDER:</b> {@code incusImage} is a raw {@link JsonNode} until {@code dev.pika.contract.model.ImageRecord}
 * (another branch) is merged; it will then become an {@code ImageRecord} (with its {@code role} alias decoded).
 * Until then the nested object is kept as written.
 *
 * @param backend    always {@link ExecutionBackend#INCUS}
 * @param incusImage PLACEHOLDER: the image record object, or null when absent (JSON {@code null} decodes to null)
 * @param phases     the timed phases in order (null means none)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"backend", "incus_image", "phases"})
public record ExecutionRecord(
        @JsonProperty(value = "backend", required = true) ExecutionBackend backend,
        @JsonProperty("incus_image") @JsonInclude(JsonInclude.Include.ALWAYS) JsonNode incusImage,
        @JsonProperty("phases") @JsonDeserialize(using = SerdeDefault.class) List<PhaseRecord> phases) {

    /** @throws NullPointerException when {@code backend} is null */
    public ExecutionRecord {
        Objects.requireNonNull(backend, "backend");
        incusImage = ContractJson.absentIfNull(incusImage);
        phases = ContractJson.listCopy(phases, "phases");
    }
}
