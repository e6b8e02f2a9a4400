package dev.pika.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.testing.FixtureCommands;
import dev.pika.cli.testing.Tools;
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
        Tools.Result r = Tools.run(argv, Map.of(), null);
        assertEquals("", r.stdout() + r.stderr(), "mandoc reports warnings or errors");
        assertEquals(0, r.code());
    }

    @Test
    void checkedInPagesLintCleanAndRender() throws Exception {
        Tools.require("mandoc");
        Tools.require("man");
        List<Path> pages = pages(Tools.repo().resolve("man/man1"));
        assertTrue(pages.size() >= 4, pages.toString());
        lint(pages);
        Tools.Result r = Tools.run(List.of("man", "-l", Tools.repo().resolve("man/man1/pika.1").toString()),
                Map.of("MANWIDTH", "80", "MAN_KEEP_FORMATTING", "", "PAGER", "cat"), null);
        assertEquals(0, r.code(), r.stderr());
        for (String section : List.of("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS",
                "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO")) {
            assertTrue(r.stdout().contains("\n" + section + "\n"), section + " missing from\n" + r.stdout());
        }
        assertTrue(r.stdout().contains("pika - Operator toolkit"), r.stdout());
    }

    @Test
    void richerModelPagesLintClean() throws Exception {
        Tools.require("mandoc");
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
