package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pika.contract.Finding;
import dev.pika.contract.validate.Schema;
import dev.pika.contract.validate.Schemas;
import dev.pika.contract.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The codec (Jackson on the records) and the validator (the type model generated from the same records) agree on
 * every field's presence: for each accepted object fixture, dropping a field and setting it to {@code null} get
 * the same verdict from both, and the verdict is what the generated type model says (required: both reject a
 * missing field; {@code #[serde(default)]}: missing is fine, null is not; {@code Option}: both are fine).
 */
class CodecValidatorPresenceTest {

    @TestFactory
    Stream<DynamicTest> droppedAndNullFieldsGetOneVerdict() {
        return UpstreamPayloadFixturesTest.entries()
                .filter(e -> e.get("verdict").asText().equals("accept")
                        && e.get("stage").asText().equals("deserialize"))
                .filter(e -> Schemas.BY_CONTRACT_TYPE.get(e.get("contract_type").asText()) instanceof Schema.Obj)
                .map(e -> DynamicTest.dynamicTest(UpstreamPayloadFixturesTest.file(e), () -> {
                    Schema.Obj obj = (Schema.Obj) Schemas.BY_CONTRACT_TYPE.get(e.get("contract_type").asText());
                    JsonNode doc = Fixtures.parse(Fixtures.text(UpstreamPayloadFixturesTest.file(e)));
                    List<String> disagreements = new ArrayList<>();
                    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
                        String name = it.next().getKey();
                        Schema.Field field = obj.field(name);
                        if (field == null) {
                            continue;
                        }
                        ObjectNode dropped = ((ObjectNode) doc.deepCopy());
                        dropped.remove(name);
                        ObjectNode nulled = ((ObjectNode) doc.deepCopy());
                        nulled.putNull(name);
                        boolean missingOk = field.presence() != Schema.Presence.REQUIRED;
                        boolean nullOk = field.presence() == Schema.Presence.OPTIONAL
                                || field.presence() == Schema.Presence.OPTIONAL_DEFAULTED;
                        check(disagreements, e, obj, name + " missing", dropped, missingOk);
                        check(disagreements, e, obj, name + " null", nulled, nullOk);
                    }
                    assertEquals(List.of(), disagreements);
                }));
    }

    private static void check(List<String> out, JsonNode entry, Schema.Obj obj, String what, JsonNode doc,
                              boolean modelAccepts) {
        byte[] bytes = doc.toString().getBytes(StandardCharsets.UTF_8);
        boolean codec;
        try {
            ContractCodec.decode(UpstreamPayloadFixturesTest.type(entry), "doc.json", bytes);
            codec = true;
        } catch (ContractDecodeException ex) {
            codec = false;
        }
        boolean validator = Validator.checkType(obj, "doc.json", bytes).stream().noneMatch(Finding::isError);
        if (codec != modelAccepts || validator != modelAccepts) {
            out.add(what + ": type model " + verdict(modelAccepts) + ", codec " + verdict(codec) + ", validator "
                    + verdict(validator));
        }
    }

    private static String verdict(boolean accepts) {
        return accepts ? "accepts" : "rejects";
    }
}
