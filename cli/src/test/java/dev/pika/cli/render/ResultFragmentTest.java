package dev.pika.cli.render;

import static dev.pika.cli.render.CliRun.pika;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Fixtures;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code pika render result-fragment}: the reference fragment, byte for byte, and what it writes when run. */
class ResultFragmentTest {
    private static final String FINISHED_AT = "\"finished_at\": \"";

    @Test
    void referenceCompatibleIsTheTailOfTheReferenceTartScript() {
        String fragment = pika("render", "result-fragment", "--reference-compatible").ok();
        for (String fixture : List.of("upstream-tart-script/cargo-test-default.sh",
                "upstream-tart-script/cargo-test-root-xcode-rust.sh")) {
            String script = Fixtures.text(fixture);
            String tail = script.substring(script.indexOf("\nset -e\n") + "\nset -e\n".length());
            assertEquals(tail, fragment + "\n", fixture);
        }
    }

    /** Runs the fragment exactly as the fixture README says the reference's was run. */
    private static Proc.Result runFragment(Path dir, String resultPath, int code) throws IOException {
        return runFragment(dir, resultPath, code, true);
    }

    private static Proc.Result runFragment(Path dir, String resultPath, int code, boolean reference)
            throws IOException {
        String fragment = reference
                ? pika("render", "result-fragment", "--result-path", resultPath, "--reference-compatible").ok()
                : pika("render", "result-fragment", "--result-path", resultPath).ok();
        Files.writeString(dir.resolve("fragment-rendered.sh"), fragment);
        return Proc.of(List.of(Require.tool("bash").toString(), "-c",
                "set -euo pipefail; code=" + code + "; . ./fragment-rendered.sh")).cwd(dir).run();
    }

    /** Replaces the value of finished_at with {@code T}. */
    private static String withoutFinishedAt(String json) {
        int start = json.indexOf(FINISHED_AT) + FINISHED_AT.length();
        return json.substring(0, start) + "T" + json.substring(json.indexOf('"', start));
    }

    static Stream<Arguments> codesAndModes() {
        return Stream.of(Arguments.of(0, true), Arguments.of(3, true), Arguments.of(0, false), Arguments.of(3, false));
    }

    @ParameterizedTest(name = "code {0}, reference-compatible {1}")
    @MethodSource("codesAndModes")
    void runUnderBashItWritesWhatTheReferenceWrote(int code, boolean reference, @TempDir Path dir)
            throws IOException {
        Path result = dir.resolve("result.json");
        Instant before = Instant.now();
        Proc.Result run = runFragment(dir, result.toString(), code, reference);
        assertEquals(0, run.exit(), run.err());
        byte[] written = Files.readAllBytes(result);
        String expected = Fixtures.text("upstream-tart-fragment/result-code" + code + ".json");
        assertEquals(withoutFinishedAt(expected), withoutFinishedAt(new String(written, StandardCharsets.UTF_8)));
        ResultAssertions.assertFactoryResult(result.toString(), written, code, before, Instant.now());
    }

    @Test
    void exitSevenGivesAValidFailedResult(@TempDir Path dir) throws IOException {
        Instant before = Instant.now();
        assertEquals(0, runFragment(dir, dir.resolve("r.json").toString(), 7).exit());
        ResultAssertions.assertFactoryResult("r.json", Files.readAllBytes(dir.resolve("r.json")), 7, before,
                Instant.now());
    }

    @Test
    void resultPathWithShellSyntaxIsWrittenLiterally(@TempDir Path dir) throws IOException {
        Path odd = Files.createDirectories(dir.resolve("a \"b\" $HOME `c` \\d"));
        Path result = odd.resolve("result.json");
        Proc.Result run = runFragment(dir, result.toString(), 0);
        assertEquals(0, run.exit(), run.err());
        ResultAssertions.assertValidResult(result.toString(), Files.readAllBytes(result));
    }

    @ParameterizedTest(name = "reference-compatible {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void parsesAndPassesShellcheck(boolean reference, @TempDir Path dir) {
        String fragment = reference
                ? pika("render", "result-fragment", "--result-path", "/tmp/x $y/result.json", "--reference-compatible")
                        .ok()
                : pika("render", "result-fragment", "--result-path", "/tmp/x $y/result.json").ok();
        ScriptChecks.assertBashSyntax(dir, "fragment.sh", fragment);
        ScriptChecks.assertShellcheckClean(dir, "fragment.sh", fragment, ScriptChecks.RESULT_FRAGMENT_EXCLUSIONS);
    }

    @Test
    void outputFileAndErrors(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("fragment.sh");
        assertEquals("", pika("render", "result-fragment", "-o", out.toString()).ok());
        assertEquals(pika("render", "result-fragment").ok(), Files.readString(out));
        CliRun empty = pika("render", "result-fragment", "--result-path", "");
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains("--result-path must not be empty"), empty.err());
    }
}
