package dev.pika.contract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.pika.contract.Finding;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link JsonSchemas} checked by a real JSON Schema validator (networknt json-schema-validator, draft 2020-12):
 * every schema is a valid 2020-12 schema; every reference fixture and example gets the schema verdict that pika's
 * validator implies (accepted documents stay accepted; a document pika rejects for a reason a schema can express is
 * rejected), and, on every accepted document, type, enum, required and range violations made from the type model
 * are rejected by both.
 */
class JsonSchemasTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Rules whose errors a JSON Schema can express (the rest: value rules, syntax, limits, duplicates). */
    private static final Set<String> EXPRESSIBLE = Set.of("invalid-type", "integer-out-of-range",
            "unknown-variant", "missing-field", "unknown-field");
    private static final Map<String, DocumentKind> KIND_OF_TYPE = Map.of(
            "LifecycleTerminalResult", DocumentKind.RESULT, "LifecycleStatus", DocumentKind.STATUS,
            "LifecycleEvent", DocumentKind.EVENTS, "LifecycleEventStream", DocumentKind.EVENTS,
            "IncusGuestRunRequest", DocumentKind.REQUEST, "RuntimeSpec", DocumentKind.SPEC,
            "RemoteLinuxVmImageRecord", DocumentKind.IMAGE_RECORD,
            "RemoteLinuxVmExecutionRecord", DocumentKind.EXECUTION_RECORD);
    /** The generated schemas, loaded by networknt (whose {@code Schema} class is not named here: pika has one). */
    private static final Map<DocumentKind, Function<JsonNode, List<Error>>> SCHEMAS =
            new EnumMap<>(DocumentKind.class);

    /** @return the networknt validator of the generated schema of {@code kind}: a document's errors */
    static Function<JsonNode, List<Error>> schema(DocumentKind kind) {
        return SCHEMAS.computeIfAbsent(kind, k -> SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(JsonSchemas.of(k))::validate);
    }

    /** A document of a kind: where it comes from, its bytes. */
    record Doc(String name, DocumentKind kind, byte[] bytes) {
    }

    @Test
    void everySchemaIsAValid2020_12Schema() {
        Function<JsonNode, List<Error>> metaSchema = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12).getSchema(SchemaLocation.of(JsonSchemas.DIALECT))::validate;
        for (DocumentKind k : DocumentKind.values()) {
            ObjectNode s = JsonSchemas.of(k);
            assertEquals(JsonSchemas.DIALECT, s.get("$schema").asText());
            assertEquals(List.of(), metaSchema.apply(s), k + ": against the 2020-12 meta-schema");
        }
    }

    @TestFactory
    Stream<DynamicTest> fixturesGetTheVerdictPikaImplies() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Doc d : documents()) {
            tests.add(DynamicTest.dynamicTest(d.name(), () -> {
                List<Finding> errors = Validator.validate(d.kind(), d.name(), d.bytes()).findings().stream()
                        .filter(Finding::isError).toList();
                boolean expressible = errors.stream().anyMatch(f -> EXPRESSIBLE.contains(f.rule())
                        && !f.message().contains("floating point"));
                if (!errors.isEmpty() && !expressible) {
                    return; // syntax, duplicates, value rules, limits: not a schema's business (JsonSchemas)
                }
                List<Error> schemaErrors = schema(d.kind()).apply(MAPPER.readTree(d.bytes()));
                if (errors.isEmpty()) {
                    assertEquals(List.of(), schemaErrors, "pika accepts " + d.name() + ", so must the schema");
                } else if (expressible) {
                    assertFalse(schemaErrors.isEmpty(), "pika rejects " + d.name() + " with " + errors
                            + ", the schema must reject it too");
                }
            }));
        }
        assertTrue(tests.size() > 40, "fixtures and examples found: " + tests.size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> violationsMadeFromTheModelAreRejectedByBoth() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Doc d : documents()) {
            if (Validator.validate(d.kind(), d.name(), d.bytes()).findings().stream().anyMatch(Finding::isError)) {
                continue;
            }
            JsonNode doc = MAPPER.readTree(d.bytes());
            for (Mutation m : mutations(Validator.schema(d.kind()), (ObjectNode) doc, "")) {
                tests.add(DynamicTest.dynamicTest(d.name() + ": " + m.what(), () -> {
                    byte[] bytes = MAPPER.writeValueAsBytes(m.doc());
                    List<Finding> errors = Validator.validate(d.kind(), d.name(), bytes).findings().stream()
                            .filter(Finding::isError).toList();
                    assertFalse(errors.isEmpty(), "pika's validator rejects " + m.what());
                    assertFalse(schema(d.kind()).apply(m.doc()).isEmpty(), "the schema rejects " + m.what()
                            + " (pika: " + errors.get(0).rule() + ")");
                }));
            }
        }
        assertTrue(tests.size() > 100, "violations made: " + tests.size());
        return tests.stream();
    }

    @Test
    void aliasAndNullRules() throws IOException {
        Function<JsonNode, List<Error>> image = schema(DocumentKind.IMAGE_RECORD);
        JsonNode both = MAPPER.readTree("{\"guest_role\":\"pikaci-runner\",\"role\":\"pikaci-runner\","
                + "\"project\":\"p\",\"alias\":\"a\"}");
        assertFalse(image.apply(both).isEmpty(), "guest_role and its alias role at once is a duplicate field");
        assertEquals(List.of(), image.apply(MAPPER.readTree("{\"role\":\"pikaci-runner\",\"project\":\"p\","
                + "\"alias\":\"a\",\"fingerprint\":null}")), "role alone, fingerprint null (Option)");
        Function<JsonNode, List<Error>> spec = schema(DocumentKind.SPEC);
        JsonNode spec0 = MAPPER.readTree(Fixtures.example("spec.json"));
        ((ObjectNode) spec0).putNull("labels");
        assertFalse(spec.apply(spec0).isEmpty(), "a #[serde(default)] field is not nullable");
    }

    /** A violation: what was done, and the document. */
    record Mutation(String what, JsonNode doc) {
    }

    /** @return for each field of {@code obj} present in {@code doc}: removed (if required), wrong type, out of range */
    static List<Mutation> mutations(Schema.Obj obj, ObjectNode doc, String at) {
        List<Mutation> out = new ArrayList<>();
        for (Schema.Field f : obj.fields().values()) {
            String name = doc.has(f.name()) ? f.name() : f.aliases().stream().filter(doc::has).findFirst().orElse(null);
            if (name == null) {
                continue;
            }
            String where = at + "/" + name;
            if (f.presence() == Schema.Presence.REQUIRED) {
                ObjectNode copy = doc.deepCopy();
                copy.remove(name);
                out.add(new Mutation("required " + where + " removed", copy));
            }
            JsonNode wrong = wrongType(f.type());
            if (wrong != null) {
                ObjectNode copy = doc.deepCopy();
                copy.set(name, wrong);
                out.add(new Mutation(where + " = " + wrong, copy));
            }
            if (f.type() instanceof Schema.Int i) {
                for (BigInteger v : List.of(i.max().add(BigInteger.ONE), i.min().subtract(BigInteger.ONE))) {
                    ObjectNode copy = doc.deepCopy();
                    copy.put(name, v);
                    out.add(new Mutation(where + " = " + v + " (" + i.name() + ")", copy));
                }
            }
            if (f.type() instanceof Schema.Enum) {
                ObjectNode copy = doc.deepCopy();
                copy.put(name, "no-such-variant");
                out.add(new Mutation(where + " = no-such-variant", copy));
            }
            if (f.type() instanceof Schema.Obj inner && doc.get(name) instanceof ObjectNode innerDoc) {
                for (Mutation m : mutations(inner, innerDoc, where)) {
                    ObjectNode copy = doc.deepCopy();
                    copy.set(name, m.doc());
                    out.add(new Mutation(m.what(), copy));
                }
            }
        }
        return out;
    }

    /** @return a value of another JSON type than {@code t} accepts (null for {@code Any}) */
    private static JsonNode wrongType(Schema.Type t) {
        if (t instanceof Schema.Str || t instanceof Schema.Enum) {
            return MAPPER.getNodeFactory().numberNode(42);
        } else if (t instanceof Schema.Int || t instanceof Schema.Bool || t instanceof Schema.Array
                || t instanceof Schema.MapOf || t instanceof Schema.Obj) {
            return MAPPER.getNodeFactory().textNode("text");
        }
        return null;
    }

    /** Every fixture of a document kind (upstream payloads, lifecycle helper, Tart fragment) and every example. */
    static List<Doc> documents() throws IOException {
        List<Doc> docs = new ArrayList<>();
        JsonNode index = MAPPER.readTree(Fixtures.bytes("upstream-test-payloads/index.json"));
        for (JsonNode e : index.get("entries")) {
            DocumentKind kind = KIND_OF_TYPE.get(e.get("contract_type").asText());
            if (kind != null) {
                String file = "upstream-test-payloads/" + e.get("file").asText();
                addLines(docs, file, kind, Fixtures.bytes(file));
            }
        }
        for (String dir : List.of("upstream-lifecycle-helper", "upstream-tart-fragment")) {
            try (Stream<Path> files = Files.list(Fixtures.fixture(dir))) {
                for (Path p : files.sorted().toList()) {
                    DocumentKind kind = DocumentKind.fromFileName(p.getFileName().toString()).orElse(null);
                    String n = p.getFileName().toString();
                    if (kind != null && (n.endsWith(".json") || n.endsWith(".jsonl")) && !n.startsWith("cli-")) {
                        addLines(docs, dir + "/" + n, kind, Files.readAllBytes(p));
                    }
                }
            }
        }
        for (String n : List.of("result.json", "status.json", "events.jsonl", "guest-request.json",
                "guest-request-v1.json", "spec.json", "legacy-passed-result.json")) {
            DocumentKind kind = n.startsWith("legacy") ? DocumentKind.RESULT : n.equals("guest-request-v1.json")
                    ? DocumentKind.REQUEST : DocumentKind.fromFileName(n).orElseThrow();
            addLines(docs, "examples/" + n, kind, Fixtures.example(n));
        }
        return docs;
    }

    /** An event stream is one document per non-blank line; anything else is one document. */
    private static void addLines(List<Doc> docs, String name, DocumentKind kind, byte[] bytes) {
        if (kind != DocumentKind.EVENTS) {
            docs.add(new Doc(name, kind, bytes));
            return;
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                docs.add(new Doc(name + ":" + (i + 1), kind, lines[i].getBytes(StandardCharsets.UTF_8)));
            }
        }
    }
}
