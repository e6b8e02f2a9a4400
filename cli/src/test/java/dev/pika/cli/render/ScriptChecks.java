package dev.pika.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code bash -n} and {@code shellcheck} on rendered scripts. The shellcheck exclusion lists are the
 * documented ones (docs/render.md "shellcheck").
 */
public final class ScriptChecks {
    private ScriptChecks() {
    }

    /**
     * Excluded for the Tart guest script. SC2012 (info, "use find instead of ls"): the reference picks the newest
     * {@code /Applications/Xcode*.app} with {@code ls -d … | sort -V}; the names are fixed Xcode bundle names and
     * byte identity with the reference forbids rewriting the line.
     */
    public static final List<String> TART_SCRIPT_EXCLUSIONS = List.of("SC2012");

    /**
     * Excluded for the result fragment. SC2154 ("code is referenced but not assigned"): the fragment's input is
     * {@code $code}, which the script that sources or embeds it assigns.
     */
    public static final List<String> RESULT_FRAGMENT_EXCLUSIONS = List.of("SC2154");

    /**
     * Asserts {@code bash -n} accepts the script.
     *
     * @param dir    scratch directory
     * @param name   file name for the script (for messages)
     * @param script the script text
     */
    public static void assertBashSyntax(Path dir, String name, String script) {
        Path file = write(dir, name, script);
        Proc.Result p = Proc.of(List.of(Require.tool("bash").toString(), "-n", file.toString())).cwd(dir).run();
        assertEquals(0, p.exit(), "bash -n " + name + ":\n" + p.err());
    }

    /**
     * Asserts shellcheck (as bash, all severities) reports nothing beyond the given exclusions.
     *
     * @param dir        scratch directory
     * @param name       file name for the script
     * @param script     the script text
     * @param exclusions shellcheck codes to exclude
     */
    public static void assertShellcheckClean(Path dir, String name, String script, List<String> exclusions) {
        Path shellcheck = Require.tool("shellcheck");
        Path file = write(dir, name, script);
        List<String> argv = new ArrayList<>(List.of(shellcheck.toString(), "--shell=bash", "--severity=style",
                "--format=gcc"));
        if (!exclusions.isEmpty()) {
            argv.add("--exclude=" + String.join(",", exclusions));
        }
        argv.add(file.toString());
        Proc.Result p = Proc.of(argv).cwd(dir).run();
        assertEquals(0, p.exit(), "shellcheck " + name + ":\n" + p.out() + p.err() + "\n--- script:\n" + script);
    }

    private static Path write(Path dir, String name, String script) {
        try {
            return Files.writeString(dir.resolve(name), script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
