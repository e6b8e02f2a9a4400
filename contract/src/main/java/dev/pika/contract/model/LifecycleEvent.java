package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pika.contract.ContractConstants;
import java.util.Objects;

/**
 * One line of the guest's {@code events.jsonl} ({@code LifecycleEvent}, CONTRACT.md §2).
 *
 * <p>JSON shape, in this field order (the reference's), absent optional fields omitted; encoded compact, one
 * object per line ({@link ContractCodec#encodeEventLine(LifecycleEvent)}):
 * <pre>{ "schema_version": u32, "seq": u64, "timestamp": string, "kind": RuntimeState, "message": string,
 *   "boot_id"?: string, "details"?: any }</pre>
 * Unknown fields are ignored on decoding.
 *
 * @param schemaVersion u32; writers stamp {@link ContractConstants#LIFECYCLE_SCHEMA_VERSION}
 * @param seq           u64 sequence number, 1, 2, 3… per stream; held with unsigned meaning (see {@link Unsigned})
 * @param timestamp     when the event happened; RFC 3339 text by writers (not checked here)
 * @param kind          the state the event reports
 * @param message       human-readable description
 * @param bootId        the guest's kernel boot id, or null when absent
 * @param details       any JSON value, or null when absent (a JSON {@code null} decodes to null too)
 */
@Serde.Rust("LifecycleEvent")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema_version", "seq", "timestamp", "kind", "message", "boot_id", "details"})
public record LifecycleEvent(
        @Serde.Rust("u32") @JsonProperty(value = "schema_version", required = true) long schemaVersion,
        @Serde.Rust("u64") @JsonProperty(value = "seq", required = true)
        @JsonSerialize(using = Unsigned.U64Serializer.class)
        @JsonDeserialize(using = Unsigned.U64Deserializer.class) long seq,
        @JsonProperty(value = "timestamp", required = true) String timestamp,
        @JsonProperty(value = "kind", required = true) RuntimeState kind,
        @JsonProperty(value = "message", required = true) String message,
        @JsonProperty("boot_id") String bootId,
        @JsonProperty("details") JsonNode details) {

    /**
     * @throws IllegalArgumentException when {@code schemaVersion} is not a u32
     * @throws NullPointerException     when a required field is null
     */
    public LifecycleEvent {
        Unsigned.requireU32("schema_version", schemaVersion);
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        details = ContractJson.absentIfNull(details);
    }

    /**
     * A schema-version-1 event without boot id or details.
     *
     * @param seq       the sequence number (u64, unsigned meaning)
     * @param timestamp RFC 3339 text
     * @param kind      the state
     * @param message   the message
     * @return the event
     */
    public static LifecycleEvent of(long seq, String timestamp, RuntimeState kind, String message) {
        return new LifecycleEvent(ContractConstants.LIFECYCLE_SCHEMA_VERSION, seq, timestamp, kind, message, null,
                null);
    }

    /**
     * @param newBootId the new value
     * @return a copy with {@code boot_id} set (null removes it)
     */
    public LifecycleEvent withBootId(String newBootId) {
        return new LifecycleEvent(schemaVersion, seq, timestamp, kind, message, newBootId, details);
    }

    /**
     * @param newDetails the new value
     * @return a copy with {@code details} set (null removes them)
     */
    public LifecycleEvent withDetails(JsonNode newDetails) {
        return new LifecycleEvent(schemaVersion, seq, timestamp, kind, message, bootId, newDetails);
    }
}
