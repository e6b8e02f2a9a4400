package dev.pika.contract.validate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the reference fixtures in ../shared next to the checkout (system property {@code pika.shared.dir}). */
final class Fixtures {
    private Fixtures() {
    }

    static Path shared() {
        String dir = System.getProperty("pika.shared.dir", "../../shared");
        Path p = Path.of(dir).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(p.resolve("fixtures")), "reference fixtures not found at " + p
                + " (they live in ../shared next to the repository checkout)");
        return p;
    }

    static Path fixture(String relative) {
        return shared().resolve("fixtures").resolve(relative);
    }

    static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(fixture(relative));
        } catch (IOException e) {
            throw new AssertionError("cannot read fixture " + relative, e);
        }
    }

    /** @return the bytes of {@code examples/NAME} in the repository (system property {@code pika.repo.dir}) */
    static byte[] example(String name) {
        Path p = Path.of(System.getProperty("pika.repo.dir", "..")).toAbsolutePath().normalize()
                .resolve("examples").resolve(name);
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new AssertionError("cannot read example " + p, e);
        }
    }
}
