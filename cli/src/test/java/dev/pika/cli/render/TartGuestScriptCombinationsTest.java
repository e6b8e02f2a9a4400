package dev.pika.cli.render;

import static dev.pika.cli.render.CliRun.pika;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every combination of the three flags renders a script that bash parses and shellcheck accepts. */
class TartGuestScriptCombinationsTest {
    /** Quotes, $, backslashes, a heredoc and newlines: a command that is not plain. */
    static final String HOSTILE = "x='it'\\''s \"quoted\"'; echo \"$x\" '$HOME' \"back\\\\slash\" `echo tick`\n"
            + "cat <<EOF\nheredoc $((6 * 7))\nEOF\n";

    static Stream<TartFlags> flags() {
        return TartFlags.all();
    }

    private static String render(TartFlags flags, String command, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("render", "tart-guest-script", "--command", command));
        args.addAll(flags.options());
        args.addAll(extra);
        return pika(args.toArray(String[]::new)).ok();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void plainCommandParsesAndPassesShellcheck(TartFlags flags, @TempDir Path dir) {
        for (List<String> mode : List.of(List.<String>of(), List.of("--reference-compatible"))) {
            String script = render(flags, "cargo test", mode);
            ScriptChecks.assertBashSyntax(dir, flags.slug() + ".sh", script);
            ScriptChecks.assertShellcheckClean(dir, flags.slug() + ".sh", script,
                    ScriptChecks.TART_SCRIPT_EXCLUSIONS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void theHonestScriptRunsTheCommandInAChildShellAndDefinesTheWriterFirst(TartFlags flags) {
        String script = render(flags, "cargo test", List.of());
        String command = flags.runAsRoot() ? "sudo --non-interactive bash -c -- $'cargo test'" : "cargo test";
        assertTrue(script.contains("\n(\n  set +euo pipefail\n  " + command + "\n)\ncode=$?\n"), script);
        assertTrue(script.indexOf("pika_write_result() {") < script.indexOf("trap 'pika_on_exit \"$?\"' EXIT"));
        assertTrue(script.indexOf("trap 'pika_on_exit") < script.indexOf("[pikaci] tart guest booted"));
        assertTrue(script.endsWith("pika_write_result \"$code\"\n"), script);
        assertEquals(0, script.lines().filter("\\"::equals).count(), "no lone backslash lines");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void hostileCommandAndOverriddenDirsParseAndPassShellcheck(TartFlags flags, @TempDir Path dir) {
        String script = render(flags, HOSTILE, List.of("--artifacts-dir", "/tmp/My \"Shared\" $Files",
                "--workspace-dir", "/tmp/work `space`", "--rust-toolchain-dir", "/tmp/rust \\ toolchain"));
        ScriptChecks.assertBashSyntax(dir, flags.slug() + ".sh", script);
        ScriptChecks.assertShellcheckClean(dir, flags.slug() + ".sh", script, ScriptChecks.TART_SCRIPT_EXCLUSIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void eachFlagSelectsItsSetupBlocks(TartFlags flags) {
        String script = render(flags, "cargo test", List.of("--reference-compatible"));
        assertEquals(5, script.lines().filter("\\"::equals).count(), "five lone backslash lines");
        assertEquals(flags.runAsRoot(), script.contains("\nsudo --non-interactive cargo test\n"));
        assertEquals(!flags.runAsRoot(), script.contains("\ncargo test\n"));
        assertEquals(flags.useHostXcode(), script.contains("sudo mount_virtiofs pikaci-xcode /Applications/Xcode.app"));
        assertEquals(flags.useHostXcode(),
                script.contains("sudo mount_virtiofs pikaci-library-developer /Library/Developer"));
        assertEquals(flags.useHostXcode(),
                script.contains("export DEVELOPER_DIR=\"/Applications/Xcode.app/Contents/Developer\"\n"));
        assertEquals(!flags.useHostXcode(), script.contains("xcode-select -p"));
        assertEquals(flags.useHostRustToolchain(), script.contains("sudo mount_virtiofs pikaci-nix-store /nix/store"));
        assertEquals(flags.useHostRustToolchain(), script.contains("export SSL_CERT_FILE='/etc/ssl/cert.pem'\n"));
        assertEquals(flags.useHostRustToolchain(),
                script.contains("/usr/bin:/Volumes/My Shared Files/rust-toolchain/bin:/opt/homebrew/bin:"));
        assertTrue(script.contains("sudo xcodebuild -license accept >/dev/null 2>&1 || true\n"));
        assertTrue(script.endsWith(new ResultFragment("/Volumes/My Shared Files/artifacts/result.json").render()
                + "\n"));
    }
}
