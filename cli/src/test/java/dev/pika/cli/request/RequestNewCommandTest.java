package dev.pika.cli.request;

import static dev.pika.cli.render.CliRun.pika;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.render.CliRun;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.IncusGuestRunRequest;
import dev.pika.testkit.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pika request new}: a v2 guest run request, validated before it is written (CONTRACT.md §3). */
class RequestNewCommandTest {
    @Test
    void writesTheReferencesRequestForTheSameFields() throws Exception {
        String fixture = "upstream-test-payloads/IncusGuestRunRequest/accept-cargo-test-pika-cloud.json";
        IncusGuestRunRequest expected = ContractCodec.decodeRequest(fixture, Fixtures.bytes(fixture));
        String out = pika("request", "new", "--command", expected.command(), "--timeout-secs",
                Long.toUnsignedString(expected.timeoutSecs())).ok();
        assertEquals(false, expected.runAsRoot());
        assertEquals(Fixtures.json(Fixtures.bytes(fixture)), Fixtures.json(out));
        assertEquals(ContractCodec.encodePretty(expected) + "\n", out);
    }

    @Test
    void runAsRootAndOutputFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("guest-request.json");
        assertEquals("", pika("request", "new", "--command", "id -un", "--timeout-secs", "18446744073709551615",
                "--run-as-root", "-o", file.toString()).ok());
        assertEquals("""
                {
                  "schema_version": 2,
                  "command": "id -un",
                  "timeout_secs": 18446744073709551615,
                  "run_as_root": true
                }
                """, Files.readString(file));
        assertEquals(0, pika("validate-request", "--strict", file.toString()).exitCode());
    }

    @Test
    void anInvalidRequestIsAUsageErrorAndNothingIsWritten(@TempDir Path dir) {
        Path file = dir.resolve("guest-request.json");
        CliRun empty = pika("request", "new", "--command", "", "--timeout-secs", "0", "-o", file.toString());
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains("the request would be refused: `command` must be non-empty"), empty.err());
        assertTrue(empty.err().contains("`timeout_secs` must be greater than 0"), empty.err());
        assertTrue(Files.notExists(file));

        CliRun negative = pika("request", "new", "--command", "make", "--timeout-secs", "-5");
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--timeout-secs \"-5\" is not a whole number of seconds"), negative.err());
        assertEquals(2, pika("request", "new", "--timeout-secs", "5").exitCode());
    }
}
