package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;

/**
 * One timed phase of a remote Linux VM execution ({@code RemoteLinuxVmPhaseRecord}, CONTRACT.md §6).
 *
 * <p>JSON shape, in this field order, all required:
 * <pre>{ "phase": ExecutionPhase, "started_at": string, "finished_at": string, "duration_ms": u64 }</pre>
 * Unknown fields are ignored.
 *
 * @param phase      which phase
 * @param startedAt  RFC 3339 text
 * @param finishedAt RFC 3339 text
 * @param durationMs u64 duration in milliseconds, held with unsigned meaning (see {@link Unsigned})
 */
@Serde.Rust("RemoteLinuxVmPhaseRecord")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"phase", "started_at", "finished_at", "duration_ms"})
public record PhaseRecord(
        @JsonProperty(value = "phase", required = true) ExecutionPhase phase,
        @JsonProperty(value = "started_at", required = true) String startedAt,
        @JsonProperty(value = "finished_at", required = true) String finishedAt,
        @Serde.Rust("u64") @JsonProperty(value = "duration_ms", required = true)
        @JsonSerialize(using = Unsigned.U64Serializer.class)
        @JsonDeserialize(using = Unsigned.U64Deserializer.class) long durationMs) {

    /** @throws NullPointerException when a field is null */
    public PhaseRecord {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(startedAt, "started_at");
        Objects.requireNonNull(finishedAt, "finished_at");
    }
}
