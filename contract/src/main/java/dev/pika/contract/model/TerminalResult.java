package dev.pika.contract.model;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.contract.ContractConstants;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The terminal result a guest writes to {@code result.json} ({@code RuntimeTerminalResult}, CONTRACT.md §2).
 *
 * @param schemaVersion u32, writers stamp {@link ContractConstants#LIFECYCLE_SCHEMA_VERSION}
 * @param status        completed or failed
 * @param finishedAt    RFC 3339 timestamp text, e.g. {@code 2026-03-25T20:00:00Z}
 * @param message       human-readable outcome
 * @param exitCode      the guest command's exit code (i32), or null when absent
 * @param details       any JSON value, or null when absent
 */
public record TerminalResult(long schemaVersion, TerminalStatus status, String finishedAt, String message,
                             Integer exitCode, JsonNode details) {

    /** Message writers use for exit code 0. */
    public static final String PASSED_MESSAGE = "test passed";

    /** Created on first use: jackson-databind costs ~50 ms of start-up, and only {@code details} needs it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final DateTimeFormatter RFC3339_UTC_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    public TerminalResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The factory every producer uses ({@code runtime_terminal_result_for_exit_code}): 0 → completed, anything
     * else → failed; schema version 1; {@code exit_code} = the code; the writers' default messages.
     *
     * @param exitCode   the guest command's exit code
     * @param finishedAt RFC 3339 text
     * @param message    the message, or null for the writers' default ({@code test passed} /
     *                   {@code test command exited with N})
     * @return the result, without details
     */
    public static TerminalResult forExitCode(int exitCode, String finishedAt, String message) {
        TerminalStatus status = exitCode == 0 ? TerminalStatus.COMPLETED : TerminalStatus.FAILED;
        String msg = message != null ? message : defaultMessage(exitCode);
        return new TerminalResult(ContractConstants.LIFECYCLE_SCHEMA_VERSION, status, finishedAt, msg, exitCode, null);
    }

    /**
     * @param exitCode an exit code
     * @return {@code test passed} for 0, otherwise {@code test command exited with N}
     */
    public static String defaultMessage(int exitCode) {
        return exitCode == 0 ? PASSED_MESSAGE : "test command exited with " + exitCode;
    }

    /**
     * Formats an instant the way the shell writers do ({@code date -u +"%Y-%m-%dT%H:%M:%SZ"}): UTC, whole seconds.
     *
     * @param instant a point in time
     * @return e.g. {@code 2026-03-25T20:00:00Z}
     */
    public static String formatTimestamp(Instant instant) {
        return RFC3339_UTC_SECONDS.format(OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS),
                ZoneOffset.UTC));
    }

    /** @return a copy with {@code details} set (null removes them) */
    public TerminalResult withDetails(JsonNode newDetails) {
        return new TerminalResult(schemaVersion, status, finishedAt, message, exitCode, newDetails);
    }

    /**
     * Pretty JSON as the reference's {@code encode_terminal_result_pretty} (serde_json {@code to_vec_pretty}):
     * two-space indent, {@code "key": value}, Rust field order (schema_version, status, finished_at, message,
     * exit_code, details), absent optional fields omitted, no trailing newline.
     *
     * @return the encoded document
     */
    public String toPrettyJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(serdePrettyPrinter());
            g.writeStartObject();
            g.writeNumberField("schema_version", schemaVersion);
            g.writeStringField("status", status.wire());
            g.writeStringField("finished_at", finishedAt);
            g.writeStringField("message", message);
            if (exitCode != null) {
                g.writeNumberField("exit_code", exitCode);
            }
            if (details != null && !details.isNull()) {
                g.writeFieldName("details");
                Json.MAPPER.writeTree(g, details);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A pretty printer that matches serde_json's {@code PrettyFormatter}: two-space indent, {@code ": "} between
     * name and value, {@code []} / {@code {}} for empty containers.
     *
     * @return a new printer (Jackson printers are stateful)
     */
    public static DefaultPrettyPrinter serdePrettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators seps = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(seps);
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        return pp;
    }
}
