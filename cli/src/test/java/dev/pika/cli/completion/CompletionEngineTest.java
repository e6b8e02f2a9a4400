package dev.pika.cli.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.Main;
import dev.pika.cli.testing.FixtureCommands;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class CompletionEngineTest {
    private static final CommandSpec FIXTURE = FixtureCommands.fixtureRoot().getCommandSpec();

    private static List<String> values(String... words) {
        return CompletionEngine.complete(FIXTURE, Arrays.asList(words)).candidates().stream()
                .map(CompletionEngine.Candidate::value).toList();
    }

    private static int directive(String... words) {
        return CompletionEngine.complete(FIXTURE, Arrays.asList(words)).directive();
    }

    @Test
    void subcommandsByPrefixWithSummaries() {
        assertEquals(List.of("validate-fixture", "validate-fixture-stream"), values("val"));
        CompletionEngine.Candidate c = CompletionEngine.complete(FIXTURE, List.of("val")).candidates().get(0);
        assertEquals("Check fixture documents (a test-only command)", c.description());
        assertEquals(List.of("validate-fixture", "validate-fixture-stream", "image", "help"), values(""));
        assertEquals(0, directive(""));
    }

    @Test
    void hiddenCommandsAndOptionsAreNeverOffered() {
        assertFalse(values("").contains(CompleteCommand.NAME));
        assertFalse(values("validate-fixture", "--").contains("--secret"));
        List<String> real = CompletionEngine.complete(Main.commandLine(new Main()).getCommandSpec(), List.of(""))
                .candidates().stream().map(CompletionEngine.Candidate::value).toList();
        assertTrue(real.containsAll(List.of("help", "completion", "shell")), real.toString());
        assertFalse(real.contains(CompleteCommand.NAME));
    }

    @Test
    void roleIdsFromRoleCandidates() {
        assertEquals(List.of("managed-openclaw", "pikaci-runner"), values("validate-fixture", "--role", ""));
        assertEquals(List.of("pikaci-runner"), values("validate-fixture", "--role", "pik"));
        assertEquals(List.of("--role=managed-openclaw"), values("validate-fixture", "--role=m"));
    }

    @Test
    void roleIdsForARoleOptionWithoutCandidatesAndInheritedOptionsAreSkipped() {
        assertEquals(List.of("managed-openclaw", "pikaci-runner"), values("image", "--role", ""));
        assertEquals(List.of("build"), values("image", "--role", "pikaci-runner", "b"));
        assertEquals(List.of("managed-openclaw", "pikaci-runner"), values("image", "build", "--role", ""));
    }

    @Test
    void enumValuesPreferIds() {
        assertEquals(List.of("text", "json"), values("validate-fixture", "--format", ""));
        assertEquals(List.of("json"), values("validate-fixture", "-f", "j"));
        assertEquals(List.of("result", "image-record"), values("validate-fixture", "--kind", ""));
        assertEquals(List.of("--kind=image-record"), values("validate-fixture", "--kind=i"));
    }

    @Test
    void optionsLongNamesUnlessAShortPrefixIsTyped() {
        List<String> all = values("validate-fixture", "-");
        assertTrue(all.containsAll(List.of("--role", "--format", "--kind", "--out", "--strict", "--help")), all.toString());
        assertFalse(all.contains("-f"));
        assertEquals(List.of("-f"), values("validate-fixture", "-f"));
        assertEquals(List.of("--strict"), values("validate-fixture", "--st"));
        assertFalse(values("validate-fixture", "--strict", "--").contains("--strict"), "a used option is not offered");
    }

    @Test
    void filesForPathsAndFileLabels() {
        assertEquals(CompletionEngine.FILES, directive("validate-fixture", ""));
        assertEquals(CompletionEngine.FILES, directive("validate-fixture", "--role", "pikaci-runner", "a.json", "r"));
        assertEquals(CompletionEngine.FILES, directive("validate-fixture", "--out", ""));
        assertEquals(CompletionEngine.FILES, directive("image", "import", "--artifact", "./"));
        assertEquals(0, directive("image", "import", "--remote-host", ""));
        assertEquals(List.of(), values("image", "import", "--remote-host", ""));
        assertEquals(CompletionEngine.FILES, directive("validate-fixture", "--", "-odd-file-name"));
    }

    @Test
    void helpCompletesCommandNames() {
        assertEquals(List.of("validate-fixture", "validate-fixture-stream"), values("help", "va"));
    }

    @Test
    void completeCommandPrintsCandidatesThenTheDirective() {
        CommandLine cl = FixtureCommands.fixtureRoot();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute(CompleteCommand.NAME, "--", "validate-fixture", "--role", ""));
        assertEquals("managed-openclaw\npikaci-runner\n:0\n", out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, cl.execute(CompleteCommand.NAME, "--", "validate-fixture", "--st"));
        assertEquals("--strict\tWarnings fail too\n:0\n", out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, cl.execute(CompleteCommand.NAME, "--", "validate-fixture", "@notes"));
        assertEquals(":1\n", out.toString(), "a word starting with @ is a plain word, not an argument file");
    }
}
