package dev.pika.cli.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
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

/**
 * Shell-completion plumbing of the integration tests (a test PATH of launchers, bash's completion protocol); processes,
 * locations and required tools come from the harness ({@link Proc}, {@link Repo}, {@link dev.pika.testkit.Require}).
 */
public final class Tools {
    private Tools() {
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
                ? "exec java -cp '" + Repo.jar() + ":" + testClasses() + "' " + FixtureCommands.class.getName() + " \"$@\"\n"
                : "exec java -jar '" + Repo.jar() + "' \"$@\"\n";
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
        Proc.Result r = Proc.of(argv).env(env).cwd(dir).outputToFiles().run();
        if (r.exit() != 0 || !r.err().isEmpty()) {
            fail("bash completion failed (" + r.exit() + "): " + r.err());
        }
        return r.lines().stream().filter(l -> !l.isEmpty()).toList();
    }
}
