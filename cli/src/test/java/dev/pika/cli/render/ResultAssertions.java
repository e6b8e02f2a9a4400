package dev.pika.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pika.contract.TerminalResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;

/** Checks that bytes are a terminal result valid by the contract (CONTRACT.md §2) with the expected content. */
public final class ResultAssertions {
    private ResultAssertions() {
    }

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * Asserts the document is a valid terminal result made by the factory for {@code exitCode}: completed/failed,
     * schema version 1, the exit code, the writers' default message, and a {@code finished_at} in
     * {@code [notBefore, notAfter]} (whole seconds).
     *
     * @param source    name for messages
     * @param bytes     the document
     * @param exitCode  the exit code the writer was given
     * @param notBefore earliest acceptable finished_at
     * @param notAfter  latest acceptable finished_at
     * @return the decoded document
     */
    public static JsonNode assertFactoryResult(String source, byte[] bytes, int exitCode, Instant notBefore,
                                               Instant notAfter) {
        JsonNode doc = assertValidResult(source, bytes);
        TerminalResult expected = TerminalResult.forExitCode(exitCode, "", null);
        assertEquals(1, doc.get("schema_version").intValue(), source);
        assertEquals(expected.status().wire(), doc.get("status").textValue(), source);
        assertEquals(exitCode, doc.get("exit_code").intValue(), source);
        assertEquals(expected.message(), doc.get("message").textValue(), source);
        Instant at = OffsetDateTime.parse(doc.get("finished_at").textValue()).toInstant();
        assertTrue(!at.isBefore(notBefore.minusSeconds(1)) && !at.isAfter(notAfter.plusSeconds(1)),
                source + ": finished_at " + at + " not within [" + notBefore + ", " + notAfter + "]");
        return doc;
    }

    /**
     * Asserts the document is a valid terminal result by the contract's decoding rules.
     *
     * @param source name for messages
     * @param bytes  the document
     * @return the decoded document
     */
    public static JsonNode assertValidResult(String source, byte[] bytes) {
        // TODO(validator): replace with dev.pika.contract.validate.Validator once it is on main.
        JsonNode doc;
        try {
            doc = STRICT.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError(source + " is not valid JSON: " + e.getMessage() + "\n"
                    + new String(bytes, StandardCharsets.UTF_8), e);
        }
        assertTrue(doc != null && doc.isObject(), source + ": not a JSON object");
        Set<String> known = Set.of("schema_version", "status", "finished_at", "message", "exit_code", "details");
        doc.fieldNames().forEachRemaining(f -> assertTrue(known.contains(f), source + ": unknown field " + f));
        JsonNode version = doc.get("schema_version");
        assertTrue(version != null && version.isIntegralNumber() && version.longValue() == 1, source + ": schema_version");
        JsonNode status = doc.get("status");
        assertTrue(status != null && Set.of("completed", "failed").contains(status.textValue()), source + ": status");
        JsonNode finishedAt = doc.get("finished_at");
        assertTrue(finishedAt != null && finishedAt.isTextual(), source + ": finished_at");
        OffsetDateTime.parse(finishedAt.textValue());
        JsonNode message = doc.get("message");
        assertTrue(message != null && message.isTextual(), source + ": message");
        JsonNode exit = doc.get("exit_code");
        assertTrue(exit == null || exit.isNull() || exit.canConvertToInt() && exit.isIntegralNumber(),
                source + ": exit_code");
        return doc;
    }
}
