package dev.pika.cli.render;

import static dev.pika.cli.render.CliRun.pika;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Tart guest script (default mode) always leaves a truthful result.json, under real bash in a
 * {@link GuestSandbox}: for every command that kept the reference's script from writing one or made it lie (issue
 * 13), as the CI user and as root, the result passes {@code pika validate-result --strict} and its
 * {@code exit_code} is what bash itself gives for the command ({@code bash -c -- CMD} in the workspace, the oracle).
 * A failure before the command runs writes a failed result that names the stage.
 */
class TartHonestResultTest {
    /** Commands that end the script, change its options, PATH, functions or variables, or look like sudo options. */
    static final List<String> HOSTILE = List.of(
            "exit 3",
            "exec true",
            "set -e; false",
            "echo \"[$UNSET]\"",
            "PATH=/nonexistent",
            "cat() { :; }",
            "readonly code=0; false",
            "date() { echo '2026-01-01T00:00:00Z\", \"status\": \"completed'; }; false",
            "printf() { :; }; mv() { :; }; exit 4",
            "trap 'exit 0' EXIT; exit 6",
            "-u nobody id -un",
            "FOO=1 env",
            "set -o pipefail; false | true; (exit 300)");

    static Stream<Arguments> hostileCommands() {
        return HOSTILE.stream().flatMap(c -> Stream.of(Arguments.of(c, false), Arguments.of(c, true)));
    }

    private static String render(GuestSandbox box, String command, List<String> options) {
        List<String> args = new ArrayList<>(List.of("render", "tart-guest-script", "--command", command));
        args.addAll(options);
        args.addAll(box.dirOptions());
        return pika(args.toArray(String[]::new)).ok();
    }

    /** @return the exit code bash gives for the command run on its own in the workspace */
    private static int oracle(GuestSandbox box, String command) {
        return Proc.of(List.of(Require.tool("bash").toString(), "-c", "--", command)).cwd(box.workspace)
                .env("PATH", "/usr/local/bin:/usr/bin:/bin").run().exit();
    }

