package dev.pika.contract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.contract.Finding;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image record lint of CONTRACT.md §5–§6: warnings with stable ids, located at the offending value. */
class ImageRecordLintTest {
    static final String FP = "f504710f6874ba5a36011cbec7bb27c23fa5df227529afc07528097f92e5f9b8";

    static ValidationReport image(String json) {
        return Validator.validate(DocumentKind.IMAGE_RECORD, "r.json", json.getBytes(StandardCharsets.UTF_8));
    }

    static ImageRecords.Inspection inspect(String json) {
        return ImageRecords.inspect("r.json", json.getBytes(StandardCharsets.UTF_8), null);
    }

    static Finding only(ValidationReport r) {
        assertEquals(1, r.findings().size(), () -> "findings: " + r.findings());
        return r.findings().get(0);
    }

    static void assertAt(Finding f, String rule, int line, int column, int endColumn, String pointer) {
        assertEquals(Severity.WARNING, f.severity(), f::toString);
        assertEquals(rule, f.rule(), f::toString);
        assertEquals(line, f.line(), f::toString);
        assertEquals(column, f.column(), f::toString);
        assertEquals(line, f.endLine(), f::toString);
        assertEquals(endColumn, f.endColumn(), f::toString);
        assertEquals(pointer, f.pointer(), f::toString);
    }

    @Test
    void roleWithTheRolesDefaultAliasAndAFullFingerprintIsClean() {
        ValidationReport r = image("{\"guest_role\":\"pikaci-runner\",\"project\":\"p\",\"alias\":\"pikaci/dev\","
                + "\"fingerprint\":\"" + FP + "\"}");
        assertEquals(List.of(), r.findings());
        assertTrue(r.valid(true));
    }

    @Test
    void customAliasWithoutRoleIsClean() {
        assertEquals(List.of(), image("{\"project\":\"p\",\"alias\":\"my/alias\",\"fingerprint\":\"" + FP + "\"}")
                .findings());
        assertEquals(List.of(), image("{\"guest_role\":null,\"project\":\"p\",\"alias\":\"my/alias\"}").findings());
    }

    @Test
    void defaultAliasIsComparedTrimmedAsTheReferenceDoes() {
        assertEquals(List.of(), image("{\"guest_role\":\"pikaci-runner\",\"project\":\"p\",\"alias\":\" pikaci/dev\"}")
                .findings());
    }

    @Test
    void recordedRoleWithCustomAliasWarnsAtTheRole() {
        String doc = "{\n  \"guest_role\": \"pikaci-runner\",\n  \"project\": \"p\",\n  \"alias\": \"ci/custom\"\n}";
        ValidationReport r = image(doc);
        Finding f = only(r);
        // line 2: `  "guest_role": "pikaci-runner",` — the value starts at column 17 and ends at column 31
        assertAt(f, ImageRecords.RULE_ROLE_CUSTOM_ALIAS, 2, 17, 31, "/guest_role");
        assertTrue(f.message().contains("custom alias \"ci/custom\""), f.message());
        assertTrue(f.hint().contains("`pikaci/dev`"), f.hint());
        assertTrue(r.valid(false), "lint does not change the reference verdict");
        assertFalse(r.valid(true), "--strict makes the warning count");
    }

    @Test
    void legacyRoleKeyIsLocatedUnderItsOwnName() {
        Finding f = only(image("{\"role\":\"managed-openclaw\",\"project\":\"p\",\"alias\":\"x\"}"));
        assertAt(f, ImageRecords.RULE_ROLE_CUSTOM_ALIAS, 1, 9, 26, "/role");
        assertTrue(f.hint().contains("drop `role`"), f.hint());
    }

    @Test
    void roleDisagreeingWithTheAliasRoleWarnsAtTheRole() {
        String doc = "{\"guest_role\":\"managed-openclaw\",\"project\":\"p\",\"alias\":\"pikaci/dev\"}";
        Finding f = only(image(doc));
        assertAt(f, ImageRecords.RULE_ROLE_MISMATCH, 1, 15, 32, "/guest_role");
        assertTrue(f.message().contains("default alias of `pikaci-runner`"), f.message());
    }

    @Test
    void shortFingerprintWarnsAtTheFingerprint() {
        String doc = "{\n\"project\": \"p\",\n\"alias\": \"pikaci/dev\",\n\"fingerprint\": \"abc123\"\n}";
        Finding f = only(image(doc));
        assertAt(f, ImageRecords.RULE_FINGERPRINT_FORMAT, 4, 16, 23, "/fingerprint");
        assertTrue(f.message().contains("\"abc123\""), f.message());
        assertTrue(f.message().contains("6 characters"), f.message());
    }

