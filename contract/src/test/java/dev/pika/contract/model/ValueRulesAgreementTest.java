package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pika.contract.Finding;
import dev.pika.contract.Rule;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The value rules are one definition ({@link ValueRules}): on each input the model's checks
 * ({@link RuntimeSpec#validate()}, {@link IncusGuestRunRequest#guestProblems()}) and the validator report the same
 * violations — rule, pointer and message, in the same order — not only the same verdict.
 */
class ValueRulesAgreementTest {

    private static final String OK_SPEC = "{\"identity\":{\"runtime_id\":\"r\",\"instance_name\":\"i\"},"
            + "\"incus\":{\"project\":\"p\",\"profile\":\"default\",\"image_alias\":\"pikaci/dev\"}";

    static Stream<String> specs() {
        return Stream.of(
                OK_SPEC + "}",
                OK_SPEC.replace("\"r\"", "\" \\u00a0\"").replace("\"default\"", "\"\"") + "}",
                OK_SPEC + ",\"paths\":{\"state_dir\":\"/srv/x\",\"status_path\":\"/srv/x/s.json\"}}",
                OK_SPEC + ",\"paths\":{\"state_dir\":\"rel\",\"logs_dir\":\"/a/../b\",\"events_path\":\"\"}}",
                OK_SPEC + ",\"paths\":{\"result_path\":\"/tmp/result.json\"},\"entry_command\":\"  \"}",
                OK_SPEC + ",\"mounts\":[{\"kind\":\"cache\",\"guest_path\":\"/c\",\"source\":\"\",\"mode\":\"read_only\"},"
                        + "{\"kind\":\"cache\",\"guest_path\":\"/c\",\"source\":\"v\",\"mode\":\"read_write\"},"
                        + "{\"kind\":\"cache\",\"guest_path\":\"c/..\",\"source\":\"v\",\"mode\":\"read_write\"}]}");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void specViolationsAreTheValidatorsFindings(String json) throws ContractDecodeException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        List<String> model = ContractCodec.decode(RuntimeSpec.class, "spec.json", bytes).validate().stream()
                .map(v -> v.kind().ruleId() + " " + v.pointer() + " " + v.message()).toList();
        List<String> validator = errors(DocumentKind.SPEC, bytes).stream()
                .map(f -> f.rule() + " " + pointerOfValue(f) + " " + f.message()).toList();
        assertEquals(model, validator);
    }

    static Stream<String> requests() {
        return Stream.of(
                "{\"schema_version\":2,\"command\":\"cargo test\",\"timeout_secs\":600,\"run_as_root\":false}",
                "{\"schema_version\":3,\"command\":\"\",\"timeout_secs\":0,\"run_as_root\":true}",
                "{\"schema_version\":2,\"command\":\" \",\"timeout_secs\":18446744073709551615,\"run_as_root\":true}");
    }

    @ParameterizedTest
    @MethodSource("requests")
    void guestProblemsAreTheValidatorsFindings(String json) throws ContractDecodeException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        List<String> model = ContractCodec.decode(IncusGuestRunRequest.class, "r.json", bytes).guestProblems();
        List<String> validator = errors(DocumentKind.REQUEST, bytes).stream().map(Finding::message).toList();
        assertEquals(model, validator);
        validator.forEach(m -> assertFalse(m.isEmpty()));
    }

    private static List<Finding> errors(DocumentKind kind, byte[] bytes) {
        return Validator.validate(kind, "doc.json", bytes).findings().stream().filter(Finding::isError)
                .peek(f -> assertEquals(Rule.byId(f.rule()).flatMap(Rule::severity).orElseThrow().label(), "error"))
                .toList();
    }

    /**
     * The validator shows a defaulted path that a custom {@code state_dir} no longer contains at
     * {@code /paths/state_dir} (the value that made it invalid); the model names the defaulted field's pointer.
     */
    private static String pointerOfValue(Finding f) {
        if (f.pointer().equals("/paths/state_dir") && f.message().contains("must stay under")) {
            String field = f.message().substring(f.message().indexOf("`paths.") + 7);
            return "/paths/" + field.substring(0, field.indexOf('`'));
        }
        return f.pointer();
    }
}
