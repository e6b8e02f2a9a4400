package dev.pika.cli.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the reference fixtures from {@code ../shared/fixtures} (system property {@code pika.shared.dir}). */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * @param relative path under {@code fixtures/}, e.g. {@code upstream-tart-script/cargo-test-default.sh}
     * @return the fixture's exact bytes
     */
    public static byte[] bytes(String relative) {
        String shared = System.getProperty("pika.shared.dir");
        if (shared == null) {
            throw new AssertionError("system property pika.shared.dir is not set (the parent pom sets it)");
        }
        Path file = Path.of(shared, "fixtures", relative);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + file, e);
        }
    }

    /**
     * @param relative path under {@code fixtures/}
     * @return the fixture decoded as UTF-8
     */
    public static String text(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }
}
