package dev.pika.contract.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The reference payload fixtures ({@code ../shared/fixtures/upstream-test-payloads}) for this package's tests: a
 * shorthand over the one fixtures reader, {@link dev.pika.testkit.Fixtures}, with paths relative to the payloads.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** @return {@code ../shared/fixtures/upstream-test-payloads} */
    public static Path payloads() {
        return dev.pika.testkit.Fixtures.payloads();
    }

    /** @return the bytes of a payload fixture, e.g. {@code RuntimeSpec/accept-sample-runtime-spec.json} */
    public static byte[] bytes(String relative) {
        return dev.pika.testkit.Fixtures.bytes("upstream-test-payloads/" + relative);
    }

    /** @return the text of a payload fixture */
    public static String text(String relative) {
        return dev.pika.testkit.Fixtures.text("upstream-test-payloads/" + relative);
    }

    /** @return the entries of {@code index.json} */
    public static List<JsonNode> index() {
        return dev.pika.testkit.Fixtures.index();
    }

    /** @return the JSON tree of a text (plain Jackson, for assertions) */
    public static JsonNode parse(String json) {
        return dev.pika.testkit.Fixtures.json(json);
    }

    /** @return the index entry of one file */
    public static JsonNode entry(String file) {
        return dev.pika.testkit.Fixtures.entry(file);
    }
}
