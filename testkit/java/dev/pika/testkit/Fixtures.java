package dev.pika.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reference fixtures in {@code ../shared/fixtures} (never copied into the repository) and the
 * repository's {@code examples/}. The one fixtures reader of the test suite.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** @return {@code ../shared/fixtures} */
    public static Path dir() {
        return Repo.shared().resolve("fixtures");
    }

    /** @return a fixture's path, e.g. {@code upstream-lifecycle-helper/result-completed.json} */
    public static Path path(String relative) {
        return dir().resolve(relative);
    }

    /** @return a fixture's exact bytes; fails naming the file when it cannot be read */
    public static byte[] bytes(String relative) {
        return read(path(relative));
    }

    /** @return a fixture decoded as UTF-8 */
    public static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }

    /** @return {@code fixtures/upstream-test-payloads}, the reference's serde payloads with {@code index.json} */
    public static Path payloads() {
        return path("upstream-test-payloads");
    }

    /** @return the entries of {@code upstream-test-payloads/index.json} */
    public static List<JsonNode> index() {
        JsonNode root = json(read(payloads().resolve("index.json")));
        List<JsonNode> out = new ArrayList<>();
        root.get("entries").forEach(out::add);
        return out;
    }

    /** @return the index entry of one payload file, e.g. {@code RuntimeSpec/accept-sample-runtime-spec.json} */
    public static JsonNode entry(String file) {
        return index().stream().filter(e -> e.get("file").asText().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no index entry for " + file));
    }

    /** @return the bytes of {@code examples/NAME} in the repository */
    public static byte[] example(String name) {
        return read(Repo.example(name));
    }

    /** @return a JSON tree parsed by plain Jackson (for assertions, not for the contract's own decoding) */
    public static JsonNode json(String text) {
        return json(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return a JSON tree parsed by plain Jackson */
    public static JsonNode json(byte[] bytes) {
        try {
            return new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
    }
}
