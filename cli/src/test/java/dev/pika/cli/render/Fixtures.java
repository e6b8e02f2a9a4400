package dev.pika.cli.render;

import dev.pika.cli.JarProcess;
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
        Path file = JarProcess.fixtures().resolve(relative);
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
