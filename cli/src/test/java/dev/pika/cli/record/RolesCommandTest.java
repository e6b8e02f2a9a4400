package dev.pika.cli.record;

import static dev.pika.cli.render.CliRun.pika;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.cli.render.CliRun;
import org.junit.jupiter.api.Test;

/** {@code pika roles}: the CONTRACT.md §5 table, JSON, and the reference's role parsing. */
class RolesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textTableListsBothRolesWithTheirDefaults() {
        assertEquals(""
                + "ROLE              DEFAULT ALIAS   FLAKE ATTRIBUTE               LEGACY ATTRIBUTE            DISK\n"
                + "managed-openclaw  pika-agent/dev  managed-openclaw-incus-image  pika-agent-incus-dev-image  "
                + "8192 MiB\n"
                + "pikaci-runner     pikaci/dev      pikaci-runner-incus-image     pikaci-incus-dev-image      "
                + "12288 MiB\n", pika("roles").ok());
    }

    @Test
    void jsonListsEveryRole() throws Exception {
        JsonNode roles = JSON.readTree(pika("roles", "--format", "json").ok());
        assertEquals(2, roles.size());
        JsonNode m = roles.get(0);
        assertEquals("managed-openclaw", m.get("id").asText());
        assertEquals("pika-agent/dev", m.get("default_image_alias").asText());
        assertEquals("managed-openclaw-incus-image", m.get("flake_package_attr").asText());
        assertEquals("pika-agent-incus-dev-image", m.get("legacy_package_attr").asText());
        assertEquals(8192, m.get("image_disk_size_mib").intValue());
        assertEquals(12288, roles.get(1).get("image_disk_size_mib").intValue());
    }

    @Test
    void oneRoleIsParsedTrimmedAndPrintedAlone() throws Exception {
        JsonNode r = JSON.readTree(pika("roles", " \tpikaci-runner\n", "--format", "json").ok());
        assertTrue(r.isObject());
        assertEquals("pikaci-runner", r.get("id").asText());
        assertEquals("pikaci/dev", r.get("default_image_alias").asText());
        String text = pika("roles", "managed-openclaw").ok();
        assertEquals(2, text.lines().count());
        assertTrue(text.lines().skip(1).findFirst().orElseThrow().startsWith("managed-openclaw  pika-agent/dev"));
    }

    @Test
    void unknownOrMiscasedRoleIsAUsageErrorWithTheReferenceMessage() {
        CliRun r = pika("roles", "Pikaci-Runner");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("pika: expected `managed-openclaw` or `pikaci-runner`, got \"Pikaci-Runner\"\n", r.err());
        CliRun unknown = pika("roles", " builder ");
        assertEquals(2, unknown.exitCode());
        assertEquals("pika: expected `managed-openclaw` or `pikaci-runner`, got \"builder\"\n", unknown.err());
    }

    @Test
    void badFormatIsAUsageError() {
        CliRun r = pika("roles", "--format", "yaml");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--format"), r.err());
    }
}
