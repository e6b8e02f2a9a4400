package dev.pika.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Incus's JSON answers ({@code incus query}). The answers are untrusted: fingerprints are used only when they
 * are 64 hex digits ({@link Names#fingerprint}), text is kept as data and never reaches a shell unquoted.
 */
final class IncusJson {
    /** Created on first use: a mapper costs ~50 ms, and a dry run never needs one. */
    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private IncusJson() {
    }

    /** @return a fresh JSON object node (request bodies) */
    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return Holder.MAPPER.createObjectNode();
    }

    /**
     * @param json  a tool's stdout
     * @param where what printed it, for the message
     * @return the parsed tree
     * @throws UserException exit code 1 when it is not JSON
     */
    static JsonNode parse(String json, String where) {
        try {
            return Holder.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UserException(ExitCodes.FAILURE, where + " printed something that is not JSON: "
                    + Texts.lastLine(json), e);
        }
    }

    /**
     * One image of a project, as {@code /1.0/images?recursion=1} describes it.
     *
     * @param fingerprint 64 hex digits
     * @param uploadedAt  Incus's {@code uploaded_at} (RFC 3339, UTC), "" when missing
     * @param aliases     the alias names pointing at it
     * @param properties  its properties ({@code pika.*} are the provenance stamped at import)
     */
    record Image(String fingerprint, String uploadedAt, List<String> aliases, Map<String, String> properties) {
        /** Newest first: by upload time, then fingerprint (a stable order for equal times). */
        static final Comparator<Image> NEWEST_FIRST = Comparator.comparing(Image::uploadedAt).reversed()
                .thenComparing(Image::fingerprint);

        /** @return whether it was imported for {@code alias} (its {@code pika.alias} property) */
        boolean importedFor(String alias) {
            return alias.equals(properties.get(Provenance.ALIAS));
        }
    }

    /** @return the images of a {@code /1.0/images?recursion=1} answer */
    static List<Image> images(String json, String where) {
        JsonNode root = parse(json, where);
        if (!root.isArray()) {
            throw new UserException(ExitCodes.FAILURE, where + " did not answer with a list of images");
        }
        List<Image> out = new ArrayList<>();
        for (JsonNode img : root) {
            String fp = Names.fingerprint(img.path("fingerprint").asText(null), where);
            List<String> aliases = new ArrayList<>();
            img.path("aliases").forEach(a -> aliases.add(a.path("name").asText("")));
            Map<String, String> props = new LinkedHashMap<>();
            img.path("properties").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText("")));
            out.add(new Image(fp, img.path("uploaded_at").asText(""), List.copyOf(aliases), props));
        }
        out.sort(Image.NEWEST_FIRST);
        return out;
    }

    /**
     * @return the fingerprints instances use ({@code volatile.base_image} of each instance of a
     *         {@code /1.0/instances?recursion=1} answer); invalid values are ignored (they name no image)
     */
    static Set<String> baseImages(String json, String where) {
        JsonNode root = parse(json, where);
        Set<String> out = new HashSet<>();
        for (JsonNode inst : root) {
            String fp = inst.path("config").path("volatile.base_image").asText("");
            if (Names.isFingerprint(fp)) {
                out.add(fp);
            }
        }
        return out;
    }
}
