package dev.pika.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.testing.FixtureCommands;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpSectionsTest {
    private static CommandLine fixture() {
        return FixtureCommands.fixtureRoot().getSubcommands().get("validate-fixture");
    }

    @Test
    void examplesEnvironmentAndFilesComeFromTheAnnotations() {
        HelpSections s = HelpSections.of(fixture().getCommandSpec());
        assertEquals(List.of(new HelpSections.Example("Check one document:",
                List.of("pika validate-fixture --kind result result.json"))), s.examples());
        assertEquals(List.of(new HelpSections.Entry("PIKA_FIXTURE", "A variable that only the fixture reads, "
                + "described in a sentence long enough to wrap in help.")), s.environment());
        assertEquals(List.of(), s.files());
        assertEquals(Map.of("OUTPUT", List.of("  text  findings, then", "        a summary"),
                "NOTES", List.of("Details: docs/x.md")), s.other());
    }

    @Test
    void helpRendersTheSameDataAfterTheFooter() {
        CommandLine cl = fixture();
        StringWriter out = new StringWriter();
        cl.usage(new PrintWriter(out), CommandLine.Help.Ansi.OFF);
        String help = out.toString().replace(System.lineSeparator(), "\n");
        int footer = help.indexOf("Details: docs/x.md");
        int env = help.indexOf("\nEnvironment:\n  PIKA_FIXTURE  A variable that only the fixture reads,");
        int examples = help.indexOf("\nExamples:\n  Check one document:\n"
                + "  $ pika validate-fixture --kind result result.json\n");
        assertTrue(footer >= 0 && env > footer && examples > env, help);
        assertTrue(help.matches("(?s).*\n {16,}long enough to wrap in help\\.\n.*"), "wrapped in its own column:\n" + help);
        for (String line : help.split("\n")) {
            assertTrue(line.length() <= 80, "longer than the help's width: " + line);
        }
    }

    @Test
    void noRealCommandWritesDeclaredSectionsIntoItsFooter() {
        List<String> found = new ArrayList<>();
        Deque<CommandLine> todo = new ArrayDeque<>(List.of(FixtureCommands.pika()));
        while (!todo.isEmpty()) {
            CommandLine cl = todo.pop();
            todo.addAll(cl.getSubcommands().values());
            for (String heading : HelpSections.of(cl.getCommandSpec()).other().keySet()) {
                if (List.of("EXAMPLES", "EXAMPLE", "ENVIRONMENT", "FILES", "SEE ALSO").contains(heading)) {
                    found.add(cl.getCommandSpec().qualifiedName() + ": " + heading);
                }
            }
        }
        assertEquals(List.of(), found, "declare them with @Examples, @Environment, @FilesUsed");
    }

    @Test
    void examplesWrittenAsBareCommandsWithContinuations() {
        assertEquals(List.of(new HelpSections.Example("", List.of("pika validate-result result.json",
                "pika image-record from-incus --local \\", "    | pika image-record inspect -",
                "incus-role-image --role pikaci-runner build"))), HelpSections.examples(List.of(
                "pika validate-result result.json",
                "pika image-record from-incus --local \\",
                "    | pika image-record inspect -",
                "incus-role-image --role pikaci-runner build")));
        assertEquals(List.of(
                new HelpSections.Example("Check a result:", List.of("pika validate-result result.json")),
                new HelpSections.Example("Check many files at once:", List.of("pika validate dir/"))),
                HelpSections.examples(List.of("Check a result:", "$ pika validate-result result.json",
                        "Check many", "files at once:", "pika validate dir/")));
    }

    @Test
    void footerSplitsAtHeadingsOnly() {
        assertEquals(Map.of(), HelpSections.sections(List.of()));
        assertEquals(Map.of("ROLES", List.of("  a   one", "  b   two"), "NOTES", List.of("Exit codes: 0 done.")),
                HelpSections.sections(List.of("Roles:", "  a   one", "", "  b   two", "Exit codes: 0 done.")));
    }
}
