package dev.pika.cli.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Shared plumbing of the integration tests that drive real tools (bash, zsh, fish, tmux, mandoc, man). */
public final class Tools {
    private Tools() {
    }

    /**
     * Requires a tool on PATH: fails when {@code CI=true}, else skips naming the setup script.
     *
     * @param tool the executable name
     */
    public static void require(String tool) {
        boolean present = run(List.of("sh", "-c", "command -v \"$1\"", "sh", tool), Map.of(), null).code() == 0;
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(tool + " is not installed; .ci/run must call .ci/setup-shell.sh");
        }
        assumeTrue(present, tool + " is not installed: run .ci/setup-shell.sh to run this test");
    }

    /** @return the shaded jar under test (system property {@code pika.jar}) */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("pika.jar", "target/pika.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            fail("no jar at " + jar + ": run the integration tests with `mvn verify`");
        }
        return jar;
    }

    /** @return the repository root (system property {@code pika.repo.dir}) */
    public static Path repo() {
        return Path.of(System.getProperty("pika.repo.dir", "..")).toAbsolutePath().normalize();
    }

    /** @return the directory of the compiled test classes (holds {@link FixtureCommands}) */
    public static Path testClasses() {
        try {
            return Path.of(FixtureCommands.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes a directory of programs for a test's PATH: {@code pika} running the real jar (with the fixture
     * commands added when {@code withFixtures}), and the launchers {@code incus-role-image},
     * {@code incus-dev-image}, {@code pikaci-incus-image} as stubs next to it (completion only needs their
     * location).
     *
     * @param dir          where to create the {@code bin} directory
     * @param withFixtures whether {@code pika} includes the test-only fixture commands
     * @return the bin directory
     */
    public static Path bin(Path dir, boolean withFixtures) {
        Path bin = dir.resolve("bin");
        String run = withFixtures
                ? "exec java -cp '" + jar() + ":" + testClasses() + "' " + FixtureCommands.class.getName() + " \"$@\"\n"
                : "exec java -jar '" + jar() + "' \"$@\"\n";
        executable(bin.resolve("pika"), "#!/bin/sh\n" + run);
        executable(bin.resolve("incus-role-image"), "#!/bin/sh\nexec pika image \"$@\"\n");
        executable(bin.resolve("incus-dev-image"), "#!/bin/sh\nexec pika image --role managed-openclaw \"$@\"\n");
        executable(bin.resolve("pikaci-incus-image"), "#!/bin/sh\nexec pika image --role pikaci-runner \"$@\"\n");
        return bin;
    }

    /**
     * Writes an executable file.
     *
     * @param file the file
     * @param text its content
     */
    public static void executable(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a bash completion function as bash does at TAB time: sources the script, sets {@code COMP_WORDS} to the
     * words and {@code COMP_CWORD} to the last, calls the function and returns {@code COMPREPLY}.
     *
     * @param script   the completion script
     * @param function the function the script registers, e.g. {@code _pika_complete}
     * @param env      variables for bash (PATH must find the program)
     * @param dir      working directory
     * @param words    the command line, program name first, the word being completed last
     * @return the candidates; fails when bash fails or prints anything on stderr
     */
    public static List<String> bashComplete(Path script, String function, Map<String, String> env, Path dir,
                                            String... words) {
        List<String> argv = new ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c",
                "source \"$1\"; fn=$2; shift 2; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); "
                        + "COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); \"$fn\"; "
                        + "printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash", script.toString(), function));
        argv.addAll(List.of(words));
        Result r = run(argv, env, dir);
        if (r.code() != 0 || !r.stderr().isEmpty()) {
            fail("bash completion failed (" + r.code() + "): " + r.stderr());
        }
        return r.lines().stream().filter(l -> !l.isEmpty()).toList();
    }

    /**
     * A finished process.
     *
     * @param code   exit code
     * @param stdout standard output
     * @param stderr standard error
     */
    public record Result(int code, String stdout, String stderr) {
        /** @return stdout split into lines */
        public List<String> lines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }
    }

    /**
     * Runs a command to completion (at most two minutes).
     *
     * @param command the argv
     * @param env     variables to set (added to this process's environment)
     * @param dir     working directory, or null
     * @return the result
     */
    public static Result run(List<String> command, Map<String, String> env, Path dir) {
        return run(command, env, dir, null);
    }

    /**
     * Runs a command to completion (at most two minutes) with the given standard input.
     *
     * @param command the argv
     * @param env     variables to set (added to this process's environment)
     * @param dir     working directory, or null
     * @param stdin   the standard input text, or null for none
     * @return the result
     */
    public static Result run(List<String> command, Map<String, String> env, Path dir, String stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
            pb.environment().putAll(env);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Path out = Files.createTempFile("pika-it", ".out");
            Path err = Files.createTempFile("pika-it", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out: " + command);
            }
            Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
