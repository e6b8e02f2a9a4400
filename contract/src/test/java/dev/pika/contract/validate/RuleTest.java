package dev.pika.contract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per rule: each input breaks exactly that rule (CONTRACT.md §1–§4), and the finding's rule id, severity,
 * line, column and JSON pointer are asserted.
 */
class RuleTest {
    static final String RESULT = "{\n"
            + "  \"schema_version\": 1,\n"
            + "  \"status\": \"completed\",\n"
            + "  \"finished_at\": \"2026-03-25T20:00:00Z\",\n"
            + "  \"message\": \"test passed\",\n"
            + "  \"exit_code\": 0\n"
            + "}";
    static final String REQUEST = "{\"schema_version\": 2, \"command\": \"cargo test\", \"timeout_secs\": 600, "
            + "\"run_as_root\": false}";
    static final String SPEC = "{\n"
            + "  \"identity\": {\"runtime_id\": \"runtime-1\", \"instance_name\": \"pika-runtime-1\"},\n"
            + "  \"incus\": {\"project\": \"p\", \"profile\": \"default\", \"image_alias\": \"pikaci/dev\"},\n"
            + "  \"mounts\": [\n"
            + "    {\"kind\": \"persistent_volume\", \"guest_path\": \"/var/lib/pika\", \"source\": \"state\", "
            + "\"mode\": \"read_write\"}\n"
            + "  ],\n"
            + "  \"paths\": {\"state_dir\": \"/run/pika-cloud\"},\n"
            + "  \"entry_command\": \"/bin/run\"\n"
            + "}";
    static final String EVENT1 = "{\"schema_version\": 1, \"seq\": 1, \"timestamp\": \"2026-03-25T20:00:00Z\", "
            + "\"kind\": \"booted\", \"message\": \"booted\"}";
    static final String EVENT2 = "{\"schema_version\": 1, \"seq\": 2, \"timestamp\": \"2026-03-25T20:00:01Z\", "
            + "\"kind\": \"completed\", \"message\": \"done\"}";

