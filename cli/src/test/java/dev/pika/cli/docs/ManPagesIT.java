package dev.pika.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.testing.FixtureCommands;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in man pages, and the pages of the richer fixture model, are clean under {@code mandoc -T lint}
 * above style level and render with {@code man -l}.
 */
class ManPagesIT {
    @TempDir
    Path tmp;

    private static List<Path> pages(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".1")).sorted().toList();
        }
    }

    private static void lint(List<Path> pages) {
        List<String> argv = new ArrayList<>(List.of("mandoc", "-T", "lint", "-W", "warning"));
        pages.forEach(p -> argv.add(p.toString()));
        Proc.Result r = Proc.of(argv).outputToFiles().run();
        assertEquals("", r.out() + r.err(), "mandoc reports warnings or errors");
        assertEquals(0, r.exit());
    }

    @Test
    void checkedInPagesLintCleanAndRender() throws Exception {
        Require.tool("mandoc");
        Require.tool("man");
        List<Path> pages = pages(Repo.root().resolve("man/man1"));
        assertTrue(pages.size() >= 4, pages.toString());
        lint(pages);
        Proc.Result r = Proc.of(List.of("man", "-l", Repo.root().resolve("man/man1/pika.1").toString()))
                .env(Map.of("MANWIDTH", "80", "MAN_KEEP_FORMATTING", "", "PAGER", "cat")).outputToFiles().run();
        assertEquals(0, r.exit(), r.err());
        for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS",
                "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO")) {
            assertTrue(r.out().contains("\n" + section + "\n"), section + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("pika - Operator toolkit"), r.out());
    }

    @Test
    void richerModelPagesLintClean() throws Exception {
        Require.tool("mandoc");
        Path dir = Files.createDirectories(tmp.resolve("man/man1"));
        for (var e : DocsGenerator.render(FixtureCommands.pika().getCommandSpec()).entrySet()) {
            if (e.getKey().startsWith(DocsGenerator.MAN_DIR)) {
                Files.writeString(tmp.resolve(e.getKey()), e.getValue());
            }
        }
        List<Path> pages = pages(dir);
        assertTrue(pages.stream().anyMatch(p -> p.endsWith("incus-role-image.1")), pages.toString());
        lint(pages);
    }
}
