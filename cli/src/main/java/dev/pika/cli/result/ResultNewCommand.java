package dev.pika.cli.result;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.cli.common.OutputFileOption;
import dev.pika.contract.Finding;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.TerminalResult;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.Limits;
import dev.pika.contract.validate.ValidationReport;
import dev.pika.contract.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pika result new}: the contract's terminal-result factory on the command line (CONTRACT.md §2,
 * {@link TerminalResult#forExitCode}).
 */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        description = {
            "Print (or write with -o) a terminal result: exit code 0 gives status completed and message "
                    + "'test passed', any other code gives failed and 'test command exited with N'; schema_version 1; "
                    + "finished_at now, in RFC 3339 UTC.",
            "Output is pretty JSON (2-space indent, the reference encoder's key order) with a trailing newline; "
                    + "absent exit_code/details are omitted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:written", " 2:usage error (bad --finished-at or --details-json), or FILE cannot be written"})
public final class ResultNewCommand implements Runnable {
    /** Created on first use (--details-json): building a mapper costs ~50 ms, paid by every pika start otherwise. */
    private static final class StrictJson {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--exit-code", required = true, paramLabel = "N",
            description = "The guest command's exit code (i32): 0 → completed, anything else → failed.")
    int exitCode;

    @Option(names = "--message", paramLabel = "M",
            description = "The message (default: 'test passed' for 0, else 'test command exited with N').")
    String message;

    @Option(names = "--finished-at", paramLabel = "T",
            description = "RFC 3339 timestamp, kept as given (default: now in UTC, e.g. 2026-03-25T20:00:00Z).")
    String finishedAt;

    @Option(names = "--details-json", paramLabel = "J",
            description = "Any JSON value for the details field (null means no details).")
    String detailsJson;

    @Mixin
    OutputFileOption output;

    @Override
    public void run() {
        String at = finishedAt != null ? finishedAt : TerminalResult.formatTimestamp(Instant.now());
        TerminalResult result = TerminalResult.forExitCode(exitCode, at, message);
        if (detailsJson != null) {
            result = result.withDetails(parseDetails(detailsJson));
        }
        String json = ContractCodec.encodePretty(result) + "\n";
        requireStrictlyValid(json);
        output.emit(spec.commandLine(), json);
    }

    /**
     * Checks the document with the contract's validator under {@code --strict} rules before anything is written, so
     * that {@code result new} never produces a result that {@code pika validate-result --strict} would flag. The
     * only input that can fail is {@code --finished-at} (rule {@code timestamp-format}).
     */
    private void requireStrictlyValid(String json) {
        ValidationReport report = Validator.validate(DocumentKind.RESULT, "result",
                json.getBytes(StandardCharsets.UTF_8));
        for (Finding f : report.findings()) {
            if ("timestamp-format".equals(f.rule())) {
                throw new UserException(ExitCodes.USAGE, "--finished-at \"" + finishedAt + "\" is not an RFC 3339 "
                        + "date-time: expected YYYY-MM-DDThh:mm:ss[.fraction] with Z or ±hh:mm, a real date and time "
                        + "(e.g. 2026-03-25T20:00:00Z or 2026-03-25T20:00:00+00:00)");
            }
            throw new IllegalStateException("result new produced a document the validator flags: " + f);
        }
    }

    /** Deepest nesting {@code details} may have: the result object is one level of {@link Limits#MAX_DEPTH}. */
    static final int MAX_DETAILS_DEPTH = Limits.MAX_DEPTH - 1;

    /**
     * Counts nesting with the streaming parser, stopping at the first level too many (so a 100,000-deep value costs
     * nothing): a deeper value would make a result that serde_json refuses to read ("recursion limit exceeded").
     *
     * @throws UserException exit code 2 naming the limit
     */
    private static void requireDepthWithinLimit(String json) throws IOException {
        try (JsonParser p = StrictJson.MAPPER.createParser(json)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructStart() && ++depth > MAX_DETAILS_DEPTH) {
                    throw new UserException(ExitCodes.USAGE, "--details-json nests arrays/objects more than "
                            + MAX_DETAILS_DEPTH + " deep (at line " + p.getTokenLocation().getLineNr() + " column "
                            + p.getTokenLocation().getColumnNr() + "): the result document may nest at most "
                            + Limits.MAX_DEPTH + " levels, serde_json's recursion limit, and details is inside it");
                } else if (t.isStructEnd()) {
                    depth--;
                }
            }
        }
    }

    private static JsonNode parseDetails(String json) {
        if (json.isBlank()) {
            throw new UserException(ExitCodes.USAGE, "--details-json is empty: give a JSON value, e.g. "
                    + "'{\"exit_code\": 0}' (or null for no details)");
        }
        try {
            requireDepthWithinLimit(json);
            return StrictJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + " column " + loc.getColumnNr();
            throw new UserException(ExitCodes.USAGE, "--details-json is not valid JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
    }
}