    @Test
    void upperCaseOrNonHexFingerprintWarns() {
        Finding upper = only(image("{\"project\":\"p\",\"alias\":\"a\",\"fingerprint\":\"" + FP.toUpperCase() + "\"}"));
        assertAt(upper, ImageRecords.RULE_FINGERPRINT_FORMAT, 1, 42, 107, "/fingerprint");
        assertTrue(upper.message().contains("upper-case"), upper.message());
        String nonHex = "g" + FP.substring(1);
        assertEquals(ImageRecords.RULE_FINGERPRINT_FORMAT,
                only(image("{\"project\":\"p\",\"alias\":\"a\",\"fingerprint\":\"" + nonHex + "\"}")).rule());
        assertEquals(ImageRecords.RULE_FINGERPRINT_FORMAT,
                only(image("{\"project\":\"p\",\"alias\":\"a\",\"fingerprint\":\"" + FP + "0\"}")).rule());
        assertEquals(ImageRecords.RULE_FINGERPRINT_FORMAT,
                only(image("{\"project\":\"p\",\"alias\":\"a\",\"fingerprint\":\"\"}")).rule());
    }

    @Test
    void nullOrMissingFingerprintIsNotLinted() {
        assertEquals(List.of(), image("{\"project\":\"p\",\"alias\":\"a\",\"fingerprint\":null}").findings());
        assertEquals(List.of(), image("{\"project\":\"p\",\"alias\":\"a\"}").findings());
    }

    @Test
    void executionRecordLintPointsIntoIncusImage() {
        String doc = "{\"backend\":\"incus\",\"incus_image\":{\"guest_role\":\"pikaci-runner\",\"project\":\"p\","
                + "\"alias\":\"other\",\"fingerprint\":\"abc\"},\"phases\":[]}";
        ValidationReport r = Validator.validate(DocumentKind.EXECUTION_RECORD, "e.json",
                doc.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, r.findings().size(), r.findings()::toString);
        assertAt(r.findings().get(0), ImageRecords.RULE_ROLE_CUSTOM_ALIAS, 1, 48, 62, "/incus_image/guest_role");
        assertAt(r.findings().get(1), ImageRecords.RULE_FINGERPRINT_FORMAT, 1, 108, 112,
                "/incus_image/fingerprint");
    }

