package dev.pika.cli.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.testkit.Repo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile documents through the real jar in a JVM with a 64 MiB heap: every input ends in a finding (or a usage
 * error), never in an OutOfMemoryError, a stack trace or a hang; endless standard input is cut off at the limit.
 */
class HostileInputCliIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HEAP = "-Xmx64m";
    private static final String STATUS = "{\"schema_version\": 1, \"state\": \"booted\", "
            + "\"updated_at\": \"2026-03-25T20:00:00Z\", \"message\": \"m\"}";
    private static final String EVENT = "{\"schema_version\": 1, \"kind\": \"booted\", "
            + "\"timestamp\": \"2026-03-25T19:59:57+00:00\", \"message\": \"m\", \"seq\": 1}";

    record Run(int exitCode, String stdout, String stderr, long stdinBytes) {
    }

    /** Writes {@code head}, then {@code fill} forever (or {@code fillBytes}), then {@code tail}, to standard input. */
    record Feed(String head, byte fill, long fillBytes, String tail) {
        static Feed endless(String head, char fill) {
            return new Feed(head, (byte) fill, Long.MAX_VALUE, "");
        }
    }

    static Run run(Feed feed, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), HEAP, "-jar", Repo.jar().toString()));
        cmd.addAll(Arrays.asList(args));
        Path out = Files.createTempFile("pika-out", ".txt");
        Path err = Files.createTempFile("pika-err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        AtomicLong written = new AtomicLong();
        Thread writer = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                if (feed == null) {
                    return;
                }
                in.write(feed.head().getBytes(StandardCharsets.UTF_8));
                byte[] chunk = new byte[1 << 16];
                Arrays.fill(chunk, feed.fill());
                for (long left = feed.fillBytes(); left > 0; left -= chunk.length) {
                    int n = (int) Math.min(left, chunk.length);
                    in.write(chunk, 0, n);
                    written.addAndGet(n);
                }
                in.write(feed.tail().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the reader stopped reading: expected for endless input
            }
        }, "stdin-feeder");
        writer.setDaemon(true);
        writer.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("pika did not finish within 60 s (a hang): " + cmd);
        }
        writer.join(10_000);
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err), written.get());
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        assertFalse(r.stderr().contains("OutOfMemoryError") || r.stderr().contains("internal error")
                || r.stderr().contains("\tat "), r.stderr());
        return r;
    }

    private static Map<String, JsonNode> bySource(String json) throws IOException {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode d : MAPPER.readTree(json).get("documents")) {
            m.put(Path.of(d.get("source").asText()).getFileName().toString(), d);
        }
        return m;
    }

    /** The document's errors are exactly one finding of {@code rule} (lint warnings aside); returns it. */
    private static JsonNode assertOnlyRule(JsonNode doc, String rule) {
        List<JsonNode> errors = new ArrayList<>();
        doc.get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("error")) {
                errors.add(f);
            }
        });
        assertEquals(1, errors.size(), doc::toString);
        assertEquals(rule, errors.get(0).get("rule").asText(), doc::toString);
        assertFalse(doc.get("valid").asBoolean());
        return errors.get(0);
    }

    @Test
    void everyHostileDocumentGetsAFindingInSmallMemory(@TempDir Path dir) throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Files.writeString(dir.resolve("deep.json"), "{\"schema_version\": 1, \"details\": " + deep + "}");
        Files.writeString(dir.resolve("digits.json"), "{\"schema_version\": " + "1".repeat(1_000_000) + "}");
        byte[] badUtf8 = STATUS.replace("\"m\"", "\"m\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("utf8.json"), badUtf8);
        Files.write(dir.resolve("bom16.json"), STATUS.getBytes(StandardCharsets.UTF_16));
        Files.writeString(dir.resolve("nul.json"), STATUS.replace("\"m\"", "\"m\u0000\""));
        // two documents just under the 16 MiB limit, checked in parallel: ~10,000 kept values of 1,600 bytes
        StringBuilder labels = new StringBuilder();
        String value = "v".repeat(1600);
        for (int i = 0; i < 9_900; i++) {
            labels.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": \"").append(value).append('"');
        }
        String spec = Files.readString(Repo.root().resolve("examples/spec.json"))
                .replace("\"labels\": {", "\"labels\": {" + labels + ", ");
        Files.writeString(dir.resolve("big1.json"), spec);
        Files.writeString(dir.resolve("big2.json"), spec);
        assertTrue(Files.size(dir.resolve("big1.json")) > 15_000_000);

        Run r = run(null, "validate", "--kind", "spec", "--format", "json",
                dir.resolve("deep.json").toString(), dir.resolve("digits.json").toString(),
                dir.resolve("utf8.json").toString(), dir.resolve("bom16.json").toString(),
                dir.resolve("nul.json").toString(), dir.resolve("big1.json").toString(),
                dir.resolve("big2.json").toString());
        assertEquals(1, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        Map<String, JsonNode> docs = bySource(r.stdout());
        // as a spec, schema_version/details/message are unknown fields: skipped at any depth, whatever their
        // numbers and bytes (serde_json's ignore_value), so the decoder stops at the missing identity
        assertOnlyRule(docs.get("deep.json"), "missing-field");
        assertOnlyRule(docs.get("digits.json"), "missing-field");
        assertOnlyRule(docs.get("utf8.json"), "missing-field");
        assertOnlyRule(docs.get("bom16.json"), "encoding");
        assertOnlyRule(docs.get("nul.json"), "syntax-error");
        assertTrue(docs.get("big1.json").get("valid").asBoolean(), docs.get("big1.json")::toString);
        assertTrue(docs.get("big2.json").get("valid").asBoolean());
    }

    @Test
    void hundredMegabyteStringOnStdinIsNotChecked() throws Exception {
        Run r = run(new Feed(STATUS.replace("\"m\"}", "\""), (byte) 'x', 100L << 20, "\"}"), "validate-status",
                "--format", "json", "-");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("<stdin>: not checked: the document is larger than 16 MiB"), r.stderr());
        assertTrue(r.stdinBytes() < (100L << 20), "stdin was not read to the end: " + r.stdinBytes());
    }

    @Test
    void endlessStdinIsCutOffAtTheDocumentLimit() throws Exception {
        Run r = run(Feed.endless(STATUS.replace("}", ", \"details\": [\"x\""), ' '), "validate-status", "-");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("<stdin>: not checked: the document is larger than 16 MiB, the most pika "
                + "reads for one document; raise the limit with --max-bytes (e.g. --max-bytes 64M)"), r.stderr());
        Run small = run(Feed.endless("{", ' '), "validate-result", "--max-bytes", "100k", "-");
        assertEquals(2, small.exitCode());
        assertTrue(small.stderr().contains("larger than 100 KiB"), small.stderr());
        assertTrue(small.stdinBytes() < (16L << 20), "read stops near 100 KiB: " + small.stdinBytes());
    }

    @Test
    void endlessEventLineIsCutOffAtTheLineLimit() throws Exception {
        Run r = run(Feed.endless(EVENT + "\n\n{\"message\": \"", 'y'), "validate-events", "-");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("<stdin>: not checked: line 3 of the event stream is longer than 16 MiB, "
                + "the most pika reads for one event line; raise the limit with --max-bytes"), r.stderr());
    }

    @Test
    void maxBytesRaisesAndLowersTheLimit(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("status.json");
        Files.writeString(big, STATUS.replace("}", ", \"details\": [" + " ".repeat(20 << 20) + "]}"));
        Run dflt = run(null, "validate", big.toString());
        assertEquals(2, dflt.exitCode());
        assertTrue(dflt.stderr().contains("not checked: the document is larger than 16 MiB"), dflt.stderr());
        Run raised = run(null, "validate", "--max-bytes", "64M", big.toString());
        assertEquals(0, raised.exitCode(), raised.stdout());
        Run lowered = run(null, "validate-status", "--max-bytes", "1000", big.toString());
        assertTrue(lowered.stderr().contains("larger than 1000 bytes"), lowered.stderr());
        Run bad = run(null, "validate-status", "--max-bytes", "lots", big.toString());
        assertEquals(2, bad.exitCode());
        assertEquals("pika: invalid value for option '--max-bytes': not a size: `lots` (expected bytes, or a number "
                + "with k, M or G, e.g. 64M); see 'pika validate-status --help'\n", bad.stderr());
        Run tooBig = run(null, "validate-status", "--max-bytes", "2G", big.toString());
        assertEquals(2, tooBig.exitCode());
        assertTrue(tooBig.stderr().contains("out of range: 1 byte to 1G"), tooBig.stderr());
    }
}
