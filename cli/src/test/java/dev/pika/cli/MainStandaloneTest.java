package dev.pika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@link Main#run} builds only the named subcommand when it is {@link dev.pika.cli.common.Standalone} (start-up time; also TAB
 * completion inside such a subcommand); the user must not be able to tell: same output, errors and exit codes as
 * the full command tree.
 */
class MainStandaloneTest {
    static Stream<List<String>> commandLines() {
        String examples = Path.of(System.getProperty("pika.repo.dir"), "examples").toString();
        return Stream.of(
                List.of("validate-result", examples + "/result.json"),
                List.of("validate-result", examples + "/legacy-passed-result.json"),
                List.of("validate-result", "--format", "json", examples + "/legacy-passed-result.json"),
                List.of("validate-result", "--format", "nope", examples + "/result.json"),
                List.of("validate-result"),
                List.of("validate-result", "--help"),
                List.of("validate-result", "-V"),
                List.of("validate-result", "--bogus", examples + "/result.json"),
                List.of("validate-result", examples + "/no-such-file.json"),
                List.of("validate-events", examples + "/events.jsonl"),
                List.of("validate-request", examples + "/guest-request-v1.json"),
                List.of("validate", "--kind", "nope", examples + "/result.json"),
                List.of("validate", examples + "/result.json", examples + "/status.json"),
                List.of("roles"),
                List.of("roles", "pikaci-runner", "--format", "json"),
                List.of("roles", "no-such-role"),
                List.of("render"),
                List.of("render", "--help"),
                List.of("render", "tart-guest-script", "--command", "cargo test"),
                List.of("render", "no-such-script"),
                List.of("result"),
                List.of("result", "new", "--exit-code", "3", "--finished-at", "2026-03-25T20:00:00Z"),
                List.of("image-record"),
                List.of("image-record", "--help"),
                List.of("__complete", "--", "validate-result", ""),
                List.of("__complete", "--", "validate-result", "--fo"),
                List.of("__complete", "--", "validate-result", "--format", ""),
                List.of("__complete", "--", "validate", "--kind", ""),
                List.of("__complete", "--", "roles", ""),
                List.of("__complete", "--", "render", "t"),
                List.of("__complete", "--", "render", "tart-guest-script", "--"),
                List.of("__complete", "--", "result", "new", "--exit-code", ""),
                List.of("__complete", "validate-events", "-"));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void standaloneRunsLikeTheFullTree(List<String> args) {
        String[] a = args.toArray(String[]::new);
        CommandLine lazy = Main.commandLine(a);
        assertNotEquals(null, lazy.getSubcommands().get(a[0]));
        assertEquals(a[0].equals("__complete") ? 2 : 1, lazy.getSubcommands().size(),
                "only the named subcommand (and the one completed) is built");
        assertEquals(run(Main.commandLine(new Main()), a), run(lazy, a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void theVersionAloneBuildsNoSubcommandAndPrintsTheSame(String option) {
        CommandLine lazy = Main.commandLine(new String[] {option});
        assertEquals(0, lazy.getSubcommands().size(), "no subcommand is built for the version");
        String full = run(Main.commandLine(new Main()), new String[] {option});
        assertTrue(full.startsWith("exit 0\n--- out\npika "), full);
        assertEquals(full, run(lazy, new String[] {option}));
    }

    private static String run(CommandLine cl, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
}
