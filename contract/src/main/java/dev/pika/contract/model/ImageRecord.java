package dev.pika.contract.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The image record of an imported role image ({@code RemoteLinuxVmImageRecord}, CONTRACT.md §6): which Incus image
 * a guest role's VMs start from.
 *
 * <p>Writers build it with {@link #forImport}, which applies the §5 rule that the role is recorded only when the
 * image alias is the role's default alias. It is encoded with {@link #toPrettyJson()}.
 *
 * @param guestRole   the guest role, or null when not recorded (a custom alias, or unknown)
 * @param project     the Incus project holding the image, e.g. {@code pika-managed-agents}; required
 * @param alias       the image alias, e.g. {@code pikaci/dev}; required
 * @param fingerprint the image's fingerprint (64 lowercase hex digits as Incus reports it), or null when unknown
 */
public record ImageRecord(GuestRole guestRole, String project, String alias, String fingerprint) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    /**
     * Pretty JSON as the reference's serde_json {@code to_vec_pretty}: two-space indent, {@code "key": value},
     * Rust field order (guest_role, project, alias, fingerprint), absent optional fields omitted (never
     * {@code null}), no trailing newline. The role is written as its kebab-case id.
     *
     * @return the encoded document
     */
    public String toPrettyJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(TerminalResult.serdePrettyPrinter());
            g.writeStartObject();
            if (guestRole != null) {
                g.writeStringField("guest_role", guestRole.id());
            }
            g.writeStringField("project", project);
            g.writeStringField("alias", alias);
            if (fingerprint != null) {
                g.writeStringField("fingerprint", fingerprint);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
