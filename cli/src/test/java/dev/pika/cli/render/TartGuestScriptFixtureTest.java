package dev.pika.cli.render;

import static dev.pika.cli.render.CliRun.pika;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pika render tart-guest-script --reference-compatible} reproduces the reference's output byte for byte
 * (CONTRACT.md §8).
 */
class TartGuestScriptFixtureTest {
    private static final String DEFAULT = "upstream-tart-script/cargo-test-default.sh";
    private static final String ROOT_XCODE_RUST = "upstream-tart-script/cargo-test-root-xcode-rust.sh";

    @Test
    void defaultFlagsAreByteIdenticalToTheReference() {
        String out = pika("render", "tart-guest-script", "--command", "cargo test", "--reference-compatible").ok();
        assertArrayEquals(Fixtures.bytes(DEFAULT), out.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rootXcodeRustFlagsAreByteIdenticalToTheReference() {
        String out = pika("render", "tart-guest-script", "--command", "cargo test", "--run-as-root",
                "--use-host-xcode", "--use-host-rust-toolchain", "--reference-compatible").ok();
        assertArrayEquals(Fixtures.bytes(ROOT_XCODE_RUST), out.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void explicitDefaultDirectoriesChangeNothing() {
        String out = pika("render", "tart-guest-script", "--command", "cargo test",
                "--artifacts-dir", "/Volumes/My Shared Files/artifacts",
                "--workspace-dir", "/Volumes/My Shared Files/workspace", "--reference-compatible").ok();
        assertEquals(Fixtures.text(DEFAULT), out);
    }

    @Test
    void outputFileGetsTheSameBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("guest.sh");
        Files.writeString(file, "old content");
        String out = pika("render", "tart-guest-script", "--command", "cargo test", "-o", file.toString(),
                "--reference-compatible").ok();
        assertEquals("", out);
        assertArrayEquals(Fixtures.bytes(DEFAULT), Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left next to the output");
        }
    }

    @Test
    void referenceQuirksAreKept() {
        String out = pika("render", "tart-guest-script", "--command", "cargo test", "--reference-compatible").ok();
        assertEquals(5, out.lines().filter("\\"::equals).count(), "five lines holding only a backslash");
        assertTrue(out.endsWith("}\nEOF\n\n"), "ends with EOF and an empty line");
        assertFalse(out.startsWith("#!"), "no shebang: Tart runs it as bash -lc SCRIPT");
    }

    @Test
    void overriddenDirectoriesAreQuotedAndEscaped() {
        String out = pika("render", "tart-guest-script", "--command", "make", "--use-host-rust-toolchain",
                "--artifacts-dir", "/tmp/a \"q\" $HOME `x` \\b", "--workspace-dir", "/w s",
                "--rust-toolchain-dir", "/opt/rust $v", "--reference-compatible").ok();
        assertTrue(out.contains("ARTIFACTS=\"/tmp/a \\\"q\\\" \\$HOME \\`x\\` \\\\b\"\n"), out);
        assertTrue(out.contains("cat > \"/tmp/a \\\"q\\\" \\$HOME \\`x\\` \\\\b/result.json\" <<EOF\n"), out);
        assertTrue(out.contains("cd \"/w s\"\n"), out);
        assertTrue(out.contains("export PATH=\"$DEVELOPER_DIR/usr/bin:/opt/rust \\$v/bin:/opt/homebrew/bin:"), out);
    }

    @Test
    void usageErrorsExitTwoWithAClearMessage() {
        CliRun empty = pika("render", "tart-guest-script", "--command", "  ");
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains("--command must not be empty"), empty.err());

        CliRun relative = pika("render", "tart-guest-script", "--command", "make", "--workspace-dir", "ws");
        assertEquals(2, relative.exitCode());
        assertTrue(relative.err().contains("--workspace-dir \"ws\" must be an absolute path"), relative.err());

        CliRun colon = pika("render", "tart-guest-script", "--command", "make", "--rust-toolchain-dir", "/a:b");
        assertEquals(2, colon.exitCode());
        assertTrue(colon.err().contains("contains ':'"), colon.err());

        CliRun missing = pika("render", "tart-guest-script");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--command"), missing.err());

        CliRun noWhat = pika("render");
        assertEquals(2, noWhat.exitCode());
        assertTrue(noWhat.err().contains("missing subcommand: one of tart-guest-script, result-fragment"),
                noWhat.err());

        CliRun badDir = pika("render", "tart-guest-script", "--command", "make", "-o", "/nonexistent-dir/x.sh");
        assertEquals(2, badDir.exitCode());
        assertTrue(badDir.err().contains("/nonexistent-dir"), badDir.err());
        assertEquals("", badDir.out());
    }

    @Test
    void helpDescribesEveryOption() {
        String help = pika("render", "tart-guest-script", "--help").ok();
        for (String option : new String[] {"--command", "--run-as-root", "--use-host-xcode",
            "--use-host-rust-toolchain", "--artifacts-dir", "--workspace-dir", "--rust-toolchain-dir", "--output",
            "--reference-compatible"}) {
            assertTrue(help.contains(option), option);
        }
    }
}
