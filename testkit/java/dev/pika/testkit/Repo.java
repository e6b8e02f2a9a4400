package dev.pika.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;

/**
 * Where things are: the repository checkout, the shared reference directory next to it, the shaded jar and the
 * launchers. The one locator of the test suite; the build passes the locations as system properties
 * ({@code pika.repo.dir}, {@code pika.shared.dir}, {@code pika.jar}, set in the parent pom for surefire and failsafe).
 */
public final class Repo {
    private Repo() {
    }

    /** @return the repository root (system property {@code pika.repo.dir}; default: the parent of the module) */
    public static Path root() {
        return Path.of(System.getProperty("pika.repo.dir", "..")).toAbsolutePath().normalize();
    }

    /** @return a path inside the repository, e.g. {@code examples/result.json} */
    public static Path path(String relative) {
        return root().resolve(relative);
    }

    /** @return {@code examples/NAME} in the repository */
    public static Path example(String name) {
        return root().resolve("examples").resolve(name);
    }

    /** @return {@code bin/PROGRAM}, a launcher of the checkout ({@code pika}, {@code incus-role-image}, …) */
    public static Path bin(String program) {
        return root().resolve("bin").resolve(program);
    }

    /**
     * @return the shared reference directory next to the checkout, holding {@code fixtures/} and {@code CONTRACT.md}
     *         (system property {@code pika.shared.dir}); fails naming the place when it is missing
     */
    public static Path shared() {
        Path p = Path.of(System.getProperty("pika.shared.dir", root().resolve("../shared").toString()))
                .toAbsolutePath().normalize();
        Assertions.assertTrue(Files.isDirectory(p.resolve("fixtures")), "reference fixtures not found at " + p
                + "/fixtures (they live in ../shared next to the repository checkout; set -Dpika.shared.dir)");
        return p;
    }

    /**
     * @return the shaded jar {@code cli/target/pika.jar} (system property {@code pika.jar}); fails when it is not
     *         built, which happens only when an integration test is run outside {@code mvn verify}
     */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("pika.jar", root().resolve("cli/target/pika.jar").toString()))
                .toAbsolutePath().normalize();
        Assertions.assertTrue(Files.isRegularFile(jar), "pika.jar not built at " + jar + " (run `mvn verify`)");
        return jar;
    }

    /** @return the {@code java} of the JVM running the tests */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
