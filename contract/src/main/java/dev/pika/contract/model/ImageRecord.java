package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * The image record of an imported role image ({@code RemoteLinuxVmImageRecord}, CONTRACT.md §6): which Incus image
 * a guest role's VMs start from.
 *
 * <p>JSON shape, in this field order (the reference's):
 * <pre>{ "guest_role"?: GuestRole, "project": string, "alias": string, "fingerprint": string | null }</pre>
 * {@code guest_role} is omitted when absent ({@code skip_serializing_if}); {@code fingerprint} has no
 * {@code skip_serializing_if} upstream, so an unknown fingerprint is written as {@code null}. The older key
 * {@code role} is accepted for {@code guest_role} ({@code #[serde(alias = "role")]}). Unknown fields are ignored.
 * Encode with {@link ContractCodec#encodePretty(Object)}.
 *
 * <p>Writers build it with {@link #forImport}, which applies the §5 rule that the role is recorded only when the
 * image alias is the role's default alias.
 *
 * @param guestRole   the guest role, or null when not recorded (a custom alias, or unknown)
 * @param project     the Incus project holding the image, e.g. {@code pika-managed-agents}; required
 * @param alias       the image alias, e.g. {@code pikaci/dev}; required
 * @param fingerprint the image's fingerprint (64 lowercase hex digits as Incus reports it), or null when unknown
 */
@Serde.Rust("RemoteLinuxVmImageRecord")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"guest_role", "project", "alias", "fingerprint"})
public record ImageRecord(
        @JsonProperty("guest_role") @JsonAlias("role") @JsonInclude(JsonInclude.Include.NON_NULL)
        GuestRole guestRole,
        @JsonProperty(value = "project", required = true) String project,
        @JsonProperty(value = "alias", required = true) String alias,
        @JsonProperty("fingerprint") @JsonInclude(JsonInclude.Include.ALWAYS) String fingerprint) {

    /**
     * @throws NullPointerException when {@code project} or {@code alias} is null
     */
    public ImageRecord {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(alias, "alias");
    }

    /**
     * The record an import writes: the role is kept only when {@code alias} is {@code role}'s default image alias
     * (CONTRACT.md §5, "a custom alias suppresses it"; compared after trimming, as
     * {@link GuestRole#usesDefaultImageAlias(String)}).
     *
     * @param role        the role the image was built for, or null
     * @param project     the Incus project
     * @param alias       the image alias the import moved
     * @param fingerprint the imported image's fingerprint, or null when unknown
     * @return the record
     */
    public static ImageRecord forImport(GuestRole role, String project, String alias, String fingerprint) {
        GuestRole recorded = role != null && role.usesDefaultImageAlias(alias) ? role : null;
        return new ImageRecord(recorded, project, alias, fingerprint);
    }
}
