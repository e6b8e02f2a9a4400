package dev.pika.contract.validate;

import java.nio.file.Path;

/** The reference fixtures and examples for this package's tests: a shorthand over {@link dev.pika.testkit.Fixtures}. */
final class Fixtures {
    private Fixtures() {
    }

    static Path shared() {
        return dev.pika.testkit.Repo.shared();
    }

    static Path fixture(String relative) {
        return dev.pika.testkit.Fixtures.path(relative);
    }

    static byte[] bytes(String relative) {
        return dev.pika.testkit.Fixtures.bytes(relative);
    }

    /** @return the bytes of {@code examples/NAME} in the repository */
    static byte[] example(String name) {
        return dev.pika.testkit.Fixtures.example(name);
    }
}