    /** Asserts result.json is strictly valid by {@code pika validate-result --strict} and returns it. */
    private static JsonNode strictlyValidResult(GuestSandbox box) {
        Path result = box.artifacts.resolve("result.json");
        assertTrue(Files.exists(result), "result.json was written; guest.log:\n" + box.guestLog());
        CliRun check = pika("validate-result", "--strict", result.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        return ResultAssertions.assertValidResult("result.json", box.resultJson());
    }

    @ParameterizedTest(name = "{0} (root: {1})")
    @MethodSource("hostileCommands")
    void everyHostileCommandLeavesAValidTruthfulResult(String command, boolean root, @TempDir Path dir)
            throws IOException {
        GuestSandbox box = GuestSandbox.create(dir);
        int expected = oracle(box, command);
        Proc.Result run = box.runScript(render(box, command, root ? List.of("--run-as-root") : List.of()));
        assertEquals(0, run.exit(), "the script succeeds whatever the command did; stderr:\n" + run.err());
        JsonNode result = strictlyValidResult(box);
        assertEquals(expected, result.get("exit_code").intValue(), "exit_code is what bash gives for " + command);
        assertEquals(expected == 0 ? "completed" : "failed", result.get("status").textValue());
        assertEquals(expected == 0 ? "test passed" : "test command exited with " + expected,
                result.get("message").textValue());
        try (Stream<Path> files = Files.list(box.artifacts)) {
            assertEquals(List.of("guest.log", "result.json"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "no temporary file is left");
        }
    }

    @Test
    void aNameAssignmentAsRootIsTheCommandsEnvironmentNotSudos(@TempDir Path dir) {
        GuestSandbox box = GuestSandbox.create(dir);
        String script = render(box, "FOO=1 env", List.of("--run-as-root"));
        assertTrue(script.contains("\n  sudo --non-interactive bash -c -- $'FOO=1 env'\n"), script);
        box.runScript(script);
        assertTrue(box.guestLog().contains("\nFOO=1\n"), box.guestLog());
    }

    @Test
    void aLeadingDashAsRootIsTheCommandNotSudoOptions(@TempDir Path dir) {
        GuestSandbox box = GuestSandbox.create(dir);
        String script = render(box, "-u nobody id -un", List.of("--run-as-root"));
        assertTrue(script.contains("\n  sudo --non-interactive bash -c -- $'-u nobody id -un'\n"), script);
    }

    @Test
    void noXcodeWritesAFailedResultNamingTheStage(@TempDir Path dir) throws IOException {
        GuestSandbox box = GuestSandbox.create(dir);
        Files.delete(box.developerDir.resolve("usr/bin/xcodebuild"));
        Proc.Result run = box.runScript(render(box, "./guest-test.sh 0", List.of()));
        assertEquals(1, run.exit(), "the script still fails");
        assertFalse(box.guestLog().contains("guest test running"), "the command did not run");
        JsonNode result = strictlyValidResult(box);
        assertEquals("failed", result.get("status").textValue());
        assertEquals(1, result.get("exit_code").intValue());
        assertEquals("Tart guest setup failed before the command ran: finding Xcode (exit 1)",
                result.get("message").textValue());
    }

    @Test
    void aMissingWorkspaceWritesAFailedResultNamingTheStage(@TempDir Path dir) {
        GuestSandbox box = GuestSandbox.create(dir);
        List<String> args = new ArrayList<>(List.of("render", "tart-guest-script", "--command", "make",
                "--artifacts-dir", box.artifacts.toString(), "--workspace-dir", dir.resolve("missing").toString()));
        Proc.Result run = box.runScript(pika(args.toArray(String[]::new)).ok());
        assertEquals(1, run.exit());
        JsonNode result = strictlyValidResult(box);
        assertEquals("Tart guest setup failed before the command ran: entering the workspace (exit 1)",
                result.get("message").textValue());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"exit 3", "exec true", "set -e; false"})
    void referenceCompatibleModeKeepsTheReferencesWeakness(String command, @TempDir Path dir) {
        GuestSandbox box = GuestSandbox.create(dir);
        box.runScript(render(box, command, List.of("--reference-compatible")));
        assertFalse(Files.exists(box.artifacts.resolve("result.json")), "the reference's script writes no result");
    }

    static Stream<Arguments> fragmentCodes() {
        return Stream.of(Arguments.of("code=3", 3), Arguments.of("code=0", 0), Arguments.of("code=-1", -1),
                Arguments.of("code=abc", null), Arguments.of("unset code", null),
                Arguments.of("code=99999999999", null), Arguments.of("code='1; echo x'", null));
    }

    /** The NixOS fragment, sourced into the same shell after a command that changed PATH and tools. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fragmentCodes")
    void theResultFragmentIsHonestInAHostileShell(String setCode, Integer exitCode, @TempDir Path dir)
            throws IOException {
        Path result = dir.resolve("out dir/result.json");
        Files.createDirectories(result.getParent());
        Files.writeString(dir.resolve("fragment.sh"),
                pika("render", "result-fragment", "--result-path", result.toString()).ok());
        Proc.Result run = Proc.of(List.of(Require.tool("bash").toString(), "-c", "set -euo pipefail; "
                + "PATH=/nonexistent; cat() { :; }; date() { echo bad; }; printf() { :; }; mv() { :; }; "
                + setCode + "; . ./fragment.sh")).cwd(dir).run();
        assertEquals(0, run.exit(), run.err());
        CliRun check = pika("validate-result", "--strict", result.toString());
        assertEquals(0, check.exitCode(), check.out() + check.err());
        JsonNode doc = ResultAssertions.assertValidResult("result.json", Files.readAllBytes(result));
        if (exitCode == null) {
            assertEquals("failed", doc.get("status").textValue());
            assertFalse(doc.has("exit_code"), doc.toString());
            assertEquals("the guest command's exit code is unknown", doc.get("message").textValue());
        } else {
            assertEquals(exitCode.intValue(), doc.get("exit_code").intValue());
            assertEquals(exitCode == 0 ? "completed" : "failed", doc.get("status").textValue());
        }
    }
}
