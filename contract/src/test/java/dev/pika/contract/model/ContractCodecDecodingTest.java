package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.contract.ContractConstants;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The codec decodes like serde: strict types and ranges, defaults, unknown fields, events line by line. */
class ContractCodecDecodingTest {

    private static final String STATUS = "{\"schema_version\":1,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"m\"";

    static <T> T decode(Class<T> type, String json) throws ContractDecodeException {
        return ContractCodec.decode(type, "doc.json", json);
    }

    static ContractDecodeException rejects(Class<?> type, String json) {
        return assertThrows(ContractDecodeException.class, () -> decode(type, json), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"schema_version\":\"1\",\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"m\"}",
        "{\"schema_version\":1.0,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"m\"}",
        "{\"schema_version\":true,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"m\"}",
        "{\"schema_version\":null,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"m\"}",
        "{\"schema_version\":-1,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"m\"}",
        "{\"schema_version\":4294967296,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"m\"}",
        "{\"schema_version\":1,\"state\":\"Ready\",\"updated_at\":\"t\",\"message\":\"m\"}",
        "{\"schema_version\":1,\"state\":\" ready\",\"updated_at\":\"t\",\"message\":\"m\"}",
        "{\"schema_version\":1,\"state\":7,\"updated_at\":\"t\",\"message\":\"m\"}",
        "{\"schema_version\":1,\"state\":\"\",\"updated_at\":\"t\",\"message\":\"m\"}",
        "{\"schema_version\":1,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":null}",
        "{\"schema_version\":1,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":5}",
        "{\"schema_version\":1,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":[\"m\"]}",
        "{\"schema_version\":1,\"state\":\"ready\",\"updated_at\":\"t\"}",
        "{\"schema_version\":1,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"m\",\"boot_id\":3}",
        "{\"schema_version\":1,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"m\",\"message\":\"m\"}",
        "{\"schema_version\":1,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"m\"} {}",
        "{\"schema_version\":1,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"m\"",
        "[]",
        "\"ready\"",
        ""
    })
    void statusRejectsWhatSerdeRejects(String json) {
        rejects(LifecycleStatus.class, json);
    }

    @Test
    void statusAcceptsRangeEdgesNullOptionsAndUnknownFields() throws Exception {
        LifecycleStatus s = decode(LifecycleStatus.class,
                "{\"schema_version\":4294967295,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"\","
                        + "\"boot_id\":null,\"details\":null,\"extra\":{\"x\":1}}");
        assertEquals(4294967295L, s.schemaVersion());
        assertNull(s.bootId());
        assertNull(s.details());
        assertEquals("{\"schema_version\":4294967295,\"state\":\"ready\",\"updated_at\":\"t\",\"message\":\"\"}",
                ContractCodec.encode(s));
    }

    @Test
    void errorsCarryLineColumnAndPointer() {
        ContractDecodeException e = rejects(RuntimeSpec.class, "{\n  \"identity\": {\"runtime_id\": \"r\", \"instance_name\": \"i\"},\n"
                + "  \"incus\": {\"project\": \"p\", \"profile\": \"d\", \"image_alias\": \"a\"},\n"
                + "  \"mounts\": [\n    {\"kind\": \"cache\", \"guest_path\": \"/c\", \"source\": \"c\", \"mode\": \"rw\"}\n  ]\n}");
        assertEquals("/mounts/0/mode", e.pointer());
        assertEquals(5, e.line());
        assertTrue(e.column() > 0);
        assertTrue(e.getMessage().startsWith("failed to decode `doc.json` at line 5 column "), e.getMessage());
        assertTrue(e.problem().contains("rw"), e.problem());
    }

    @Test
    void rangeProblemsNameTheField() {
        ContractDecodeException e = rejects(RuntimeSpec.class, "{\"identity\":{\"runtime_id\":\"r\",\"instance_name\":\"i\"},"
                + "\"incus\":{\"project\":\"p\",\"profile\":\"d\",\"image_alias\":\"a\"},\"resources\":{\"vcpu_count\":256}}");
        assertEquals("vcpu_count must be a u8 (0..255), got 256", e.problem());
        assertEquals("/resources", e.pointer());
        rejects(RuntimeSpec.Resources.class, "{\"memory_mib\":4294967296}");
        rejects(RuntimeSpec.Resources.class, "{\"root_disk_gib\":-1}");
        rejects(RuntimeSpec.Resources.class, "{\"vcpu_count\":-1}");
    }

    @Test
    void resourcesAcceptTheirFullRanges() throws Exception {
        RuntimeSpec.Resources r = decode(RuntimeSpec.Resources.class,
                "{\"vcpu_count\":255,\"memory_mib\":4294967295,\"root_disk_gib\":0}");
        assertEquals(new RuntimeSpec.Resources(255, 4294967295L, 0L), r);
        assertEquals("{\"vcpu_count\":255,\"memory_mib\":4294967295,\"root_disk_gib\":0}", ContractCodec.encode(r));
    }

    @Test
    void u64FieldsUseTheFullUnsignedRange() throws Exception {
        String max = "18446744073709551615";
        LifecycleEvent e = decode(LifecycleEvent.class, "{\"schema_version\":1,\"seq\":" + max
                + ",\"timestamp\":\"t\",\"kind\":\"ready\",\"message\":\"m\"}");
        assertEquals(max, Long.toUnsignedString(e.seq()));
        assertTrue(ContractCodec.encode(e).contains("\"seq\":" + max + ","));
        for (String bad : List.of("18446744073709551616", "-1", "1.0", "\"1\"", "true", "null")) {
            rejects(LifecycleEvent.class, "{\"schema_version\":1,\"seq\":" + bad
                    + ",\"timestamp\":\"t\",\"kind\":\"ready\",\"message\":\"m\"}");
        }
    }

    @Test
    void terminalResultDecodesThroughTheCodec() throws Exception {
        TerminalResult r = ContractCodec.decodeResult("result.json",
                Fixtures.bytes("LifecycleTerminalResult/accept-failed-exit9.json"));
        assertEquals(TerminalResult.forExitCode(9, "2026-03-25T20:00:00Z", null), r);
        rejects(TerminalResult.class, "{\"schema_version\":1,\"status\":\"failed\",\"finished_at\":\"t\",\"message\":\"m\","
                + "\"exit_code\":2147483648}");
        rejects(TerminalResult.class, "{\"schema_version\":1,\"status\":\"failed\",\"finished_at\":\"t\",\"message\":\"m\","
                + "\"exit_code\":\"9\"}");
        TerminalResult minimal = decode(TerminalResult.class,
                "{\"schema_version\":1,\"status\":\"completed\",\"finished_at\":\"t\",\"message\":\"m\",\"exit_code\":null,\"details\":null}");
        assertNull(minimal.exitCode());
        assertEquals(TerminalStatus.COMPLETED, minimal.status());
        assertEquals("{\n  \"schema_version\": 1,\n  \"status\": \"completed\",\n  \"finished_at\": \"t\",\n"
                + "  \"message\": \"m\"\n}", ContractCodec.encodePretty(minimal));
    }

    @Test
    void realLifecycleHelperOutputDecodesAndEncodesLikeTheFactory() throws Exception {
        Path dir = dev.pika.testkit.Fixtures.path("upstream-lifecycle-helper");
        int results = 0;
        try (var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                byte[] bytes = Files.readAllBytes(p);
                if (name.startsWith("result-")) {
                    TerminalResult r = ContractCodec.decodeResult(name, bytes);
                    // the Python helper orders keys its own way: the record survives a round trip through serde's form
                    assertEquals(r, ContractCodec.decodeResult(name,
                            ContractCodec.encodePretty(r).getBytes(StandardCharsets.UTF_8)), name);
                    results++;
                } else if (name.startsWith("status-")) {
                    LifecycleStatus s = ContractCodec.decodeStatus(name, bytes);
                    assertEquals(ContractConstants.LIFECYCLE_SCHEMA_VERSION, s.schemaVersion(), name);
                } else if (name.endsWith(".jsonl")) {
                    List<LifecycleEvent> events = ContractCodec.decodeEvents(name, Files.readString(p));
                    for (int i = 0; i < events.size(); i++) {
                        assertEquals(i + 1, events.get(i).seq(), name);
                    }
                    assertTrue(!events.isEmpty(), name);
                }
            }
        }
        assertEquals(6, results);
    }

    @Test
    void eventStreamsSkipBlankLinesAndNameTheBadLine() throws Exception {
        String line1 = Fixtures.text("LifecycleEvent/accept-minimal-ready-line1.json");
        String stream = "\n" + line1 + "\n   \n" + line1.replace("\"seq\":1", "\"seq\":2") + "\n\t\n";
        List<LifecycleEvent> events = ContractCodec.decodeEvents("events.jsonl", stream);
        assertEquals(List.of(1L, 2L), events.stream().map(LifecycleEvent::seq).toList());

        ContractDecodeException e = assertThrows(ContractDecodeException.class, () -> ContractCodec.decodeEvents(
                "events.jsonl", stream + "{\"schema_version\":1}\n" + line1 + "\n"));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("`events.jsonl` at line 6"), e.getMessage());

        // CRLF line ends, a lone CR inside a line (JSON whitespace, not a line end), no final newline
        String crlf = line1 + "\r\n\u2003\r\n" + line1.replace(",\"kind\"", ",\r\"kind\"").replace("\"seq\":1", "\"seq\":2");
        assertEquals(2, ContractCodec.decodeEvents("crlf.jsonl", crlf).size());
        ContractDecodeException third = assertThrows(ContractDecodeException.class,
                () -> ContractCodec.decodeEvents("crlf.jsonl", crlf + "\r\n{\r}"));
        assertEquals(4, third.line());
    }

    @Test
    void eventStreamsAreReadIncrementally() throws Exception {
        String line = Fixtures.text("LifecycleEvent/accept-minimal-ready-line1.json") + "\n";
        int lines = 20_000;
        Reader generated = new Reader() {
            private int produced;
            private int pos = line.length();

            @Override
            public int read(char[] buf, int off, int len) {
                if (pos == line.length()) {
                    if (produced == lines) {
                        return -1;
                    }
                    produced++;
                    pos = 0;
                }
                int n = Math.min(len, line.length() - pos);
                line.getChars(pos, pos + n, buf, off);
                pos += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        List<Long> firstSeen = new ArrayList<>();
        long count = ContractCodec.decodeEvents("generated.jsonl", generated, ev -> {
            if (firstSeen.isEmpty()) {
                firstSeen.add(ev.seq());
            }
        });
        assertEquals(lines, count);
        assertEquals(List.of(1L), firstSeen);
    }

    @Test
    void requestDeniesUnknownFieldsIncludingVersion1Directories() {
        String v2 = Fixtures.text("IncusGuestRunRequest/accept-cargo-test-pika-cloud.json");
        for (String field : IncusGuestRunRequest.REMOVED_V1_FIELDS.keySet()) {
            ContractDecodeException e = rejects(IncusGuestRunRequest.class,
                    v2.replace("}", ",\"" + field + "\":\"/x\"}"));
            assertTrue(e.problem().contains(field), e.problem());
        }
        rejects(IncusGuestRunRequest.class, v2.replace(",\"run_as_root\":false", ""));
        rejects(IncusGuestRunRequest.class, v2.replace("false", "0"));
        rejects(IncusGuestRunRequest.class, v2.replace("120", "true"));
    }

    @Test
    void specAppliesSerdeDefaultsAndIgnoresTheLegacyProvider() throws Exception {
        RuntimeSpec spec = ContractCodec.decodeSpec("spec.json",
                Fixtures.bytes("RuntimeSpec/accept-legacy-provider-field-defaults.json"));
        assertEquals(RuntimeSpec.Resources.NONE, spec.resources());
        assertEquals(List.of(), spec.mounts());
        assertEquals(RuntimePaths.defaults(), spec.paths());
        assertEquals(RuntimePolicies.defaults(), spec.policies());
        assertNull(spec.entryCommand());
        assertEquals(Map.of(), spec.labels());
        assertEquals(Map.of(), spec.metadata());
        assertEquals(Fixtures.text("RuntimeSpec/accept-for-incus-defaults.json"), ContractCodec.encodePretty(spec));
        assertEquals(spec, RuntimeSpec.forIncus(spec.identity(), spec.incus(), RuntimeSpec.Resources.NONE, null));
    }

    @Test
    void partialPathsAndPoliciesGetPerFieldDefaults() throws Exception {
        RuntimePaths paths = decode(RuntimePaths.class, "{\"state_dir\":\"/srv/pika\"}");
        assertEquals("/srv/pika", paths.stateDir());
        assertEquals(ContractConstants.GUEST_LOG_PATH, paths.guestLogPath());
        OutputCollectionPolicy p = decode(OutputCollectionPolicy.class, "{\"mode\":\"none\",\"include_logs\":false}");
        assertEquals(new OutputCollectionPolicy(OutputCollectionMode.NONE, false, true, List.of()), p);
        rejects(OutputCollectionPolicy.class, "{\"include_logs\":false}");
        rejects(RuntimePolicies.class, "{\"restart_policy\":\"never\"}");
        RuntimeMount m = decode(RuntimeMount.class, "{\"kind\":\"cache\",\"guest_path\":\"/c\",\"source\":\"c\",\"mode\":\"read_write\"}");
        assertEquals(false, m.required());
    }

    @ParameterizedTest
    @ValueSource(strings = {"resources", "mounts", "paths", "policies", "labels", "metadata"})
    void defaultedSpecFieldsMayBeMissingButNotNull(String field) {
        String base = "{\"identity\":{\"runtime_id\":\"r\",\"instance_name\":\"i\"},"
                + "\"incus\":{\"project\":\"p\",\"profile\":\"d\",\"image_alias\":\"a\"}";
        ContractDecodeException e = rejects(RuntimeSpec.class, base + ",\"" + field + "\":null}");
        assertEquals("/" + field, e.pointer());
    }

    @Test
    void defaultedNestedFieldsMayBeMissingButNotNull() throws Exception {
        rejects(RuntimePaths.class, "{\"status_path\":null}");
        rejects(RuntimeArtifactPaths.class, "{\"result_path\":null}");
        rejects(RuntimePolicies.class, "{\"restart_policy\":\"never\",\"retention_policy\":\"debug_keep\",\"output_collection\":null}");
        rejects(OutputCollectionPolicy.class, "{\"mode\":\"none\",\"include_logs\":null}");
        rejects(OutputCollectionPolicy.class, "{\"mode\":\"none\",\"artifact_globs\":null}");
        rejects(OutputCollectionPolicy.class, "{\"mode\":\"none\",\"artifact_globs\":[null]}");
        rejects(RuntimeMount.class, "{\"kind\":\"cache\",\"guest_path\":\"/c\",\"source\":\"c\",\"mode\":\"read_write\",\"required\":null}");
        rejects(ExecutionRecord.class, "{\"backend\":\"incus\",\"phases\":null}");
        ExecutionRecord r = decode(ExecutionRecord.class, "{\"backend\":\"incus\"}");
        assertEquals(List.of(), r.phases());
        assertNull(r.incusImage());
    }

    @Test
    void guestRolesUseTheirExactIds() throws Exception {
        assertEquals(GuestRole.PIKACI_RUNNER, decode(GuestRole.class, "\"pikaci-runner\""));
        assertEquals("\"managed-openclaw\"", ContractCodec.encode(GuestRole.MANAGED_OPENCLAW));
        rejects(GuestRole.class, "\" pikaci-runner\"");
        rejects(GuestRole.class, "\"PIKACI-RUNNER\"");
    }

    @Test
    void unreadableInputIsADecodeErrorWithoutPosition() throws IOException {
        ContractDecodeException e = assertThrows(ContractDecodeException.class,
                () -> ContractCodec.decode(LifecycleStatus.class, "bad.json", new byte[] {(byte) 0xff, (byte) 0xfe}));
        assertEquals("bad.json", e.source());
    }
}
