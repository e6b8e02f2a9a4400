package dev.pika.cli.render;

import static dev.pika.cli.render.CliRun.pika;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders the Tart guest script with its directories pointed into a {@link GuestSandbox}, runs it under real bash
 * with stand-ins only for the macOS-only programs, and checks the terminal result and the guest log.
 */
class TartGuestScriptRoundTripTest {
    private static final Pattern BOOT_LINE =
            Pattern.compile("\\[pikaci] tart guest booted at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n");
    private static final Pattern HEREDOC_RESULT = Pattern.compile("\\{\n  \"schema_version\": 1,\n"
            + "  \"status\": \"(completed|failed)\",\n  \"exit_code\": (\\d+),\n"
            + "  \"finished_at\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\",\n  \"message\": \"([^\"]*)\"\n}\n");

    static Stream<Arguments> flagsAndExitCodes() {
        return TartFlags.all().flatMap(f -> Stream.of(Arguments.of(f, 0), Arguments.of(f, 7)));
    }

    private static String render(GuestSandbox box, String command, List<String> flagOptions) {
        List<String> args = new ArrayList<>(List.of("render", "tart-guest-script", "--command", command));
        args.addAll(flagOptions);
        args.addAll(box.dirOptions());
        return pika(args.toArray(String[]::new)).ok();
    }

    /** Whether a real sudo sits in a system directory that the script puts before the stand-ins on PATH. */
    private static boolean realSudoShadowsStandin() {
        return Stream.of("/opt/homebrew/bin", "/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin")
                .anyMatch(d -> Files.isExecutable(Path.of(d, "sudo")));
    }

    private static boolean nixStoreIsMounted() throws IOException {
        Path mounts = Path.of("/proc/mounts");
        return Files.exists(mounts) && Files.readString(mounts).contains(" /nix/store ");
    }

    @ParameterizedTest(name = "{0}, exit {1}")
    @MethodSource("flagsAndExitCodes")
    void scriptRunsTheCommandAndWritesAValidResult(TartFlags flags, int exitCode, @TempDir Path dir)
            throws IOException {
        GuestSandbox box = GuestSandbox.create(dir);
        String script = render(box, "./guest-test.sh " + exitCode, flags.options());

        Instant before = Instant.now();
        Proc.Result run = box.runScript(script);
        Instant after = Instant.now();

        assertEquals(0, run.exit(), "the script itself succeeds whatever the command's code; stderr:\n"
                + run.err());
        byte[] result = box.resultJson();
        ResultAssertions.assertFactoryResult("result.json", result, exitCode, before, after);
        assertTrue(HEREDOC_RESULT.matcher(new String(result, StandardCharsets.UTF_8)).matches(),
                "the heredoc's layout:\n" + new String(result, StandardCharsets.UTF_8));

        String log = box.guestLog();
        assertTrue(BOOT_LINE.matcher(log).lookingAt(), log);
        assertTrue(log.contains("guest test running in " + box.workspace + "\n"), log);
        assertTrue(log.contains("guest test stderr line\n"), "stderr is teed too:\n" + log);
        assertEquals(log, run.out(), "everything the script prints goes to guest.log as well");
        String developerDir = flags.useHostXcode() ? "/Applications/Xcode.app/Contents/Developer"
                : box.developerDir.toString();
        assertTrue(log.contains("DEVELOPER_DIR=" + developerDir + "\n"), log);
        assertTrue(log.contains("PATH=" + developerDir + "/usr/bin:"), log);
        assertEquals(flags.useHostRustToolchain(), log.contains(":" + box.rustToolchain + "/bin:"), log);
        assertEquals(flags.useHostRustToolchain(), log.contains("SSL_CERT_FILE=/etc/ssl/cert.pem\n"), log);

        List<String> calls = box.standinCalls();
        assertTrue(calls.contains("sudo xcodebuild -license accept"), calls.toString());
        assertTrue(calls.contains("xcodebuild -license accept"), calls.toString());
        assertEquals(!flags.useHostXcode(), calls.contains("xcode-select -p"), calls.toString());
        assertEquals(flags.useHostXcode(), calls.contains("sudo mount_virtiofs pikaci-xcode /Applications/Xcode.app"),
                calls.toString());
        assertEquals(flags.useHostXcode(),
                calls.contains("mount_virtiofs pikaci-library-developer /Library/Developer"), calls.toString());
        if (!nixStoreIsMounted()) {
            assertEquals(flags.useHostRustToolchain(), calls.contains("mount_virtiofs pikaci-nix-store /nix/store"),
                    calls.toString());
        }
        if (!realSudoShadowsStandin()) {
            assertEquals(flags.runAsRoot(), calls.contains("sudo --non-interactive bash -c -- ./guest-test.sh\\ "
                    + exitCode), calls.toString());
        }
    }

    @ParameterizedTest(name = "run as root: {0}")
    @ValueSource(booleans = {false, true})
    void commandWithQuotesDollarsBackslashesAndNewlinesRunsAsGiven(boolean root, @TempDir Path dir) {
        String command = TartGuestScriptCombinationsTest.HOSTILE
                + "printf '%s|' \"a\\\\b\" 'c\\d' \"$((1 + 2))\" \\\n  continued\necho\n(exit 5)\n";
        GuestSandbox box = GuestSandbox.create(dir);
        Proc.Result direct = Proc.of(List.of(Require.tool("bash").toString(), "-c", command)).cwd(box.workspace).run();
        assertEquals(5, direct.exit());
        assertEquals("it's \"quoted\" $HOME back\\slash tick\nheredoc 42\na\\b|c\\d|3|continued|\n", direct.out(),
                "the command itself, run directly by bash");

        Instant before = Instant.now();
        Proc.Result run = box.runScript(render(box, command, root ? List.of("--run-as-root") : List.of()));
        assertEquals(0, run.exit(), run.err());
        ResultAssertions.assertFactoryResult("result.json", box.resultJson(), 5, before, Instant.now());
        String log = box.guestLog();
        assertTrue(BOOT_LINE.matcher(log).lookingAt(), log);
        assertEquals(direct.out(), BOOT_LINE.matcher(log).replaceFirst(""), "guest.log holds exactly its output");
        if (root && !realSudoShadowsStandin()) {
            assertTrue(box.standinCalls().stream().anyMatch(c -> c.startsWith("sudo --non-interactive bash -c ")),
                    box.standinCalls().toString());
        }
    }

    @Test
    void missingXcodeFailsBeforeTheCommandRunsAndTheReferenceLeavesNoResult(@TempDir Path dir) throws IOException {
        GuestSandbox box = GuestSandbox.create(dir);
        Files.delete(box.developerDir.resolve("usr/bin/xcodebuild"));
        Proc.Result run = box.runScript(render(box, "./guest-test.sh 0", List.of("--reference-compatible")));
        assertEquals(1, run.exit());
        assertTrue(box.guestLog().contains("error: no usable Xcode Developer directory found in Tart guest"));
        assertFalse(box.guestLog().contains("guest test running"));
        assertFalse(Files.exists(box.artifacts.resolve("result.json")), "the reference writes no result then");
    }

    @Test
    void syntaxErrorInTheCommandStillWritesAFailedResult(@TempDir Path dir) {
        GuestSandbox box = GuestSandbox.create(dir);
        Instant before = Instant.now();
        Proc.Result run = box.runScript(render(box, "echo \"unbalanced", List.of()));
        assertEquals(0, run.exit(), run.err());
        ResultAssertions.assertFactoryResult("result.json", box.resultJson(), 2, before, Instant.now());
        assertTrue(box.guestLog().contains("unexpected EOF"), box.guestLog());
    }
}
