package dev.pika.contract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.contract.Finding;
import dev.pika.contract.model.GuestRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every image record, execution record and guest role fixture of the reference's tests
 * ({@code ../shared/fixtures/upstream-test-payloads/}) gets the reference's verdict and decodes to what the
 * reference test asserts — through the validator, through {@code ImageRecords.inspect} (kind told from the
 * content), and inside an array.
 */
class RecordFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("RemoteLinuxVmImageRecord", "RemoteLinuxVmExecutionRecord",
            "IncusGuestRole");
    private static final Map<String, DocumentKind> KIND = Map.of(
            "RemoteLinuxVmImageRecord", DocumentKind.IMAGE_RECORD,
            "RemoteLinuxVmExecutionRecord", DocumentKind.EXECUTION_RECORD);

    static Path payloads() {
        return Fixtures.fixture("upstream-test-payloads");
    }

    static List<JsonNode> entries() throws IOException {
        JsonNode index = JSON.readTree(payloads().resolve("index.json").toFile());
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : index.get("entries")) {
            if (TYPES.contains(e.get("contract_type").asText())) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void everyRecordAndRoleFixtureFileHasAnIndexEntry() throws IOException {
        Set<String> indexed = new TreeSet<>();
        for (JsonNode e : entries()) {
            indexed.add(e.get("file").asText());
        }
        Set<String> onDisk = new TreeSet<>();
        for (String type : TYPES) {
            try (Stream<Path> files = Files.list(payloads().resolve(type))) {
                files.forEach(f -> onDisk.add(type + "/" + f.getFileName()));
            }
        }
        assertEquals(onDisk, indexed);
        assertEquals(9, indexed.size(), "3 image records, 4 execution records, 2 roles");
    }

    @TestFactory
    Stream<DynamicTest> referenceVerdicts() throws IOException {
        return entries().stream().map(e -> DynamicTest.dynamicTest(e.get("file").asText(), () -> check(e)));
    }

    private static void check(JsonNode e) throws IOException {
        String type = e.get("contract_type").asText();
        String file = e.get("file").asText();
        boolean accept = e.get("verdict").asText().equals("accept");
        byte[] bytes = Files.readAllBytes(payloads().resolve(file));
        if (type.equals("IncusGuestRole")) {
            List<Finding> fs = Validator.checkType(Schemas.GUEST_ROLE, file, bytes);
            assertEquals(accept, fs.stream().noneMatch(Finding::isError), fs::toString);
            String id = JSON.readTree(bytes).asText();
            String expected = e.get("expected_decoded").asText();
            GuestRole role = GuestRole.fromId(id).orElseThrow();
            assertEquals(expected, "IncusGuestRole::" + (role == GuestRole.PIKACI_RUNNER ? "PikaciRunner"
                    : "ManagedOpenclaw"));
            assertEquals(role, GuestRole.parse(id));
            // the reference test also asserts the encoding is exactly this text
            assertEquals("\"" + role.id() + "\"", new String(bytes, StandardCharsets.UTF_8).strip());
            return;
        }
        DocumentKind kind = KIND.get(type);
        ValidationReport r = Validator.validate(kind, file, bytes);
        assertEquals(accept, r.valid(false), r.findings()::toString);

        ImageRecords.Inspection in = ImageRecords.inspect(file, bytes, null);
        assertEquals(kind, in.report().kind(), "kind told from the content");
        assertEquals(r.findings(), in.report().findings(), "inspect finds what the validator finds");
        assertEquals(1, in.entries().size());
        ImageRecords.Entry entry = in.entries().get(0);

        JsonNode decoded = e.get("expected_decoded");
        JsonNode image = decoded == null ? null
                : kind == DocumentKind.EXECUTION_RECORD ? decoded.get("incus_image") : decoded;
        if (image != null) {
            assertImage(image, entry);
        }
        JsonNode encoded = e.get("expected_encoded_fields");
        if (encoded != null) {
            assertEquals(encoded.get("incus_image.guest_role").asText(), entry.image().guestRole().id());
            assertEquals(encoded.get("incus_image.project").asText(), entry.image().project());
            assertEquals(encoded.get("incus_image.alias").asText(), entry.image().alias());
            assertEquals(encoded.get("incus_image.fingerprint").asText(), entry.image().fingerprint());
        }
        if (file.endsWith("accept-phases-without-image.json")) {
            assertFalse(entry.hasImage());
        }
    }

    private static void assertImage(JsonNode expected, ImageRecords.Entry entry) {
        JsonNode role = expected.get("guest_role");
        assertEquals(role == null || role.isNull() ? null : role.asText(),
                entry.image().guestRole() == null ? null : entry.image().guestRole().id());
        assertEquals(expected.get("project").asText(), entry.image().project());
        assertEquals(expected.get("alias").asText(), entry.image().alias());
        assertEquals(expected.get("fingerprint").asText(), entry.image().fingerprint());
    }

    @Test
    void allRecordFixturesAsJsonLinesKeepTheirVerdictsAndTheirLines() throws IOException {
        List<JsonNode> records = entries().stream().filter(e -> KIND.containsKey(e.get("contract_type").asText()))
                .toList();
        StringBuilder jsonLines = new StringBuilder();
        for (JsonNode record : records) {
            // a JSON string holds no raw line break, so joining a document's lines keeps its meaning
            jsonLines.append(Files.readString(payloads().resolve(record.get("file").asText())).strip()
                    .replaceAll("[\r\n]+", " ")).append('\n');
        }
        ImageRecords.Inspection in = ImageRecords.inspectLines("all.jsonl", new java.io.ByteArrayInputStream(
                jsonLines.toString().getBytes(StandardCharsets.UTF_8)), null, Limits.DEFAULT);
        assertTrue(in.report().valid(false), in.report().findings()::toString);
        assertTrue(in.lines());
        assertEquals(records.size(), in.entries().size());
        for (int i = 0; i < records.size(); i++) {
            assertEquals(i + 1, in.entries().get(i).line());
            assertEquals(KIND.get(records.get(i).get("contract_type").asText()), in.entries().get(i).kind());
        }
        // every fixture's fingerprint is the reference test's "abc123": linted, at its element
        for (Finding f : in.report().findings()) {
            assertEquals(ImageRecords.RULE_FINGERPRINT_FORMAT, f.rule());
            assertTrue(f.pointer().matches("(/incus_image)?/fingerprint"), f.pointer());
        }
        assertEquals(6, in.report().findings().size());
    }
}
