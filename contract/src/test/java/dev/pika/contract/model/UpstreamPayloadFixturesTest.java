package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.contract.plan.IncusMountPlan;
import dev.pika.contract.plan.IncusRuntimePlan;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture of {@code upstream-test-payloads} whose type this module models, against what {@code index.json}
 * says the reference does with it.
 */
class UpstreamPayloadFixturesTest {

    /** contract_type in index.json → our type. */
    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("IncusGuestRole", GuestRole.class),
            Map.entry("IncusGuestRunRequest", IncusGuestRunRequest.class),
            Map.entry("IncusMountPlan", IncusMountPlan.class),
            Map.entry("IncusRuntimePlan", IncusRuntimePlan.class),
            Map.entry("LifecycleEvent", LifecycleEvent.class),
            Map.entry("LifecycleEventStream", LifecycleEvent.class),
            Map.entry("LifecycleStatus", LifecycleStatus.class),
            Map.entry("LifecycleTerminalResult", TerminalResult.class),
            Map.entry("OutputCollectionPolicy", OutputCollectionPolicy.class),
            Map.entry("RemoteLinuxVmExecutionRecord", ExecutionRecord.class),
            Map.entry("RemoteLinuxVmImageRecord", ImageRecord.class),
            Map.entry("RuntimeArtifactPaths", RuntimeArtifactPaths.class),
            Map.entry("RuntimeMount", RuntimeMount.class),
            Map.entry("RuntimePaths", RuntimePaths.class),
            Map.entry("RuntimePolicies", RuntimePolicies.class),
            Map.entry("RuntimeSpec", RuntimeSpec.class));

    static Stream<JsonNode> entries() {
        List<JsonNode> all = Fixtures.index();
        for (JsonNode e : all) {
            String type = e.get("contract_type").asText();
            assertTrue(TYPES.containsKey(type), "unmapped contract type " + type);
        }
        return all.stream().filter(e -> TYPES.containsKey(e.get("contract_type").asText()));
    }

    static Class<?> type(JsonNode entry) {
        return TYPES.get(entry.get("contract_type").asText());
    }

    static String file(JsonNode entry) {
        return entry.get("file").asText();
    }

    static Object decode(JsonNode entry) throws ContractDecodeException {
        return ContractCodec.decode(type(entry), file(entry), Fixtures.bytes(file(entry)));
    }

    @Test
    void indexCoversAllModelledTypes() {
        assertEquals(TYPES.keySet().size(), entries().map(e -> e.get("contract_type").asText()).distinct().count());
    }

    @TestFactory
    Stream<DynamicTest> acceptedFixturesDecode() {
        return entries().filter(e -> e.get("verdict").asText().equals("accept"))
                .map(e -> DynamicTest.dynamicTest(file(e), () -> assertNotNull(decode(e))));
    }

    @TestFactory
    Stream<DynamicTest> serializedFixturesReEncodeByteIdentically() {
        return entries()
                .filter(e -> e.get("origin").asText().startsWith("serialized-from")
                        || e.get("origin").asText().equals("derived-output")
                        || e.get("contract_type").asText().equals("IncusGuestRole"))
                .map(e -> DynamicTest.dynamicTest(file(e), () -> {
                    String text = Fixtures.text(file(e));
                    Object value = decode(e);
                    String encoded = text.contains("\n") ? ContractCodec.encodePretty(value) : ContractCodec.encode(value);
                    assertEquals(text, encoded);
                }));
    }

    @TestFactory
    Stream<DynamicTest> deserializeRejectsFail() {
        return entries()
                .filter(e -> e.get("verdict").asText().equals("reject") && e.get("stage").asText().equals("deserialize"))
                .map(e -> DynamicTest.dynamicTest(file(e), () -> {
                    if (e.get("contract_type").asText().equals("LifecycleEventStream")) {
                        ContractDecodeException ex = assertThrows(ContractDecodeException.class,
                                () -> ContractCodec.decodeEvents(file(e), Fixtures.text(file(e))));
                        assertEquals(2, ex.line(), ex.getMessage());
                        assertTrue(ex.getMessage().contains("line 2"), ex.getMessage());
                        assertTrue(ex.getMessage().contains(file(e)), ex.getMessage());
                        return;
                    }
                    ContractDecodeException ex = assertThrows(ContractDecodeException.class, () -> decode(e));
                    assertTrue(ex.getMessage().contains(file(e)), "names the source: " + ex.getMessage());
                    if (e.get("origin").asText().equals("literal-verbatim")) {
                        // every verbatim reject has one bad value: "passed"
                        assertEquals(lineOf(Fixtures.text(file(e)), "\"passed\""), ex.line(), ex.getMessage());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> validateRejectsDecodeButBreakTheReferenceRule() {
        return entries()
                .filter(e -> e.get("verdict").asText().equals("reject") && !e.get("stage").asText().equals("deserialize"))
                .map(e -> DynamicTest.dynamicTest(file(e), () -> {
                    Object value = decode(e);
                    String expected = e.get("error_text_from_format_string").asText();
                    List<String> messages = new ArrayList<>();
                    if (value instanceof RuntimeSpec spec) {
                        spec.validate().forEach(v -> messages.add(v.message()));
                        JsonNode variant = e.get("expected_error_variant");
                        String kind = variant.fieldNames().next();
                        SpecViolation first = spec.validate().get(0);
                        assertEquals(kind, switch (first.kind()) {
                            case EMPTY_FIELD -> "EmptyField";
                            case INVALID_PATH -> "InvalidPath";
                            case DUPLICATE_MOUNT_GUEST_PATH -> "DuplicateMountGuestPath";
                        });
                        JsonNode fields = variant.get(kind);
                        if (fields.has("field")) {
                            assertEquals(fields.get("field").asText(), first.field());
                        }
                        if (fields.has("path")) {
                            assertEquals(fields.get("path").asText(), first.value());
                        }
                        if (fields.has("guest_path")) {
                            assertEquals(fields.get("guest_path").asText(), first.value());
                        }
                    } else if (value instanceof RuntimeArtifactPaths paths) {
                        assertTrue(e.get("stage").asText().contains("\"artifacts\""));
                        messages.addAll(paths.validateCanonicalPaths("artifacts"));
                    } else {
                        fail("no validation stage for " + value.getClass());
                    }
                    assertFalse(messages.isEmpty());
                    assertEquals(expected, messages.get(0));
                    for (JsonNode s : iterable(e.get("expected_error_contains"))) {
                        assertTrue(messages.get(0).contains(s.asText()), messages.get(0));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> acceptedSpecsAndPathsPassValidation() {
        return entries().filter(e -> e.get("verdict").asText().equals("accept"))
                .map(e -> DynamicTest.dynamicTest(file(e), () -> {
                    Object value = decode(e);
                    if (value instanceof RuntimeSpec spec) {
                        assertEquals(List.of(), spec.validate());
                    } else if (value instanceof RuntimeArtifactPaths paths) {
                        assertEquals(List.of(), paths.validateCanonicalPaths("artifacts"));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> expectedDecodedFieldsHold() {
        return entries().filter(e -> e.has("expected_decoded"))
                .map(e -> DynamicTest.dynamicTest(file(e), () -> {
                    Object value = decode(e);
                    JsonNode expected = e.get("expected_decoded");
                    if (expected.isTextual()) {
                        // e.g. "IncusGuestRole::ManagedOpenclaw"
                        String variant = expected.asText().substring(expected.asText().indexOf("::") + 2);
                        assertEquals(variant.toUpperCase(), ((Enum<?>) value).name().replace("_", ""));
                        return;
                    }
                    JsonNode tree = ContractCodec.toTree(value);
                    for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        JsonNode want = f.getValue();
                        if (want.isTextual() && want.asText().equals("RuntimePaths::default()")) {
                            want = ContractCodec.toTree(RuntimePaths.defaults());
                        }
                        JsonNode got = tree.at("/" + f.getKey().replace('.', '/'));
                        assertEquals(Fixtures.parse(ContractCodec.encode(want)),
                                Fixtures.parse(ContractCodec.encode(withAbsentAsNull(want, got))), f.getKey());
                    }
                }));
    }

    /**
     * {@code got} with the fields {@code want} has as {@code null} filled in where the encoding omitted them
     * ({@code skip_serializing_if}): the reference's {@code Debug} shows {@code None} either way.
     */
    private static JsonNode withAbsentAsNull(JsonNode want, JsonNode got) {
        if (!want.isObject() || !got.isObject()) {
            return got;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = got.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode mine = got.get(f.getKey());
            if (mine == null && f.getValue().isNull()) {
                copy.putNull(f.getKey());
            } else if (mine != null) {
                copy.set(f.getKey(), withAbsentAsNull(f.getValue(), mine));
            }
        }
        return copy;
    }

    @TestFactory
    Stream<DynamicTest> expectedEncodedTextHolds() {
        return entries().filter(e -> e.has("expected_encoded_contains") || e.has("expected_encoded_fields"))
                .map(e -> DynamicTest.dynamicTest(file(e), () -> {
                    String encoded = ContractCodec.encode(decode(e));
                    for (JsonNode s : iterable(e.get("expected_encoded_contains"))) {
                        assertTrue(encoded.contains(s.asText()), encoded);
                    }
                    JsonNode tree = Fixtures.parse(encoded);
                    for (Iterator<Map.Entry<String, JsonNode>> it = fields(e.get("expected_encoded_fields")); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = it.next();
                        assertEquals(f.getValue(), tree.at("/" + f.getKey().replace('.', '/')), f.getKey());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> expectedPlansHold() {
        return entries().filter(e -> e.has("expected_plan_file") || e.has("expected_planned_mount")
                        || e.has("expected_incus_device_config") || e.has("expected_incus_runtime_config"))
                .map(e -> DynamicTest.dynamicTest(file(e), () -> {
                    Object value = decode(e);
                    if (e.has("expected_plan_file")) {
                        IncusRuntimePlan plan = IncusRuntimePlan.from((RuntimeSpec) value);
                        assertEquals(Fixtures.text(e.get("expected_plan_file").asText()), ContractCodec.encodePretty(plan));
                        JsonNode asserted = e.get("expected_plan_asserted");
                        assertEquals(asserted.get("mounts.len").asInt(), plan.mounts().size());
                        assertEquals(null, plan.mounts().get(0).ioBus());
                        assertEquals(asserted.get("mounts[1].io_bus").asText(), plan.mounts().get(1).ioBus());
                        assertTrue(plan.mounts().stream().noneMatch(m -> m.deviceName().isEmpty()));
                    }
                    if (e.has("expected_planned_mount")) {
                        IncusMountPlan planned = IncusMountPlan.of((RuntimeMount) value);
                        JsonNode want = e.get("expected_planned_mount");
                        JsonNode got = ContractCodec.toTree(planned);
                        for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                            Map.Entry<String, JsonNode> f = it.next();
                            JsonNode g = got.has(f.getKey()) ? got.get(f.getKey()) : com.fasterxml.jackson.databind.node.NullNode.getInstance();
                            assertEquals(f.getValue(), g, f.getKey());
                        }
                    }
                    if (e.has("expected_incus_device_config")) {
                        assertEquals(ContractCodec.encode(e.get("expected_incus_device_config")),
                                ContractCodec.encode(((IncusMountPlan) value).deviceConfig()));
                    }
                    if (e.has("expected_incus_runtime_config")) {
                        assertEquals(ContractCodec.encode(e.get("expected_incus_runtime_config")),
                                ContractCodec.encode(((IncusRuntimePlan) value).instanceConfig()));
                    }
                }));
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in fixture");
    }

    private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode objectOrNull) {
        return objectOrNull == null ? java.util.Collections.emptyIterator() : objectOrNull.fields();
    }

    private static Iterable<JsonNode> iterable(JsonNode arrayOrNull) {
        List<JsonNode> out = new ArrayList<>();
        if (arrayOrNull != null) {
            arrayOrNull.forEach(out::add);
        }
        return out;
    }
}
