package dev.pika.cli.result;

import static dev.pika.cli.render.CliRun.pika;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.cli.render.CliRun;
import dev.pika.cli.render.ResultAssertions;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.TerminalResult;
import dev.pika.contract.model.TerminalStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code pika result new}: the contract's factory (CONTRACT.md §2) on the command line. */
class ResultNewCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Decodes a result document back into the contract record. */
    private static TerminalResult decode(String json) throws IOException {
        JsonNode doc = JSON.readTree(json);
        return new TerminalResult(doc.get("schema_version").longValue(),
                TerminalStatus.valueOf(doc.get("status").textValue().toUpperCase(java.util.Locale.ROOT)),
                doc.get("finished_at").textValue(), doc.get("message").textValue(),
                doc.has("exit_code") ? doc.get("exit_code").intValue() : null, doc.get("details"));
    }

    @ParameterizedTest(name = "exit {0}")
    @ValueSource(ints = {0, 7, 1, -1, 255, 2147483647, -2147483648})
    void factoryResultValidatesAndRoundTrips(int code) throws IOException {
        Instant before = Instant.now();
        String out = pika("result", "new", "--exit-code", Integer.toString(code)).ok();
        ResultAssertions.assertFactoryResult("stdout", out.getBytes(StandardCharsets.UTF_8), code, before,
                Instant.now());
        assertTrue(out.endsWith("}\n"), "one trailing newline");
        TerminalResult decoded = decode(out);
        assertEquals(TerminalResult.forExitCode(code, decoded.finishedAt(), null), decoded);
        assertEquals(out, ContractCodec.encodePretty(decoded) + "\n", "re-encoding gives the same bytes");
        assertTrue(decoded.finishedAt().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), decoded.finishedAt());
    }

    @Test
    void exactBytesWithEveryOption() {
        String out = pika("result", "new", "--exit-code", "9", "--message", "openclaw_gateway_exited",
                "--finished-at", "2026-11-21T07:45:29+00:00", "--details-json",
                "{\"probe\": \"openclaw_gateway_health\", \"n\": [1, 2.5, null], \"e\": {}}").ok();
        assertEquals("""
                {
                  "schema_version": 1,
                  "status": "failed",
                  "finished_at": "2026-11-21T07:45:29+00:00",
                  "message": "openclaw_gateway_exited",
                  "exit_code": 9,
                  "details": {
                    "probe": "openclaw_gateway_health",
                    "n": [
                      1,
                      2.5,
                      null
                    ],
                    "e": {}
                  }
                }
                """, out);
        ResultAssertions.assertValidResult("stdout", out.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nullDetailsAreOmitted() throws IOException {
        String out = pika("result", "new", "--exit-code", "0", "--details-json", "null").ok();
        assertFalse(JSON.readTree(out).has("details"), out);
        assertNull(decode(out).details());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-25T20:00:00Z", "2026-03-25t20:00:00z", "2026-03-25T20:00:00.123456Z",
        "2026-03-25T20:00:00+05:30", "2026-03-25T20:00:00-00:00", "2016-12-31T23:59:60Z", "2024-02-29T00:00:00Z", "2026-03-25 20:00:00Z"})
    void rfc3339TimestampsAreKeptAsGiven(String at) throws IOException {
        String out = pika("result", "new", "--exit-code", "0", "--finished-at", at).ok();
        assertEquals(at, decode(out).finishedAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-25T20:00Z", "2026-03-25T20:00:00", "1774468800", "2026-03-25T20:00:00+0530",
        "2026-02-29T20:00:00Z", "2026-13-01T20:00:00Z", "2026-03-25T24:00:00Z", "2026-03-25T20:00:00+24:00",
        " 2026-03-25T20:00:00Z", "", "yesterday"})
    void badFinishedAtIsAUsageError(String at) {
        CliRun run = pika("result", "new", "--exit-code", "0", "--finished-at", at);
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("pika: --finished-at \"" + at + "\" is not an RFC 3339 date-time: "),
                run.err());
        assertTrue(run.err().contains("e.g. 2026-03-25T20:00:00Z"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": 1,}|line 1 column",
        "{\"a\": 1, \"a\": 2}|Duplicate field 'a'",
        "{} {}|line 1 column",
        "[1, 2|line 1 column",
        "nope|line 1 column",
        "'single'|line 1 column",
        "'  '|--details-json is empty"})
    void badDetailsJsonIsAUsageError(String json, String expected) {
        CliRun run = pika("result", "new", "--exit-code", "0", "--details-json", json);
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("pika: --details-json "), run.err());
        assertTrue(run.err().contains(expected), run.err());
    }

    /** 126 levels fit (the result object is the 127th, serde_json's limit); 127 to 100,000 are a usage error. */
    @ParameterizedTest
    @ValueSource(ints = {127, 128, 500, 1000, 1001, 100_000})
    void detailsNestedTooDeepIsAUsageErrorNamingTheLimit(int depth) {
        CliRun run = pika("result", "new", "--exit-code", "0", "--details-json", "[".repeat(depth) + "]".repeat(depth));
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("pika: --details-json nests arrays/objects more than 126 deep (at line 1 "
                + "column 127): the result document may nest at most 127 levels"), run.err());
        assertFalse(run.err().contains("internal error"), run.err());
    }

    @Test
    void detailsAtTheDepthLimitAreWritten() throws IOException {
        String json = pika("result", "new", "--exit-code", "0", "--details-json", "[".repeat(126) + "]".repeat(126))
                .ok();
        assertTrue(decode(json).details().isArray());
    }

    @Test
    void exitCodeMustBeAnI32() {
        CliRun big = pika("result", "new", "--exit-code", "2147483648");
        assertEquals(2, big.exitCode());
        assertTrue(big.err().contains("--exit-code"), big.err());
        CliRun missing = pika("result", "new");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--exit-code"), missing.err());
    }

    @Test
    void outputFileIsWrittenAtomically(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("result.json");
        Files.writeString(file, "old");
        assertEquals("", pika("result", "new", "--exit-code", "7", "-o", file.toString()).ok());
        String written = Files.readString(file);
        assertEquals(TerminalStatus.FAILED, decode(written).status());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void failedWriteLeavesTheOldFileIntact(@TempDir Path dir) throws IOException {
        Path old = dir.resolve("result.json");
        Files.writeString(old, "old content\n");
        Path target = Files.createDirectory(dir.resolve("a-directory.json"));
        Files.writeString(target.resolve("inside"), "x");
        CliRun onDirectory = pika("result", "new", "--exit-code", "0", "-o", target.toString());
        assertEquals(2, onDirectory.exitCode());
        assertTrue(onDirectory.err().startsWith("pika: cannot write " + target), onDirectory.err());
        CliRun noDir = pika("result", "new", "--exit-code", "0", "-o", dir.resolve("missing/result.json").toString());
        assertEquals(2, noDir.exitCode());
        assertTrue(noDir.err().contains("does not exist"), noDir.err());
        assertEquals("old content\n", Files.readString(old));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void helpNamesTheOptions() {
        String help = pika("result", "new", "--help").ok();
        for (String option : new String[] {"--exit-code", "--message", "--finished-at", "--details-json", "-o"}) {
            assertTrue(help.contains(option), option);
        }
        CliRun bare = pika("result");
        assertEquals(2, bare.exitCode());
        assertTrue(bare.err().contains("missing subcommand: one of new"), bare.err());
    }
}
