package dev.pika.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real shaded jar ({@code cli/target/pika.jar}) as a separate process, for integration tests. */
public final class JarProcess {
    private JarProcess() {
    }

    /**
     * The outcome of one run.
     *
     * @param exitCode the process exit code
     * @param stdout   everything written to standard output (UTF-8)
     * @param stderr   everything written to standard error (UTF-8)
     */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** @return the jar built by {@code mvn package} (system property {@code pika.jar}) */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("pika.jar", "target/pika.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "pika.jar not built at " + jar + " (run `mvn verify`)");
        return jar;
    }

    /** @return the repository root (system property {@code pika.repo.dir}) */
    public static Path repo() {
        return Path.of(System.getProperty("pika.repo.dir", "..")).toAbsolutePath().normalize();
    }

    /** @return the shared fixtures directory next to the repository */
    public static Path fixtures() {
        Path p = Path.of(System.getProperty("pika.shared.dir", "../../shared")).toAbsolutePath().normalize()
                .resolve("fixtures");
        assertTrue(Files.isDirectory(p), "reference fixtures not found at " + p);
        return p;
    }

    /**
     * Runs {@code java -jar pika.jar ARGS} with standard input from {@code stdin} (or none).
     *
     * @param stdin bytes for standard input, or null for an empty stream
     * @param env   extra environment variables
     * @param args  the arguments
     * @return exit code and captured output
     */
    public static Result run(byte[] stdin, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        try {
            Path out = Files.createTempFile("pika-out", ".txt");
            Path err = Files.createTempFile("pika-err", ".txt");
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("pika did not finish within 60 s: " + cmd);
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs with no standard input and the inherited environment. */
    public static Result run(String... args) {
        return run(null, Map.of(), args);
    }
}