    static ValidationReport check(DocumentKind kind, String text) {
        return Validator.validate(kind, "doc", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts the report has exactly one finding, of this rule, at this place. */
    static Finding only(ValidationReport r, String rule, Severity sev, int line, int col, String pointer) {
        assertEquals(1, r.findings().size(), "exactly one finding expected: " + r.findings());
        Finding f = r.findings().get(0);
        assertEquals(rule, f.rule(), f.toString());
        assertEquals(sev, f.severity(), f.toString());
        assertEquals(line, f.line(), "line of " + f);
        assertEquals(col, f.column(), "column of " + f);
        assertEquals(pointer, f.pointer(), "pointer of " + f);
        assertEquals("doc", f.source());
        return f;
    }

    @Test
    void baselinesAreValidAndLintClean() {
        assertTrue(check(DocumentKind.RESULT, RESULT).valid(true));
        assertTrue(check(DocumentKind.REQUEST, REQUEST).valid(true));
        assertTrue(check(DocumentKind.SPEC, SPEC).valid(true), check(DocumentKind.SPEC, SPEC).findings()::toString);
        assertTrue(check(DocumentKind.EVENTS, EVENT1 + "\n" + EVENT2 + "\n").valid(true));
    }

    // ---- §1 decoding rules -----------------------------------------------------------------------------------

    @Test
    void syntaxError() {
        Finding f = only(check(DocumentKind.RESULT, RESULT.replace("1,\n", "1\n")), "syntax-error", Severity.ERROR,
                3, 3, "");
        assertEquals("expected `,` or `}`", f.message(), "serde_json's words");
        assertEquals(3, f.endColumn(), "serde_json: at line 3 column 3");
    }

    @Test
    void emptyDocument() {
        Finding f = only(check(DocumentKind.RESULT, ""), "syntax-error", Severity.ERROR, 1, 0, "");
        assertTrue(f.message().startsWith("EOF while parsing a value"), f.message());
        // serde_json: "EOF while parsing a value at line 2 column 0" after a newline
        only(check(DocumentKind.RESULT, "  \n"), "syntax-error", Severity.ERROR, 2, 0, "");
    }

    @Test
    void truncatedDocument() {
        Finding f = only(check(DocumentKind.RESULT, "{\"schema_version\": 1,"), "syntax-error", Severity.ERROR,
                1, 21, "");
        assertTrue(f.message().contains("EOF"), f.message());
    }

    @Test
    void trailingCharacters() {
        only(check(DocumentKind.RESULT, RESULT + "\n{}"), "trailing-characters", Severity.ERROR, 8, 1, "");
        only(check(DocumentKind.RESULT, RESULT + " x"), "trailing-characters", Severity.ERROR, 7, 3, "");
        assertTrue(check(DocumentKind.RESULT, RESULT + "\n\n  \t\n").valid(true), "trailing whitespace is fine");
    }

    @Test
    void topLevelMustBeAnObject() {
        // an array is the positional form of the struct (CONTRACT.md §1): its first element is schema_version
        Finding f = only(check(DocumentKind.RESULT, "[1, 2]"), "invalid-type", Severity.ERROR, 1, 5, "/1");
        assertEquals("expected value", f.message(), "serde_json's words for a number where an enum belongs");
        f = only(check(DocumentKind.RESULT, "\"x\""), "invalid-type", Severity.ERROR, 1, 1, "");
        assertEquals("invalid type: string \"x\", expected struct LifecycleTerminalResult", f.message());
    }

    @Test
    void typesAreNeverCoerced() {
        Finding f = only(check(DocumentKind.RESULT, RESULT.replace("\"schema_version\": 1", "\"schema_version\": \"1\"")),
                "invalid-type", Severity.ERROR, 2, 21, "/schema_version");
        assertEquals("invalid type: string \"1\", expected u32", f.message());
        f = only(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"exit_code\": 1.0")),
                "invalid-type", Severity.ERROR, 6, 16, "/exit_code");
        assertEquals("invalid type: floating point `1.0`, expected i32", f.message());
        f = only(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"exit_code\": true")),
                "invalid-type", Severity.ERROR, 6, 16, "/exit_code");
        assertEquals("invalid type: boolean `true`, expected i32", f.message());
        f = only(check(DocumentKind.REQUEST, REQUEST.replace("false", "0")), "invalid-type", Severity.ERROR, 1, 84,
                "/run_as_root");
        assertEquals("invalid type: integer `0`, expected a boolean", f.message());
        f = only(check(DocumentKind.RESULT, RESULT.replace("\"test passed\"", "null")), "invalid-type",
                Severity.ERROR, 5, 14, "/message");
        assertEquals("invalid type: null, expected a string", f.message());
    }

    @Test
    void integerRanges() {
        Finding f = only(check(DocumentKind.RESULT, RESULT.replace("\"schema_version\": 1", "\"schema_version\": -1")),
                "integer-out-of-range", Severity.ERROR, 2, 21, "/schema_version");
        assertEquals("invalid value: integer `-1`, expected u32", f.message());
        only(check(DocumentKind.RESULT, RESULT.replace("\"schema_version\": 1", "\"schema_version\": 4294967296")),
                "integer-out-of-range", Severity.ERROR, 2, 21, "/schema_version");
        only(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"exit_code\": 2147483648")),
                "integer-out-of-range", Severity.ERROR, 6, 16, "/exit_code");
        assertTrue(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"exit_code\": -2147483648"))
                .valid(false), "i32 minimum is accepted (as failed/… lint aside)");
        // beyond u64, serde_json reads a float
        f = only(check(DocumentKind.REQUEST, REQUEST.replace("600", "18446744073709551616")), "invalid-type",
                Severity.ERROR, 1, 64, "/timeout_secs");
        assertEquals("invalid type: floating point `18446744073709552000.0`, expected u64", f.message());
        assertTrue(check(DocumentKind.REQUEST, REQUEST.replace("600", "18446744073709551615")).valid(true),
                "u64 maximum is accepted");
        only(check(DocumentKind.SPEC, SPEC.replace("\"entry_command\"", "\"resources\": {\"vcpu_count\": 256},\n"
                + "  \"entry_command\"")), "integer-out-of-range", Severity.ERROR, 8, 31, "/resources/vcpu_count");
    }

    @Test
    void duplicateField() {
        Finding f = only(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"exit_code\": 0, \"status\": \"failed\"")),
                "duplicate-field", Severity.ERROR, 6, 19, "/status");
        assertEquals("duplicate field `status`", f.message());
    }

    @Test
    void missingField() {
        Finding f = only(check(DocumentKind.RESULT, RESULT.replace("  \"message\": \"test passed\",\n", "")),
                "missing-field", Severity.ERROR, 1, 1, "/message");
        assertEquals("missing field `message`", f.message());
        assertEquals(6, f.endLine(), "serde_json: at the closing brace");
        assertEquals(1, f.endColumn());
    }

    @Test
    void optionalMayBeMissingOrNull() {
        assertTrue(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"exit_code\": null")).valid(true));
        assertTrue(check(DocumentKind.RESULT, RESULT.replace(",\n  \"exit_code\": 0", "")).valid(true));
        assertTrue(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"details\": null")).valid(true));
    }

    @Test
    void defaultedFieldsRejectNull() {
        Finding f = only(check(DocumentKind.SPEC, SPEC.replace("\"paths\": {\"state_dir\": \"/run/pika-cloud\"}",
                "\"paths\": null")), "invalid-type", Severity.ERROR, 7, 12, "/paths");
        assertEquals("invalid type: null, expected struct RuntimePaths", f.message());
    }

    @Test
    void enumsAreExactAndLegacyPassedGetsAHint() {
        Finding f = only(check(DocumentKind.RESULT, RESULT.replace("\"completed\"", "\"Completed\"")),
                "unknown-variant", Severity.ERROR, 3, 13, "/status");
        assertNull(f.hint());
        f = only(check(DocumentKind.RESULT, RESULT.replace("\"completed\"", "\"passed\"")), "unknown-variant",
                Severity.ERROR, 3, 13, "/status");
        assertEquals("unknown variant `passed`, expected `completed` or `failed`", f.message());
        assertTrue(f.hint().contains("renamed to `completed`"));
        assertEquals(20, f.endColumn());
        only(check(DocumentKind.RESULT, RESULT.replace("\"completed\"", "\" completed\"")), "unknown-variant",
                Severity.ERROR, 3, 13, "/status");
    }

    @Test
    void unknownFieldIsLintExceptForTheRequest() {
        Finding f = only(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"exit_code\": 0, \"mesage\": \"x\"")),
                "unknown-field", Severity.WARNING, 6, 19, "/mesage");
        assertEquals("did you mean `message`?", f.hint());
        assertTrue(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"exit_code\": 0, \"x\": 1"))
                .valid(false));
        f = only(check(DocumentKind.REQUEST, REQUEST.replace("}", ", \"env\": {}}")), "unknown-field",
                Severity.ERROR, 1, 91, "/env");
        assertTrue(f.message().contains("expected one of `schema_version`, `command`, `timeout_secs`, `run_as_root`"));
    }

    @Test
    void requestV1IsRejectedWithTheMigrationHint() {
        String v1 = "{\"schema_version\": 1, \"command\": \"cargo test\", \"timeout_secs\": 600, \"run_as_root\": false,"
                + " \"workspace_dir\": \"/workspace\"}";
        ValidationReport r = check(DocumentKind.REQUEST, v1);
        assertFalse(r.valid(false));
        // the guest's decoder stops at the unknown field (deny_unknown_fields); the hint says why it is gone
        Finding unknown = only(r, "unknown-field", Severity.ERROR, 1, 91, "/workspace_dir");
        assertTrue(unknown.hint().contains("schema version 2 removed"), unknown.hint());
        ValidationReport version = check(DocumentKind.REQUEST, v1.replace(", \"workspace_dir\": \"/workspace\"", ""));
        assertEquals("unsupported Incus guest request schema_version=1", version.findings().get(0).message());
    }

    @Test
    void recursionLimitMatchesSerde() {
        String deep127 = "{\"schema_version\": 1, \"status\": \"completed\", \"finished_at\": \"2026-03-25T20:00:00Z\","
                + " \"message\": \"m\", \"details\": " + "[".repeat(126) + "]".repeat(126) + "}";
        assertTrue(check(DocumentKind.RESULT, deep127).valid(true), "127 levels (the object + 126) are accepted");
        String deep128 = deep127.replace("[".repeat(126), "[".repeat(127)).replace("]".repeat(126), "]".repeat(127));
        Finding f = only(check(DocumentKind.RESULT, deep128), "recursion-limit", Severity.ERROR, 1, 238,
                "/details");
        assertTrue(f.message().startsWith("recursion limit exceeded"));
    }

    @Test
    void encodingMustBeUtf8WithoutBom() {
        byte[] bom = ("\uFEFF" + RESULT).getBytes(StandardCharsets.UTF_8);
        ValidationReport r = Validator.validate(DocumentKind.RESULT, "doc", bom);
        only(r, "encoding", Severity.ERROR, 1, 1, "");
        byte[] utf16 = RESULT.getBytes(StandardCharsets.UTF_16LE);
        only(Validator.validate(DocumentKind.RESULT, "doc", utf16), "encoding", Severity.ERROR, 1, 2, "");
        byte[] badUtf8 = RESULT.replace("test passed", "test \u00e9").getBytes(StandardCharsets.UTF_8);
        badUtf8[RESULT.indexOf("test passed") + 5] = (byte) 0xC3;
        badUtf8[RESULT.indexOf("test passed") + 6] = (byte) 0x28;
        Finding f = Validator.validate(DocumentKind.RESULT, "doc", badUtf8).findings().get(0);
        assertEquals("invalid-unicode", f.rule());
        assertEquals("invalid unicode code point", f.message());
    }

    @Test
    void loneSurrogateIsRejected() {
        Finding f = only(check(DocumentKind.RESULT, RESULT.replace("test passed", "bad \\ud800 text")),
                "invalid-unicode", Severity.ERROR, 5, 25, "/message");
        assertEquals("unexpected end of hex escape", f.message());
        assertTrue(check(DocumentKind.RESULT, RESULT.replace("test passed", "ok \\ud83d\\ude00")).valid(true));
        only(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"details\": {\"k\": [\"\\udc00\"]}")),
                "invalid-unicode", Severity.ERROR, 6, 27, "/details");
    }

    @Test
    void floatOverflowInDetailsIsRejected() {
        only(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"details\": {\"x\": 1e400}")),
                "number-out-of-range", Severity.ERROR, 6, 24, "/details");
        assertTrue(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"details\": {\"x\": 1e300, "
                + "\"big\": 123456789012345678901234567890}")).valid(true));
    }

    @Test
    void detailsMayRepeatKeysLikeSerdeJsonValue() {
        assertTrue(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"details\": {\"a\": 1, \"a\": 2}"))
                .valid(true));
    }

    // ---- §2 lint -------------------------------------------------------------------------------------------

    @Test
    void schemaVersionLint() {
        only(check(DocumentKind.RESULT, RESULT.replace("\"schema_version\": 1", "\"schema_version\": 2")),
                "schema-version", Severity.WARNING, 2, 21, "/schema_version");
        only(check(DocumentKind.STATUS, "{\"schema_version\": 0, \"state\": \"ready\", \"updated_at\": "
                + "\"2026-03-25T20:00:00+00:00\", \"message\": \"m\"}"), "schema-version", Severity.WARNING, 1, 20,
                "/schema_version");
    }

    @Test
    void statusExitCodeLint() {
        only(check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"exit_code\": 3")), "status-exit-code",
                Severity.WARNING, 3, 13, "/status");
        only(check(DocumentKind.RESULT, RESULT.replace("\"completed\"", "\"failed\"")), "status-exit-code",
                Severity.WARNING, 3, 13, "/status");
    }

    @Test
    void timestampLint() {
        only(check(DocumentKind.RESULT, RESULT.replace("2026-03-25T20:00:00Z", "25/03/2026 20:00")),
                "timestamp-format", Severity.WARNING, 4, 18, "/finished_at");
        only(check(DocumentKind.RESULT, RESULT.replace("2026-03-25T20:00:00Z", "2026-13-25T20:00:00Z")),
                "timestamp-format", Severity.WARNING, 4, 18, "/finished_at");
        assertTrue(check(DocumentKind.RESULT, RESULT.replace("2026-03-25T20:00:00Z", "2026-03-25T20:00:00.123+05:30"))
                .valid(true));
    }

    @Test
    void strictTurnsWarningsIntoFailures() {
        ValidationReport r = check(DocumentKind.RESULT, RESULT.replace("\"exit_code\": 0", "\"exit_code\": 3"));
        assertTrue(r.valid(false));
        assertFalse(r.valid(true));
    }

    // ---- event streams -------------------------------------------------------------------------------------

    @Test
    void eventStreamLineNumbersAndBlankLines() {
        String bad = EVENT2.replace("\"completed\"", "\"passed\"");
        ValidationReport r = check(DocumentKind.EVENTS, EVENT1 + "\n\n   \r\n" + bad + "\n");
        Finding f = only(r, "unknown-variant", Severity.ERROR, 4, 78, "/kind");
        assertNotNull(f.hint());
        assertTrue(check(DocumentKind.EVENTS, "").valid(true), "an empty stream holds no events");
        assertTrue(check(DocumentKind.EVENTS, EVENT1 + "\r\n" + EVENT2).valid(true), "CRLF and no final newline");
    }

    @Test
    void eventStreamSeqOrderLint() {
        Finding f = only(check(DocumentKind.EVENTS, EVENT2 + "\n" + EVENT1 + "\n"), "seq-order", Severity.WARNING,
                2, 30, "/seq");
        assertTrue(f.message().contains("previous event's seq 2 (line 1)"), f.message());
    }

    /** seq is a u64: values from 2^63 up are compared as well as those that fit a long. */
    @Test
    void eventStreamSeqOrderAcrossTheLongRange() {
        String max = "18446744073709551615";
        String low = "9223372036854775808"; // 2^63
        String below = "9223372036854775807";
        String rising = EVENT1.replace("\"seq\": 1", "\"seq\": " + below) + "\n"
                + EVENT1.replace("\"seq\": 1", "\"seq\": " + low) + "\n"
                + EVENT1.replace("\"seq\": 1", "\"seq\": " + max) + "\n";
        assertTrue(check(DocumentKind.EVENTS, rising).findings().isEmpty(),
                () -> check(DocumentKind.EVENTS, rising).findings().toString());
        Finding f = only(check(DocumentKind.EVENTS, EVENT1.replace("\"seq\": 1", "\"seq\": " + max) + "\n"
                + EVENT1.replace("\"seq\": 1", "\"seq\": " + low) + "\n"), "seq-order", Severity.WARNING, 2, 30,
                "/seq");
        assertTrue(f.message().contains("seq " + low + " is not greater than the previous event's seq " + max
                + " (line 1)"), f.message());
        Finding back = only(check(DocumentKind.EVENTS, EVENT1.replace("\"seq\": 1", "\"seq\": " + low) + "\n"
                + EVENT1.replace("\"seq\": 1", "\"seq\": " + below) + "\n"), "seq-order", Severity.WARNING, 2, 30,
                "/seq");
        assertTrue(back.message().contains("previous event's seq " + low + " (line 1)"), back.message());
    }

    @Test
    void eventLineHoldsExactlyOneObject() {
        only(check(DocumentKind.EVENTS, EVENT1 + " " + EVENT2 + "\n"), "trailing-characters", Severity.ERROR, 1, 109,
                "");
        ValidationReport split = check(DocumentKind.EVENTS, "{\"schema_version\": 1,\n\"seq\": 1}\n");
        assertEquals(1, split.findings().get(0).line());
        assertFalse(split.valid(false));
    }

    @Test
    void eventStreamStopsAtTheFirstBadLineLikeTheReference() {
        StringBuilder sb = new StringBuilder(EVENT1 + "\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("{}\n");
        }
        ValidationReport r = check(DocumentKind.EVENTS, sb.toString());
        Finding f = only(r, "missing-field", Severity.ERROR, 2, 1, "/schema_version");
        assertEquals("missing field `schema_version`", f.message());
    }

    // ---- §3 guest checks -----------------------------------------------------------------------------------

    @Test
    void requestGuestChecks() {
        only(check(DocumentKind.REQUEST, REQUEST.replace("\"cargo test\"", "\"\"")), "empty-command",
                Severity.ERROR, 1, 34, "/command");
        assertTrue(check(DocumentKind.REQUEST, REQUEST.replace("\"cargo test\"", "\"  \"")).valid(true),
                "the guest refuses only an empty command (`not command`)");
        only(check(DocumentKind.REQUEST, REQUEST.replace("600", "0")), "zero-timeout", Severity.ERROR, 1, 64,
                "/timeout_secs");
        only(check(DocumentKind.REQUEST, REQUEST.replace("\"schema_version\": 2", "\"schema_version\": 3")),
                "unsupported-schema-version", Severity.ERROR, 1, 20, "/schema_version");
        only(check(DocumentKind.REQUEST, REQUEST.replace("600", "true")), "invalid-type", Severity.ERROR, 1, 64,
                "/timeout_secs");
    }

    // ---- §4 spec rules -------------------------------------------------------------------------------------

    @Test
    void specRule1NonEmptyFields() {
        Finding f = only(check(DocumentKind.SPEC, SPEC.replace("\"profile\": \"default\"", "\"profile\": \" \"")),
                "spec-empty-field", Severity.ERROR, 3, 40, "/incus/profile");
        assertEquals("runtime spec field `incus.profile` must be non-empty", f.message());
        // Rust's trim(): U+00A0 is whitespace, U+001C (a Java whitespace) is not
        only(check(DocumentKind.SPEC, SPEC.replace("\"runtime-1\"", "\"\\u00a0\"")), "spec-empty-field",
                Severity.ERROR, 2, 30, "/identity/runtime_id");
        assertTrue(check(DocumentKind.SPEC, SPEC.replace("\"runtime-1\"", "\"\\u001c\"")).valid(false));
    }

    @Test
    void specRule2AbsolutePathsWithoutTraversal() {
        Finding f = only(check(DocumentKind.SPEC, SPEC.replace("{\"state_dir\": \"/run/pika-cloud\"}",
                "{\"state_dir\": \"/run/pika-cloud\", \"logs_dir\": \"logs\"}")), "spec-invalid-path", Severity.ERROR,
                7, 57, "/paths/logs_dir");
        assertEquals("runtime spec path `paths.logs_dir` = `logs` is invalid: must be absolute", f.message());
        f = only(check(DocumentKind.SPEC, SPEC.replace("{\"state_dir\": \"/run/pika-cloud\"}",
                "{\"state_dir\": \"/run/pika-cloud\", \"logs_dir\": \"/run/pika-cloud/../logs\"}")),
                "spec-invalid-path", Severity.ERROR, 7, 57, "/paths/logs_dir");
        assertTrue(f.message().endsWith("must not contain parent traversal"));
        f = only(check(DocumentKind.SPEC, SPEC.replace("{\"state_dir\": \"/run/pika-cloud\"}",
                "{\"state_dir\": \"/run/pika-cloud\", \"logs_dir\": \" \"}")), "spec-empty-field", Severity.ERROR,
                7, 57, "/paths/logs_dir");
        assertEquals("runtime spec field `paths.logs_dir` must be non-empty", f.message());
    }

    @Test
    void specRule3PathsStayUnderStateDir() {
        Finding f = only(check(DocumentKind.SPEC, SPEC.replace("{\"state_dir\": \"/run/pika-cloud\"}",
                "{\"state_dir\": \"/run/pika-cloud\", \"status_path\": \"/run/status.json\"}")),
                "spec-invalid-path", Severity.ERROR, 7, 60, "/paths/status_path");
        assertEquals("runtime spec path `paths.status_path` = `/run/status.json` is invalid: must stay "
                + "under paths.state_dir", f.message());
        assertTrue(check(DocumentKind.SPEC, SPEC.replace("{\"state_dir\": \"/run/pika-cloud\"}",
                "{\"state_dir\": \"/run/pika-cloud\", \"status_path\": \"/run/pika-cloudy/status.json\"}"))
                .valid(false), "the reference tests a plain string prefix");
        // A custom state_dir leaves the defaulted paths outside it: the reference fills defaults first.
        ValidationReport r = check(DocumentKind.SPEC, SPEC.replace("{\"state_dir\": \"/run/pika-cloud\"}",
                "{\"state_dir\": \"/srv/state\"}"));
        assertEquals(7, r.findings().size(), r.findings()::toString);
        for (Finding g : r.findings()) {
            assertEquals("spec-invalid-path", g.rule());
            assertEquals("/paths/state_dir", g.pointer());
            assertEquals(7, g.line());
            assertTrue(g.hint().contains("defaults to"), g.hint());
        }
    }

    @Test
    void specRule4EntryCommand() {
        Finding f = only(check(DocumentKind.SPEC, SPEC.replace("\"/bin/run\"", "\"\"")), "spec-empty-field",
                Severity.ERROR, 8, 20, "/entry_command");
        assertEquals("runtime spec field `entry_command` must be non-empty", f.message());
    }

    @Test
    void specRule5Mounts() {
        Finding f = only(check(DocumentKind.SPEC, SPEC.replace("\"source\": \"state\"", "\"source\": \"\"")),
                "spec-empty-field", Severity.ERROR, 5, 76, "/mounts/0/source");
        assertEquals("runtime spec field `mount.source` must be non-empty", f.message());
        only(check(DocumentKind.SPEC, SPEC.replace("\"/var/lib/pika\"", "\"var/lib/pika\"")), "spec-invalid-path",
                Severity.ERROR, 5, 49, "/mounts/0/guest_path");
        String twice = SPEC.replace("\"mode\": \"read_write\"}\n", "\"mode\": \"read_write\"},\n    {\"kind\": \"cache\", "
                + "\"guest_path\": \"/var/lib/pika\", \"source\": \"c\", \"mode\": \"read_only\"}\n");
        f = only(check(DocumentKind.SPEC, twice), "spec-duplicate-mount-guest-path", Severity.ERROR, 6, 37,
                "/mounts/1/guest_path");
        assertEquals("runtime spec mount guest_path `/var/lib/pika` must be unique", f.message());
    }

    @Test
    void legacySpecFieldsAreLintAndSayTheEntryCommandIsLost() {
        String legacy = SPEC.replace("  \"entry_command\": \"/bin/run\"\n", "  \"bootstrap\": {\"entry_command\": "
                + "\"/bin/old\", \"guest_request_path\": \"/x\"},\n  \"lifecycle_root\": \"/run/x\"\n");
        ValidationReport r = check(DocumentKind.SPEC, legacy);
        assertTrue(r.valid(false), "the reference ignores unknown fields");
        List<String> rules = r.findings().stream().map(Finding::rule).toList();
        assertEquals(List.of("legacy-field", "legacy-field", "legacy-entry-command-lost"), rules);
        Finding lost = r.findings().get(2);
        assertEquals("/bootstrap/entry_command", lost.pointer());
        assertEquals(8, lost.line());
        assertTrue(lost.message().contains("`/bin/old` is lost"), lost.message());
        assertTrue(check(DocumentKind.SPEC, SPEC.replace("\"entry_command\"", "\"provider\": \"incus\",\n  "
                + "\"entry_command\"")).valid(true), "the legacy provider field is tolerated silently");
    }
}
