package dev.pika.contract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every reference document gets the reference's verdict: the upstream test payloads (verdicts and error facts from
 * their index.json), the lifecycle helper's real output and the Tart fragment's results.
 */
class ReferenceVerdictTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> upstreamTestPayloads() throws IOException {
        JsonNode index = MAPPER.readTree(Fixtures.bytes("upstream-test-payloads/index.json"));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode e : index.get("entries")) {
            String file = e.get("file").asText();
            tests.add(DynamicTest.dynamicTest(file, () -> checkEntry(e)));
        }
        assertEquals(39, tests.size(), "the index lists 39 payloads");
        return tests.stream();
    }

    private static void checkEntry(JsonNode e) {
        String file = e.get("file").asText();
        String type = e.get("contract_type").asText();
        String stage = e.get("stage").asText();
        boolean accept = e.get("verdict").asText().equals("accept");
        Path path = Fixtures.fixture("upstream-test-payloads/" + file);
        byte[] bytes = Fixtures.bytes("upstream-test-payloads/" + file);
        String source = path.toString();

        List<Finding> findings;
        String documentTitle = null;
        if (type.equals("LifecycleEventStream")) {
            findings = Validator.validate(DocumentKind.EVENTS, source, bytes).findings();
        } else if (type.equals("RuntimeSpec")) {
            // build_incus_plan and validate both run the spec's validation rules first
            findings = Validator.validate(DocumentKind.SPEC, source, bytes).findings();
        } else if (type.equals("LifecycleStatus")) {
            findings = Validator.validate(DocumentKind.STATUS, source, bytes).findings();
            documentTitle = DocumentKind.STATUS.title();
        } else if (type.equals("LifecycleTerminalResult")) {
            findings = Validator.validate(DocumentKind.RESULT, source, bytes).findings();
        } else if (stage.startsWith("validate_canonical_paths")) {
            findings = Validator.checkCanonicalArtifactPaths("artifacts", source, bytes);
        } else {
            Schema.Type t = Schemas.BY_CONTRACT_TYPE.get(type);
            assertTrue(t != null, "no schema for contract type " + type);
            findings = Validator.checkType(t, source, bytes);
        }
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        if (accept) {
            assertTrue(errors.isEmpty(), file + " must be accepted, got " + errors);
            return;
        }
        assertFalse(errors.isEmpty(), file + " must be rejected");
        Finding first = errors.get(0);
        for (JsonNode c : iterable(e.get("expected_error_contains"))) {
            String fact = c.asText();
            if (fact.startsWith("<path of the file")) {
                assertEquals(source, first.source(), "the error names the file");
            } else if (fact.matches("line \\d+")) {
                assertEquals(Integer.parseInt(fact.substring(5)), first.line(), "the error names " + fact);
            } else {
                assertTrue(first.message().contains(fact), "message `" + first.message() + "` carries `" + fact
                        + "`");
            }
        }
        JsonNode exact = e.get("expected_error_exact");
        if (exact != null) {
            // failed to decode runtime status from `PATH`: unknown variant `passed`, expected one of … at line 3
            // column 33 — the same facts: document kind, source, what, expected values, line and (end) column.
            String msg = exact.get("message").asText();
            assertTrue(msg.contains(documentTitle), "kind " + documentTitle);
            String what = msg.substring(msg.indexOf(": ") + 2, msg.lastIndexOf(" at line "));
            assertEquals(what, first.message(), "same message text as serde after the prefix");
            String[] pos = msg.substring(msg.lastIndexOf(" at line ") + 9).split(" column ");
            assertEquals(Integer.parseInt(pos[0]), first.endLine());
            assertEquals(Integer.parseInt(pos[1]), first.endColumn(), "serde reports the token's last column");
            assertEquals(3, first.line());
            assertEquals(26, first.column(), "our column is the token's first byte");
        }
        JsonNode text = e.get("error_text_from_format_string");
        if (text != null) {
            String expected = text.asText();
            assertTrue(errors.stream().anyMatch(f -> f.message().startsWith(expected)),
                    "one error reads `" + expected + "`; got " + errors);
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode n) {
        return n == null ? List.of() : n::elements;
    }

    @TestFactory
    Stream<DynamicTest> lifecycleHelperOutputIsValidAndLintClean() throws IOException {
        Path dir = Fixtures.fixture("upstream-lifecycle-helper");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                DocumentKind kind = name.startsWith("result-") ? DocumentKind.RESULT
                        : name.startsWith("status-") ? DocumentKind.STATUS
                        : name.endsWith(".jsonl") ? DocumentKind.EVENTS : null;
                if (kind == null) {
                    continue; // README, cli-errors.json, .seq files
                }
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    ValidationReport r = Validator.validate(kind, p.toString(), Files.readAllBytes(p));
                    assertTrue(r.valid(true), name + " is valid and lint-clean: " + r.findings());
                }));
            }
        }
        assertEquals(17, tests.size(), "14 json documents and 3 event streams");
        return tests.stream();
    }

    @Test
    void tartFragmentResultsAreValidAndLintClean() throws IOException {
        for (String name : List.of("result-code0.json", "result-code3.json")) {
            Path p = Fixtures.fixture("upstream-tart-fragment/" + name);
            ValidationReport r = Validator.validate(DocumentKind.RESULT, p.toString(), Files.readAllBytes(p));
            assertTrue(r.valid(true), name + ": " + r.findings());
        }
    }

    @Test
    void legacyPassedResultIsRejectedWithLocationAndRenameHint() {
        String file = "upstream-test-payloads/LifecycleTerminalResult/reject-legacy-passed-status.json";
        ValidationReport r = Validator.validate(DocumentKind.RESULT, file, Fixtures.bytes(file));
        Finding f = r.findings().get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("unknown-variant", f.rule());
        assertEquals(3, f.line());
        assertEquals(27, f.column());
        assertEquals(34, f.endColumn(), "serde: line 3 column 34 for this file's indentation");
        assertEquals("/status", f.pointer());
        assertTrue(f.hint().contains("renamed to `completed`"), f.hint());
        assertEquals(1, r.findings().size());
    }
}