    static ImageRecords.Inspection lines(String jsonLines) {
        try {
            return ImageRecords.inspectLines("r.jsonl",
                    new java.io.ByteArrayInputStream(jsonLines.getBytes(StandardCharsets.UTF_8)), null, Limits.DEFAULT);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void jsonLinesAreCheckedLineByLineWithTheFilesLineNumbers() {
        String doc = "  {\"project\": \"p\", \"alias\": \"pikaci/dev\", \"fingerprint\": \"" + FP + "\"}\n"
                + "  {\"guest_role\": \"pikaci-runner\", \"project\": \"p\", \"alias\": \"x/y\"}\r\n"
                + "\n"
                + "  {\"backend\": \"incus\", \"incus_image\": {\"project\": \"p\", \"alias\": \"a\", "
                + "\"fingerprint\": \"zz\"}, \"phases\": []}\n"
                + "  {\"project\": \"p\"}\n";
        ImageRecords.Inspection in = lines(doc);
        List<Finding> fs = in.report().findings();
        assertEquals(3, fs.size(), fs::toString);
        assertAt(fs.get(0), ImageRecords.RULE_ROLE_CUSTOM_ALIAS, 2, 18, 32, "/guest_role");
        assertAt(fs.get(1), ImageRecords.RULE_FINGERPRINT_FORMAT, 4, 85, 88, "/incus_image/fingerprint");
        Finding missing = fs.get(2);
        assertEquals(Severity.ERROR, missing.severity());
        assertEquals("missing-field", missing.rule());
        assertEquals(5, missing.line());
        assertFalse(in.report().valid(false));

        assertTrue(in.lines());
        assertEquals(List.of(1, 2, 4), in.entries().stream().map(ImageRecords.Entry::line).toList(),
                "the reference decodes nothing from a rejected record");
        ImageRecords.Entry first = in.entries().get(0);
        assertEquals("", first.pointer());
        assertEquals(DocumentKind.IMAGE_RECORD, first.kind());
        assertNull(first.image().guestRole());
        assertEquals(GuestRole.PIKACI_RUNNER, first.impliedRole().orElseThrow());
        assertTrue(first.usesDefaultAlias());
        assertEquals(FP.substring(0, 12), first.shortFingerprint());
        ImageRecords.Entry second = in.entries().get(1);
        assertEquals(GuestRole.PIKACI_RUNNER, second.image().guestRole());
        assertTrue(second.impliedRole().isEmpty());
        assertFalse(second.usesDefaultAlias());
        ImageRecords.Entry third = in.entries().get(2);
        assertEquals(DocumentKind.EXECUTION_RECORD, third.kind());
        assertEquals("/incus_image", third.imagePointer());
        assertEquals("zz", third.image().fingerprint());
    }

    @Test
    void jsonLinesOfOneKindReportThatKind() {
        ImageRecords.Inspection in = lines("{\"backend\":\"incus\",\"phases\":[]}\n{\"backend\":\"incus\","
                + "\"incus_image\":null,\"phases\":[]}");
        assertEquals(DocumentKind.EXECUTION_RECORD, in.report().kind());
        assertEquals(List.of(), in.report().findings());
        assertFalse(in.entries().get(1).hasImage());
        assertEquals(DocumentKind.IMAGE_RECORD, lines("").report().kind());
        assertTrue(lines("\n\n").report().valid(true));
    }

    @Test
    void aTopLevelArrayIsOnePositionalRecordAsTheReferenceReadsIt() {
        ImageRecords.Inspection in = inspect("[null,\"p\",\"pikaci/dev\"]");
        assertFalse(in.lines());
        assertEquals(DocumentKind.IMAGE_RECORD, in.report().kind());
        assertTrue(in.report().valid(false), in.report().findings()::toString);
        assertEquals(List.of("positional-struct"), in.report().findings().stream().map(Finding::rule).toList());
        assertEquals(Severity.WARNING, in.report().findings().get(0).severity());
        ImageRecords.Entry e = in.entries().get(0);
        assertEquals("pikaci/dev", e.image().alias());
        assertEquals("p", e.image().project());
        assertNull(e.image().guestRole());
        assertNull(e.image().fingerprint());
        assertTrue(e.usesDefaultAlias());

        ImageRecords.Inspection empty = inspect("[]");
        assertFalse(empty.report().valid(false));
        // serde counts the defaulted guest_role as read: the first field it cannot do without is at index 1
        assertEquals("invalid length 1, expected struct RemoteLinuxVmImageRecord with 4 elements",
                empty.report().findings().get(0).message());
        assertEquals(List.of(), empty.entries());
        // what a list of records used to be is one record whose first field is not a role
        ImageRecords.Inspection list = inspect("[{\"project\":\"p\",\"alias\":\"a\"}]");
        assertFalse(list.report().valid(false));
        assertEquals("/0", list.report().findings().get(0).pointer());
    }

    @Test
    void forcedKindChecksEveryRecordAsThatKind() {
        ImageRecords.Inspection in = ImageRecords.inspect("r.json",
                "{\"project\":\"p\",\"alias\":\"a\"}".getBytes(StandardCharsets.UTF_8), DocumentKind.EXECUTION_RECORD);
        assertEquals(DocumentKind.EXECUTION_RECORD, in.report().kind());
        // `backend` is missing; `phases` defaults to [] (CONTRACT.md §6)
        assertEquals(List.of("missing-field"),
                in.report().findings().stream().filter(Finding::isError).map(Finding::rule).toList());
    }

    @Test
    void aSyntaxErrorOnOneLineLeavesTheOtherLinesChecked() {
        ImageRecords.Inspection in = lines("{\"project\":\"p\",\"alias\":\"a\"}\n{\"project\": \n"
                + "{\"project\":\"p\",\"alias\":\"b\"}\n");
        List<Finding> errors = in.report().findings().stream().filter(Finding::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(2, errors.get(0).line());
        assertEquals(List.of("a", "b"), in.entries().stream().map(e -> e.image().alias()).toList());
    }

    @Test
    void singleDocumentsStillRejectWhatTheReferenceRejects() {
        ImageRecords.Inspection dup = inspect("{\"role\":\"pikaci-runner\",\"guest_role\":\"pikaci-runner\","
                + "\"project\":\"p\",\"alias\":\"pikaci/dev\"}");
        assertEquals("duplicate-field", dup.report().findings().get(0).rule());
        assertEquals("/guest_role", dup.report().findings().get(0).pointer());
        ImageRecords.Inspection badRole = inspect("{\"guest_role\":\"PIKACI-RUNNER\",\"project\":\"p\",\"alias\":\"a\"}");
        assertEquals("unknown-variant", badRole.report().findings().get(0).rule());
        assertTrue(badRole.entries().isEmpty(), "the reference decodes nothing from a rejected record");
        assertFalse(badRole.report().valid(false));
        assertFalse(inspect("\"pikaci-runner\"").report().valid(false));
    }
}
