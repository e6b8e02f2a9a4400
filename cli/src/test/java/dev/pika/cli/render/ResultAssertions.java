package dev.pika.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.contract.model.TerminalResult;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.ValidationReport;
import dev.pika.contract.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Checks that bytes are a terminal result valid by the contract (CONTRACT.md §2, the contract module's
 * {@link Validator}) with the expected content.
 */
public final class ResultAssertions {
    private ResultAssertions() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

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
     * Asserts the contract's validator accepts the document as a terminal result with no finding at all
     * ({@code --strict}), and decodes it.
     *
     * @param source name for messages
     * @param bytes  the document
     * @return the decoded document
     */
    public static JsonNode assertValidResult(String source, byte[] bytes) {
        ValidationReport report = Validator.validate(DocumentKind.RESULT, source, bytes);
        assertTrue(report.valid(true), source + " is not a strictly valid terminal result: " + report.findings()
                + "\n" + new String(bytes, StandardCharsets.UTF_8));
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError(source + " validated but does not decode: " + e, e);
        }
    }
}
