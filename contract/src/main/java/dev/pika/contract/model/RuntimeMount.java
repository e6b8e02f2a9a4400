package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Objects;

/**
 * A mount the runtime needs ({@code RuntimeMount}, CONTRACT.md §4).
 *
 * <p>JSON shape, in this field order:
 * <pre>{ "kind": MountKind, "guest_path": string, "source": string, "mode": MountMode, "required"?: bool }</pre>
 * {@code required} defaults to false when missing and is always encoded. Unknown fields are ignored.
 * {@link RuntimeSpec#validate()} checks mounts (rule 5); the Incus plan turns each into a disk device.
 *
 * @param kind      what the mount is for
 * @param guestPath where it appears in the guest; must be absolute without {@code ..} in a valid spec
 * @param source    host path or volume name; must be non-empty in a valid spec
 * @param mode      read-only or read-write
 * @param required  whether the runtime must fail when the mount is unavailable
 */
@Serde.Rust("RuntimeMount")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "guest_path", "source", "mode", "required"})
public record RuntimeMount(
        @JsonProperty(value = "kind", required = true) MountKind kind,
        @JsonProperty(value = "guest_path", required = true) String guestPath,
        @JsonProperty(value = "source", required = true) String source,
        @JsonProperty(value = "mode", required = true) MountMode mode,
        @JsonProperty("required") @JsonDeserialize(using = SerdeDefault.class) boolean required) {

    /** @throws NullPointerException when a field is null */
    public RuntimeMount {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(guestPath, "guest_path");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mode, "mode");
    }

    /** @return true when {@link #mode()} is {@link MountMode#READ_ONLY} */
    public boolean readOnly() {
        return mode == MountMode.READ_ONLY;
    }
}
