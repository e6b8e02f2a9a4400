package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the shared reference fixtures (system property {@code pika.shared.dir}, never copied into the repo). */
public final class Fixtures {
    private Fixtures() {
    }

    /** @return {@code ../shared/fixtures/upstream-test-payloads} */
    public static Path payloads() {
        String shared = System.getProperty("pika.shared.dir");
        Path dir = Path.of(shared != null ? shared : "../../shared").resolve("fixtures/upstream-test-payloads");
        assertTrue(Files.isDirectory(dir), "fixtures not found at " + dir.toAbsolutePath()
                + " (set -Dpika.shared.dir)");
        return dir;
    }

    /** @return the bytes of a payload fixture, e.g. {@code RuntimeSpec/accept-sample-runtime-spec.json} */
    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(payloads().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the text of a payload fixture */
    public static String text(String relative) {
        return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** @return the entries of {@code index.json} */
    public static List<JsonNode> index() {
        try {
            JsonNode root = new ObjectMapper().readTree(payloads().resolve("index.json").toFile());
            List<JsonNode> out = new ArrayList<>();
            root.get("entries").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the JSON tree of a text (plain Jackson, for assertions) */
    public static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the index entry of one file */
    public static JsonNode entry(String file) {
        return index().stream().filter(e -> e.get("file").asText().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no index entry for " + file));
    }
}
