package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.ValidationReport;
import dev.pika.contract.validate.Validator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageRecordTest {
    private static final String FP = "6188ea35a6b2f60f4b9c568dba598296a2b930b0cc8d91e9e85374b9a33774ce";

    @Test
    void defaultAliasRecordsTheRoleInRustFieldOrder() {
        ImageRecord r = ImageRecord.forImport(GuestRole.PIKACI_RUNNER, "pika-managed-agents", "pikaci/dev", FP);
        assertEquals(GuestRole.PIKACI_RUNNER, r.guestRole());
        assertEquals("{\n"
                + "  \"guest_role\": \"pikaci-runner\",\n"
                + "  \"project\": \"pika-managed-agents\",\n"
                + "  \"alias\": \"pikaci/dev\",\n"
                + "  \"fingerprint\": \"" + FP + "\"\n"
                + "}", ContractCodec.encodePretty(r));
    }

    @Test
    void customAliasSuppressesTheRole() {
        ImageRecord r = ImageRecord.forImport(GuestRole.PIKACI_RUNNER, "p2", "a/b", FP);
        assertNull(r.guestRole());
        assertEquals("{\n  \"project\": \"p2\",\n  \"alias\": \"a/b\",\n  \"fingerprint\": \"" + FP + "\"\n}",
                ContractCodec.encodePretty(r));
    }

    @Test
    void anotherRolesDefaultAliasDoesNotRecordEitherRole() {
        assertNull(ImageRecord.forImport(GuestRole.MANAGED_OPENCLAW, "p", "pikaci/dev", FP).guestRole());
        assertEquals(GuestRole.MANAGED_OPENCLAW,
                ImageRecord.forImport(GuestRole.MANAGED_OPENCLAW, "p", " pika-agent/dev ", FP).guestRole());
    }

    @Test
    void absentRoleIsOmittedButAbsentFingerprintIsNullAsTheReferenceWrites() {
        assertEquals("{\n  \"project\": \"p\",\n  \"alias\": \"a\",\n  \"fingerprint\": null\n}",
                ContractCodec.encodePretty(ImageRecord.forImport(null, "p", "a", null)));
    }

    @Test
    void decodesTheWireNamesAndTheLegacyRoleAlias() throws ContractDecodeException {
        ImageRecord r = ImageRecord.forImport(GuestRole.PIKACI_RUNNER, "p", "pikaci/dev", FP);
        assertEquals(r, ContractCodec.decode(ImageRecord.class, "r.json", ContractCodec.encode(r)));
        assertEquals(r, ContractCodec.decode(ImageRecord.class, "r.json",
                "{\"role\":\"pikaci-runner\",\"project\":\"p\",\"alias\":\"pikaci/dev\",\"fingerprint\":\"" + FP
                        + "\"}"));
        assertThrows(ContractDecodeException.class, () -> ContractCodec.decode(ImageRecord.class, "r.json",
                "{\"guestRole\":\"pikaci-runner\",\"project\":\"p\",\"alias\":42}"));
    }

    @Test
    void projectAndAliasAreRequired() {
        assertThrows(NullPointerException.class, () -> new ImageRecord(null, null, "a", null));
        assertThrows(NullPointerException.class, () -> new ImageRecord(null, "p", null, null));
    }

    @Test
    void everyEncodingIsAStrictlyValidImageRecord() {
        for (ImageRecord r : new ImageRecord[] {
            ImageRecord.forImport(GuestRole.PIKACI_RUNNER, "pika-managed-agents", "pikaci/dev", FP),
            ImageRecord.forImport(GuestRole.MANAGED_OPENCLAW, "p", "pika-agent/dev", null),
            ImageRecord.forImport(null, "p", "a/b", FP),
        }) {
            ValidationReport report = Validator.validate(DocumentKind.IMAGE_RECORD, "record.json",
                    ContractCodec.encodePretty(r).getBytes(StandardCharsets.UTF_8));
            assertEquals(true, report.valid(true), report.findings().toString());
        }
    }
}
