package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.contract.Finding;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.Schemas;
import dev.pika.contract.validate.ValidationReport;
import dev.pika.contract.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The model (records + {@link ContractCodec}, then the records' own checks) and the validator give the same verdict
 * on every fixture of {@code /work/shared/fixtures} and every file of {@code examples/}, and on the four inputs on
 * which they once disagreed (issue 11 §1). The validator's verdict is its default one (errors only).
 */
class ModelValidatorAgreementTest {

    /** What the model says about one input: the first problem, or null when it accepts. */
    private static String modelProblem(Class<?> type, String name, byte[] bytes) {
        try {
            if (type == LifecycleEvent.class) {
                ContractCodec.decodeEvents(name, new String(bytes, StandardCharsets.UTF_8));
                return null;
            }
            Object value = ContractCodec.decode(type, name, bytes);
            List<String> problems = new ArrayList<>();
            if (value instanceof RuntimeSpec spec) {
                spec.validate().forEach(v -> problems.add(v.kind().ruleId() + ": " + v.message()));
            } else if (value instanceof IncusGuestRunRequest request) {
                problems.addAll(request.guestProblems());
            }
            return problems.isEmpty() ? null : problems.get(0);
        } catch (ContractDecodeException e) {
            return e.getMessage();
        }
    }

    /** The validator's errors for one input of a contract type ({@code contract_type} of the fixture index). */
    private static List<Finding> validatorErrors(String contractType, String name, byte[] bytes) {
        DocumentKind kind = switch (contractType) {
            case "LifecycleTerminalResult" -> DocumentKind.RESULT;
            case "LifecycleStatus" -> DocumentKind.STATUS;
            case "LifecycleEvent", "LifecycleEventStream" -> DocumentKind.EVENTS;
            case "IncusGuestRunRequest" -> DocumentKind.REQUEST;
            case "RuntimeSpec" -> DocumentKind.SPEC;
            case "RemoteLinuxVmImageRecord" -> DocumentKind.IMAGE_RECORD;
            case "RemoteLinuxVmExecutionRecord" -> DocumentKind.EXECUTION_RECORD;
            default -> null;
        };
        List<Finding> findings = kind != null
                ? Validator.validate(kind, name, bytes).findings()
                : Validator.checkType(Schemas.BY_CONTRACT_TYPE.get(contractType), name, bytes);
        return findings.stream().filter(Finding::isError).toList();
    }

    private static void assertSameVerdict(String contractType, Class<?> type, String name, byte[] bytes) {
        String model = modelProblem(type, name, bytes);
        List<Finding> errors = validatorErrors(contractType, name, bytes);
        assertEquals(model == null, errors.isEmpty(), name + ": model says " + (model == null ? "valid" : model)
                + "; validator says " + (errors.isEmpty() ? "valid" : errors));
    }

    @TestFactory
    Stream<DynamicTest> everyUpstreamPayloadGetsTheSameVerdict() {
        return Fixtures.index().stream()
                .filter(e -> !e.get("stage").asText().contains("validate_canonical_paths"))
                .map(e -> DynamicTest.dynamicTest(e.get("file").asText(), () -> {
                    String file = e.get("file").asText();
                    String type = e.get("contract_type").asText();
                    byte[] bytes = Fixtures.bytes(file);
                    assertSameVerdict(type, UpstreamPayloadFixturesTest.TYPES.get(type), file, bytes);
                    boolean accept = e.get("verdict").asText().equals("accept");
                    assertEquals(accept, modelProblem(UpstreamPayloadFixturesTest.TYPES.get(type), file, bytes) == null,
                            file + " has the reference's verdict");
                }));
    }

    @Test
    void canonicalPathRejectGetsTheSameMessageFromBoth() throws ContractDecodeException {
        String file = "RuntimeArtifactPaths/reject-non-canonical-status-path.json";
        JsonNode entry = Fixtures.entry(file);
        byte[] bytes = Fixtures.bytes(file);
        List<String> model = ContractCodec.decode(RuntimeArtifactPaths.class, file, bytes)
                .validateCanonicalPaths("artifacts");
        List<String> validator = Validator.checkCanonicalArtifactPaths("artifacts", file, bytes).stream()
                .filter(Finding::isError).map(Finding::message).toList();
        assertEquals(List.of(entry.get("error_text_from_format_string").asText()), model);
        assertEquals(model, validator);
    }

    @TestFactory
    Stream<DynamicTest> everyWriterOutputAndExampleGetsTheSameVerdict() throws IOException {
        Path shared = Fixtures.payloads().getParent();
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(shared.resolve("upstream-lifecycle-helper"), shared.resolve("upstream-tart-fragment"),
                Path.of("../examples"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> DocumentKind.fromFileName(p.getFileName().toString()).isPresent()).sorted()
                        .forEach(files::add);
            }
        }
        assertTrue(files.size() >= 25, "found " + files.size() + " documents");
        return files.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
            DocumentKind kind = DocumentKind.fromFileName(p.getFileName().toString()).orElseThrow();
            String contractType = switch (kind) {
                case RESULT -> "LifecycleTerminalResult";
                case STATUS -> "LifecycleStatus";
                case EVENTS -> "LifecycleEventStream";
                case REQUEST -> "IncusGuestRunRequest";
                case SPEC -> "RuntimeSpec";
                case IMAGE_RECORD -> "RemoteLinuxVmImageRecord";
                case EXECUTION_RECORD -> "RemoteLinuxVmExecutionRecord";
            };
            assertSameVerdict(contractType, UpstreamPayloadFixturesTest.TYPES.get(contractType), p.toString(),
                    Files.readAllBytes(p));
        }));
    }

    // ---- the four disagreements measured in issue 11 §1 -------------------------------------------------

    @Test
    void imageRecordEncodingDecodesAndValidates() throws ContractDecodeException {
        ImageRecord r = ImageRecord.forImport(GuestRole.PIKACI_RUNNER, "p", "pikaci/dev", null);
        String json = ContractCodec.encode(r);
        assertEquals("{\"guest_role\":\"pikaci-runner\",\"project\":\"p\",\"alias\":\"pikaci/dev\",\"fingerprint\":null}",
                json);
        assertEquals(r, ContractCodec.decode(ImageRecord.class, "r.json", json));
        assertSameVerdict("RemoteLinuxVmImageRecord", ImageRecord.class, "r.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void executionRecordPhasesDefaultInBoth() throws ContractDecodeException {
        byte[] json = "{\"backend\":\"incus\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(), ContractCodec.decode(ExecutionRecord.class, "x.json", json).phases());
        assertTrue(Validator.validate(DocumentKind.EXECUTION_RECORD, "x.json", json).valid(false));
    }

    @Test
    void executionRecordImageIsTypedInBoth() {
        byte[] json = "{\"backend\":\"incus\",\"incus_image\":{\"project\":\"p\",\"alias\":42}}"
                .getBytes(StandardCharsets.UTF_8);
        assertFalse(modelProblem(ExecutionRecord.class, "x.json", json) == null);
        ValidationReport report = Validator.validate(DocumentKind.EXECUTION_RECORD, "x.json", json);
        assertEquals(List.of("/incus_image/alias"),
                report.findings().stream().filter(Finding::isError).map(Finding::pointer).toList());
    }

    @Test
    void emptyMountSourceIsOneRuleInBoth() throws ContractDecodeException {
        byte[] json = ("{\"identity\":{\"runtime_id\":\"r\",\"instance_name\":\"i\"},"
                + "\"incus\":{\"project\":\"p\",\"profile\":\"d\",\"image_alias\":\"a\"},"
                + "\"mounts\":[{\"kind\":\"cache\",\"guest_path\":\"/c\",\"source\":\" \",\"mode\":\"read_write\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        List<SpecViolation> model = ContractCodec.decodeSpec("spec.json", json).validate();
        List<Finding> validator = Validator.validate(DocumentKind.SPEC, "spec.json", json).findings();
        assertEquals(1, model.size());
        assertEquals(List.of(model.get(0).kind().ruleId()), validator.stream().map(Finding::rule).toList());
        assertEquals(List.of(model.get(0).pointer()), validator.stream().map(Finding::pointer).toList());
        assertEquals(List.of(model.get(0).message()), validator.stream().map(Finding::message).toList());
    }
}
