package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.contract.ContractConstants;
import java.util.Objects;

/**
 * A status snapshot, the guest's {@code status.json} ({@code LifecycleStatus}, CONTRACT.md §2).
 *
 * <p>JSON shape, in this field order (the reference's), absent optional fields omitted:
 * <pre>{ "schema_version": u32, "state": RuntimeState, "updated_at": string, "message": string,
 *   "boot_id"?: string, "details"?: any }</pre>
 * Unknown fields are ignored on decoding.
 *
 * @param schemaVersion u32 (0..4294967295); writers stamp {@link ContractConstants#LIFECYCLE_SCHEMA_VERSION}
 * @param state         the runtime's state
 * @param updatedAt     when the snapshot was written; RFC 3339 text by writers (not checked here)
 * @param message       human-readable description
 * @param bootId        the guest's kernel boot id, or null when absent
 * @param details       any JSON value, or null when absent (a JSON {@code null} decodes to null too)
 */
@Serde.Rust("LifecycleStatus")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema_version", "state", "updated_at", "message", "boot_id", "details"})
public record LifecycleStatus(
        @Serde.Rust("u32") @JsonProperty(value = "schema_version", required = true) long schemaVersion,
        @JsonProperty(value = "state", required = true) RuntimeState state,
        @JsonProperty(value = "updated_at", required = true) String updatedAt,
        @JsonProperty(value = "message", required = true) String message,
        @JsonProperty("boot_id") String bootId,
        @JsonProperty("details") JsonNode details) {

    /**
     * @throws IllegalArgumentException when {@code schemaVersion} is not a u32
     * @throws NullPointerException     when a required field is null
     */
    public LifecycleStatus {
        Unsigned.requireU32("schema_version", schemaVersion);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updated_at");
        Objects.requireNonNull(message, "message");
        details = ContractJson.absentIfNull(details);
    }

    /**
     * A schema-version-1 snapshot without boot id or details.
     *
     * @param state     the state
     * @param updatedAt RFC 3339 text
     * @param message   the message
     * @return the snapshot
     */
    public static LifecycleStatus of(RuntimeState state, String updatedAt, String message) {
        return new LifecycleStatus(ContractConstants.LIFECYCLE_SCHEMA_VERSION, state, updatedAt, message, null, null);
    }

    /**
     * @param newBootId the new value
     * @return a copy with {@code boot_id} set (null removes it)
     */
    public LifecycleStatus withBootId(String newBootId) {
        return new LifecycleStatus(schemaVersion, state, updatedAt, message, newBootId, details);
    }

    /**
     * @param newDetails the new value
     * @return a copy with {@code details} set (null removes them)
     */
    public LifecycleStatus withDetails(JsonNode newDetails) {
        return new LifecycleStatus(schemaVersion, state, updatedAt, message, bootId, newDetails);
    }
}
