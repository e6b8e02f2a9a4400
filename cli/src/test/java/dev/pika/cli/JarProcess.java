package dev.pika.cli;

import dev.pika.testkit.Fixtures;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import java.nio.file.Path;
import java.util.Map;

/**
 * The former jar runner, kept only as a thin adapter over the one harness ({@link Proc}, {@link Repo},
 * {@link Fixtures} in {@code testkit/}) while other branches still call it; new tests use the harness directly.
 */
@Deprecated(forRemoval = true)
public final class JarProcess {
    private JarProcess() {
    }

    /**
     * The outcome of one run.
     *
     * @param exitCode the process exit code
     * @param stdout   standard output (UTF-8)
     * @param stderr   standard error (UTF-8)
     */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** @return {@link Repo#jar()} */
    public static Path jar() {
        return Repo.jar();
    }

    /** @return {@link Repo#root()} */
    public static Path repo() {
        return Repo.root();
    }

    /** @return {@link Fixtures#dir()} */
    public static Path fixtures() {
        return Fixtures.dir();
    }

    /** {@link Proc#pika} with standard input (or none) and extra environment variables. */
    public static Result run(byte[] stdin, Map<String, String> env, String... args) {
        Proc p = Proc.pika(args).env(env);
        if (stdin != null) {
            p.stdin(stdin);
        }
        Proc.Result r = p.run();
        return new Result(r.exit(), r.out(), r.err());
    }

    /** {@link Proc#pika} with no standard input. */
    public static Result run(String... args) {
        return run(null, Map.of(), args);
    }
}
