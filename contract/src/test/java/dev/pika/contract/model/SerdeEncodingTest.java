package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text-level encoding details of serde_json that producers must reproduce. */
class SerdeEncodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0", "1e10|10000000000.0", "1.5e-7|1.5e-7", "1e16|1e16", "1e15|1000000000000000.0",
        "1.23456789012345678e17|1.2345678901234568e17", "123456789012345678|123456789012345678", "0.001|0.001", "0.0001|0.0001", "0.00001|0.00001", "0.000001|1e-6", "0.1|0.1", "0.3|0.3", "100|100", "2e-323|2e-323", "9007199254740993.0|9007199254740992.0",
        "-2.5|-2.5", "-0.0|-0.0", "0.0|0.0", "1.7976931348623157e308|1.7976931348623157e308",
        "5e-324|5e-324", "12345.678|12345.678", "1.2345e21|1.2345e21"
    })
    void floatsUseRyuLayout(String in, String serde) throws Exception {
        assertEquals("[" + serde + "]", ContractCodec.encode(ContractCodec.readTree("t", ("[" + in + "]").getBytes())));
    }

    @Test
    void integersBeyondI64AndU64BecomeFloatsAsInSerde() throws Exception {
        assertEquals("[18446744073709551615,-9223372036854775808,1.8446744073709552e19,-9.223372036854776e18]",
                ContractCodec.encode(ContractCodec.readTree("t",
                        "[18446744073709551615,-9223372036854775808,18446744073709551616,-9223372036854775809]".getBytes())));
    }

    @Test
    void stringsEscapeLikeSerde() {
        assertEquals("\"a\\u0001\\b\\f\\n\\r\\t\\u001f\u007f\u2028é/\\\"\\\\<\"",
                ContractCodec.encode(JsonNodeFactoryHolder.text("a\u0001\b\f\n\r\t\u001f\u007f\u2028é/\"\\<")));
    }

    @Test
    void labelsAndMetadataAreSortedLikeBTreeMapButNestedValuesKeepTheirOrder() throws Exception {
        RuntimeSpec spec = ContractCodec.decodeSpec("s", ("{\"identity\":{\"runtime_id\":\"r\",\"instance_name\":\"i\"},"
                + "\"incus\":{\"project\":\"p\",\"profile\":\"d\",\"image_alias\":\"a\"},"
                + "\"labels\":{\"b\":\"2\",\"\uFF5E\":\"bmp\",\"\uD83D\uDE00\":\"astral\",\"a\":\"1\",\"B\":\"0\"},"
                + "\"metadata\":{\"z\":{\"y\":1,\"x\":[true,null]},\"a\":null}}").getBytes("UTF-8"));
        assertEquals(List.of("B", "a", "b", "\uFF5E", "\uD83D\uDE00"), List.copyOf(spec.labels().keySet()));
        String encoded = ContractCodec.encode(spec);
        assertEquals(true, encoded.endsWith("\"labels\":{\"B\":\"0\",\"a\":\"1\",\"b\":\"2\",\"\uFF5E\":\"bmp\","
                + "\"\uD83D\uDE00\":\"astral\"},\"metadata\":{\"a\":null,\"z\":{\"y\":1,\"x\":[true,null]}}}"), encoded);
    }

    @Test
    void optionalFieldsAreOmittedAndPrettyFormMatchesSerde() {
        LifecycleStatus s = LifecycleStatus.of(RuntimeState.BOOTED, "2026-03-25T20:00:00Z", "incus guest booted");
        assertEquals("{\n  \"schema_version\": 1,\n  \"state\": \"booted\",\n  \"updated_at\": \"2026-03-25T20:00:00Z\",\n"
                + "  \"message\": \"incus guest booted\"\n}", ContractCodec.encodePretty(s));
        JsonNode details = JsonNodeFactoryHolder.object(Map.of());
        assertEquals("{\"schema_version\":1,\"seq\":3,\"timestamp\":\"t\",\"kind\":\"completed\",\"message\":\"m\","
                        + "\"boot_id\":\"b\",\"details\":{}}",
                ContractCodec.encodeEventLine(LifecycleEvent.of(3, "t", RuntimeState.COMPLETED, "m")
                        .withBootId("b").withDetails(details)));
        ExecutionRecord none = new ExecutionRecord(ExecutionBackend.INCUS, null, null);
        assertEquals("{\n  \"backend\": \"incus\",\n  \"incus_image\": null,\n  \"phases\": []\n}",
                ContractCodec.encodePretty(none));
    }

    @Test
    void terminalResultOmitsAbsentDetailsEvenWhenGivenAsJsonNull() throws Exception {
        TerminalResult r = TerminalResult.forExitCode(9, "2026-03-25T20:00:00Z", null);
        assertEquals(new String(Fixtures.bytes("LifecycleTerminalResult/accept-failed-exit9.json"),
                java.nio.charset.StandardCharsets.UTF_8), ContractCodec.encodePretty(r));
        TerminalResult withNullDetails = r.withDetails(com.fasterxml.jackson.databind.node.NullNode.getInstance());
        assertEquals(ContractCodec.encodePretty(r), ContractCodec.encodePretty(withNullDetails));
        assertEquals("{\"schema_version\":1,\"status\":\"failed\",\"finished_at\":\"2026-03-25T20:00:00Z\","
                + "\"message\":\"test command exited with 9\",\"exit_code\":9}", ContractCodec.encode(r));
    }

    /** Builds JSON nodes for the tests. */
    static final class JsonNodeFactoryHolder {
        static JsonNode text(String s) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(s);
        }

        static JsonNode object(Map<String, JsonNode> fields) {
            var o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            fields.forEach(o::set);
            return o;
        }
    }
}
