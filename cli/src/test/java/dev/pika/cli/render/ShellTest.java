package dev.pika.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Require;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which commands are spliced raw, and that the quoting gives bash back exactly the text. */
class ShellTest {
    @ParameterizedTest
    @ValueSource(strings = {"cargo test", "cargo test -p pika-core -- --nocapture", "make FOO=1 check",
        "./guest-test.sh 7", "  just test  ", "time cargo test", "nix build .#pkgs.x86_64-linux.a,b@c%d+e"})
    void plainCommands(String command) {
        assertTrue(Shell.isPlain(command), command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "cargo test; rm -rf x", "a && b", "a | b", "echo $HOME", "echo 'q'",
        "echo \"q\"", "echo a\\b", "a\nb", "echo *", "echo ~", "echo {a,b}", "a\tb", "echo `x`", "a > f",
        "(sub)", "# comment", "if", "for x in a b", "while true", "echo !x", "a=(1 2)", "echo [ab]", "echo #x",
        "FOO=1 make check", "-u nobody id -un", " -n true", "_X=1 env"})
    void notPlainCommands(String command) {
        assertFalse(Shell.isPlain(command), command);
    }

    @Test
    void ansiCQuotingRoundTripsEveryCharacterThroughBash(@TempDir Path dir) {
        StringBuilder all = new StringBuilder();
        for (char c = 1; c < 128; c++) {
            all.append(c);
        }
        List<String> samples = List.of(all.toString(), "it's", "\\'", "'\\''", "\\x41", "$'x'", "über ✓ 🚀",
                "line1\nline2\n", "\u0001a", "\\");
        for (String text : samples) {
            Proc.Result p = Proc.of(List.of(Require.tool("bash").toString(), "-c",
                    "printf %s " + Shell.ansiCQuoted(text))).cwd(dir).run();
            assertEquals(0, p.exit(), p.err());
            assertEquals(text, p.out(), "quoted as " + Shell.ansiCQuoted(text));
            assertFalse(Shell.ansiCQuoted(text).contains("\n"), "one line");
        }
    }

    @Test
    void doubleQuotedTextRoundTripsThroughBash(@TempDir Path dir) {
        String text = "/Volumes/My Shared Files/a \"b\" $c ${d} `e` \\f \\ 'g' !h\nnext";
        Proc.Result p = Proc.of(List.of(Require.tool("bash").toString(), "-c",
                "printf %s \"" + Shell.insideDoubleQuotes(text) + "\"")).cwd(dir).run();
        assertEquals(text, p.out());
        assertEquals("/Volumes/My Shared Files/artifacts", Shell.insideDoubleQuotes("/Volumes/My Shared Files/artifacts"));
    }
}
