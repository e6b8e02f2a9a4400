package dev.pika.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.testing.FixtureCommands;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

class ManPageTest {
    private static final SortedMap<String, String> PAGES =
            DocsGenerator.render(FixtureCommands.fixtureRoot().getCommandSpec());

    private static String page(String name) {
        String text = PAGES.get("man/man1/" + name + ".1");
        assertTrue(text != null, "no page " + name + " in " + PAGES.keySet());
        return text;
    }

    @Test
    void onePagePerVisibleCommandAndOnePerLauncherWhenImageExists() {
        List<String> pages = PAGES.keySet().stream().filter(k -> k.startsWith("man/")).toList();
        assertEquals(List.of("man/man1/incus-dev-image.1", "man/man1/incus-role-image.1", "man/man1/pika-help.1",
                "man/man1/pika-image-build.1", "man/man1/pika-image-import.1", "man/man1/pika-image.1",
                "man/man1/pika-validate-fixture-stream.1", "man/man1/pika-validate-fixture.1", "man/man1/pika.1", "man/man1/pikaci-incus-image.1"), pages);
    }

    @Test
    void sectionsInOrder() {
        String p = page("pika-validate-fixture");
        int last = -1;
        for (String section : List.of(".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH EXIT STATUS",
                ".SH ENVIRONMENT", ".SH EXAMPLES", ".SH SEE ALSO")) {
            int at = p.indexOf("\n" + section + "\n");
            assertTrue(at > last, section + " missing or out of order in\n" + p);
            last = at;
        }
        assertFalse(p.contains(".SH FILES"), "FILES only where there are files");
        assertTrue(p.contains(".TH \"PIKA-VALIDATE-FIXTURE\" 1 \""), p);
        assertTrue(p.contains("\n.SH NAME\npika\\-validate\\-fixture \\- Check fixture documents (a test-only command)\n"), p);
    }

    @Test
    void optionsWithValuesDefaultsAndNoHiddenOnes() {
        String p = page("pika-validate-fixture");
        assertTrue(p.contains(".TP\n\\fB\\-\\-role\\fR=\\fIROLE\\fR\nGuest role: managed-openclaw, pikaci-runner.\n"), p);
        assertTrue(p.contains(".TP\n\\fB\\-f\\fR, \\fB\\-\\-format\\fR=\\fIFORMAT\\fR\nOutput format.\nValues: text, json.\n"
                + "Default: text.\n"), p);
        assertTrue(p.contains(".TP\n\\fIFILE\\fR...\nDocuments to check.\n"), p);
        assertFalse(p.contains("secret"));
    }

    @Test
    void declaredSectionsAndTheFooterBecomeSections() {
        String p = page("pika-validate-fixture");
        assertTrue(p.contains(".SH EXAMPLES\nCheck one document:\n.PP\n.RS 4\n.nf\n"
                + "$ pika validate\\-fixture \\-\\-kind result result.json\n.fi\n.RE\n"), p);
        assertTrue(p.contains(".TP\n.B PIKA_FIXTURE\nA variable that only the fixture reads, described in a sentence "
                + "long enough to\nwrap in help.\n"), p);
        assertTrue(p.contains(".B JAVA_HOME\n"), "the launcher's environment is on every page");
        assertTrue(p.contains(".SH \"OUTPUT\"\n.nf\ntext  findings, then\n      a summary\n.fi\n"), "kept as written: " + p);
        assertTrue(p.contains(".SH \"NOTES\"\nDetails: docs/x.md\n"), p);
        assertTrue(p.contains(".SH SEE ALSO\n.BR pika (1)\n"), p);
        assertTrue(p.contains(".SH EXIT STATUS\n.TP\n.B 0\n"), "exit codes come from the root when the command has none");
    }

    @Test
    void commandsAndLauncherPages() {
        String image = page("pika-image");
        assertTrue(image.contains(".SH COMMANDS\n.TP\n\\fBbuild\\fR\nBuild the role image with nix. See "
                + "\\fBpika\\-image\\-build\\fR(1).\n"), image);
        assertTrue(image.contains(".BR incus\\-role\\-image (1),"), image);
        String launcher = page("incus-role-image");
        assertTrue(launcher.contains(".SH SYNOPSIS\n.B incus\\-role\\-image\n"), launcher);
        assertTrue(launcher.contains("incus-role-image ARGS runs pika image ARGS"), launcher);
        assertTrue(launcher.contains("\\-\\-role"), launcher);
        String legacy = page("incus-dev-image");
        assertTrue(legacy.contains("runs pika image --role managed-openclaw ARGS"), legacy);
        assertFalse(legacy.contains("\\-\\-role\\fR="), "the fixed --role is not offered on a legacy page");
        assertTrue(legacy.contains("$ incus\\-dev\\-image \\-\\-help"), legacy);
    }

    @Test
    void troffEscapesAndLineLength() {
        for (var e : PAGES.entrySet()) {
            if (e.getKey().startsWith("man/")) {
                for (String line : e.getValue().split("\n")) {
                    assertTrue(line.length() <= 80 || line.startsWith(".") || line.startsWith("$"),
                            e.getKey() + ": long line " + line);
                    assertFalse(line.isEmpty(), e.getKey() + ": blank line");
                    assertTrue(line.chars().allMatch(c -> c < 127), e.getKey() + ": non-ASCII in " + line);
                }
            }
        }
    }

    @Test
    void deterministic() {
        CommandSpec again = FixtureCommands.fixtureRoot().getCommandSpec();
        assertEquals(PAGES, DocsGenerator.render(again));
    }
}
