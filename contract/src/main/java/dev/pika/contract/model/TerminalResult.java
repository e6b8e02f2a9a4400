package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.contract.ContractConstants;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The terminal result a guest writes to {@code result.json} ({@code LifecycleTerminalResult}, CONTRACT.md §2).
 *
 * <p>JSON shape, in this field order (the reference's), absent optional fields omitted; writers encode it with
 * {@link ContractCodec#encodePretty(Object)} ({@code encode_terminal_result_pretty}):
 * <pre>{ "schema_version": u32, "status": "completed" | "failed", "finished_at": string, "message": string,
 *   "exit_code"?: i32, "details"?: any }</pre>
 * Unknown fields are ignored on decoding.
 *
 * @param schemaVersion u32, writers stamp {@link ContractConstants#LIFECYCLE_SCHEMA_VERSION}
 * @param status        completed or failed
 * @param finishedAt    RFC 3339 timestamp text, e.g. {@code 2026-03-25T20:00:00Z}
 * @param message       human-readable outcome
 * @param exitCode      the guest command's exit code (i32), or null when absent
 * @param details       any JSON value, or null when absent (a JSON {@code null} decodes to null too)
 */
@Serde.Rust("RuntimeTerminalResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema_version", "status", "finished_at", "message", "exit_code", "details"})
public record TerminalResult(
        @Serde.Rust("u32") @JsonProperty(value = "schema_version", required = true) long schemaVersion,
        @JsonProperty(value = "status", required = true) TerminalStatus status,
        @JsonProperty(value = "finished_at", required = true) String finishedAt,
        @JsonProperty(value = "message", required = true) String message,
        @JsonProperty("exit_code") Integer exitCode,
        @JsonProperty("details") JsonNode details) {

    /** Message writers use for exit code 0. */
    public static final String PASSED_MESSAGE = "test passed";

    private static final DateTimeFormatter RFC3339_UTC_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    /**
     * @throws IllegalArgumentException when {@code schemaVersion} is not a u32
     * @throws NullPointerException     when a required field is null
     */
    public TerminalResult {
        Unsigned.requireU32("schema_version", schemaVersion);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finishedAt, "finished_at");
        Objects.requireNonNull(message, "message");
        details = ContractJson.absentIfNull(details);
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
}
