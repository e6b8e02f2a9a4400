package dev.pika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md is true: every command of its code blocks runs, in order, in a temporary copy of the checkout (with
 * the built jar, {@code ../shared} next to it, a fresh {@code HOME}), as a newcomer would paste them into bash.
 * A command must exit 0 unless the README announces its exit code with {@code (exit N)} at the end of the line.
 *
 * <p>The only tolerances are explicit markers in README.md, an HTML comment (invisible on the rendered page) on
 * the line before a block:
 * <ul>
 *   <li>{@code <!-- readme-test: skip (REASON) -->}: the block is not run (the test command itself, which runs
 *       this test); the reason is required.</li>
 *   <li>{@code <!-- readme-test: when PATH exists (REASON) -->}: the block runs when the checkout has PATH
 *       ({@code examples/image-flake}, which the image examples build), else its commands are skipped with the
 *       reason on the console.</li>
 * </ul>
 * A command's program that is not in the checkout ({@code man}, {@code cat}) is a {@link Require#tool} (skipped,
 * or failing under {@code CI=true}, when missing). The README's start-up figure is checked against
 * {@code bench/RESULTS.md}.
 */
class ReadmeIT {
    private static final Pattern MARKER = Pattern.compile("<!--\\s*readme-test:\\s*(.*?)\\s*-->");
    private static final Pattern WHEN = Pattern.compile("when (\\S+) exists\\b.*");
    private static final Pattern EXIT = Pattern.compile("\\(exit (\\d+)\\)\\s*$");
    private static final Set<String> BUILTINS = Set.of("source", ".", "cd", "export", "echo", "test", "[");
    private static final Duration PER_COMMAND = Duration.ofSeconds(300);

    /** A command line of a code block: its README line number, the text, and the exit code it must give. */
    record Command(int line, String text, int exit) {
    }

    /** A code block: the marker before it (or null), and its commands. */
    record Block(int line, String marker, List<Command> commands) {
    }

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> everyReadmeCommandRunsAsAnnounced() throws IOException {
        List<Block> blocks = blocks(Files.readAllLines(Repo.path("README.md"), StandardCharsets.UTF_8));
        assertFalse(blocks.isEmpty(), "README.md has no code blocks");
        Path checkout = copyCheckout(tmp);
        Path home = Files.createDirectories(tmp.resolve("home"));
        List<DynamicTest> tests = new ArrayList<>();
        for (Block b : blocks) {
            String skipWhy = null;
            if (b.marker() != null) {
                Matcher when = WHEN.matcher(b.marker());
                if (b.marker().startsWith("skip")) {
                    assertTrue(b.marker().matches("skip \\(.+\\)"), "README.md:" + b.line()
                            + ": a skipped block says why: <!-- readme-test: skip (REASON) -->");
                    continue;
                } else if (when.matches()) {
                    if (!Files.exists(checkout.resolve(when.group(1)))) {
                        skipWhy = "README.md:" + b.line() + ": " + b.marker() + ", and " + when.group(1)
                                + " is not in this checkout";
                    }
                } else {
                    throw new AssertionError("README.md:" + b.line() + ": unknown readme-test marker: " + b.marker());
                }
            }
            for (Command c : b.commands()) {
                String why = skipWhy;
                tests.add(DynamicTest.dynamicTest("README.md:" + c.line() + ": " + c.text(), () -> {
                    Assumptions.assumeTrue(why == null, why);
                    run(c, checkout, home);
                }));
            }
        }
        return tests.stream();
    }

    private static void run(Command c, Path checkout, Path home) {
        for (String program : programs(c.text())) {
            if (!program.contains("/") && !BUILTINS.contains(program)) {
                Require.tool(program);
            }
        }
        Proc.Result r = Proc.of("bash", "-o", "pipefail", "-c", c.text())
                .cwd(checkout)
                .env("HOME", home.toString())
                .env("XDG_CACHE_HOME", home.resolve(".cache").toString())
                .env("XDG_STATE_HOME", home.resolve(".local/state").toString())
                .env("JAVA_HOME", Path.of(System.getProperty("java.home")).toString())
                .env("PIKA_JAR", null)
                .env("MANPAGER", "cat")
                .env("PAGER", "cat")
                .env("TERM", "dumb")
                .timeout(PER_COMMAND)
                .run();
        assertEquals(c.exit(), r.exit(), () -> "README.md:" + c.line() + ": `" + c.text() + "` exited " + r.exit()
                + (c.exit() == 0 ? "" : ", the README announces " + c.exit())
                + "\n--- stdout (end)\n" + tail(r.out()) + "\n--- stderr (end)\n" + tail(r.err()));
    }

    /** The README's start-up figure is bench/RESULTS.md's median for {@code pika validate-result small.json}. */
    @Test
    void startUpFigureIsTheBenchmarkMedian() throws IOException {
        String readme = Files.readString(Repo.path("README.md"), StandardCharsets.UTF_8);
        Matcher claim = Pattern.compile("`pika validate-result` on a small document takes about ([0-9.]+) s")
                .matcher(readme);
        assertTrue(claim.find(), "README.md states the start-up time of `pika validate-result`");
        Matcher row = Pattern.compile("\\| start-up \\| `pika validate-result small\\.json` \\| (\\d+) ms \\|")
                .matcher(Files.readString(Repo.path("bench/RESULTS.md"), StandardCharsets.UTF_8));
        assertTrue(row.find(), "bench/RESULTS.md has the start-up row `pika validate-result small.json`");
        double claimedMs = Double.parseDouble(claim.group(1)) * 1000;
        int measuredMs = Integer.parseInt(row.group(1));
        assertTrue(Math.abs(claimedMs - measuredMs) <= 5, "README says about " + claim.group(1)
                + " s, bench/RESULTS.md measured a median of " + measuredMs + " ms");
    }

    @Test
    void parserReadsIndentedAndFencedBlocksMarkersAndExitCodes() {
        List<Block> blocks = blocks(List.of("text", "", "<!-- readme-test: skip (why) -->", "",
                "    a --x   # note (exit 1)", "    b", "", "- list", "", "```sh", "c | d", "```", "more"));
        assertEquals(List.of(
                new Block(5, "skip (why)", List.of(new Command(5, "a --x   # note (exit 1)", 1), new Command(6, "b", 0))),
                new Block(10, null, List.of(new Command(11, "c | d", 0)))), blocks);
    }

    /**
     * @return the code blocks of a markdown text: indented (4 spaces after a blank line) or fenced with
     *         {@code ```}; a {@code <!-- readme-test: … -->} comment on the last non-blank line before a block is
     *         its marker
     */
    static List<Block> blocks(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        String marker = null;
        boolean previousBlank = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                List<Command> commands = new ArrayList<>();
                int start = i + 1;
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    command(lines.get(i), i + 1).ifPresent(commands::add);
                }
                blocks.add(new Block(start, marker, commands));
                marker = null;
                previousBlank = false;
            } else if (previousBlank && line.startsWith("    ") && !line.isBlank()) {
                List<Command> commands = new ArrayList<>();
                int start = i + 1;
                for (; i < lines.size() && (lines.get(i).startsWith("    ") || lines.get(i).isBlank()); i++) {
                    command(lines.get(i).substring(Math.min(4, lines.get(i).length())), i + 1)
                            .ifPresent(commands::add);
                }
                i--;
                blocks.add(new Block(start, marker, commands));
                marker = null;
                previousBlank = true;
            } else {
                Matcher m = MARKER.matcher(line.strip());
                if (m.matches()) {
                    marker = m.group(1);
                } else if (!line.isBlank()) {
                    marker = null;
                }
                previousBlank = line.isBlank();
            }
        }
        return blocks;
    }

    private static Optional<Command> command(String text, int line) {
        String t = text.strip();
        if (t.isEmpty() || t.startsWith("#")) {
            return Optional.empty();
        }
        Matcher exit = EXIT.matcher(t);
        return Optional.of(new Command(line, t, exit.find() ? Integer.parseInt(exit.group(1)) : 0));
    }

    /** @return the first word of each pipeline stage and of each process substitution (good enough for README lines) */
    private static List<String> programs(String command) {
        String code = command.replaceAll("\\s#.*$", "");
        List<String> programs = new ArrayList<>();
        for (String stage : code.split("\\||&&|;|<\\(")) {
            String s = stage.strip();
            if (!s.isEmpty()) {
                programs.add(s.split("\\s+")[0]);
            }
        }
        return programs;
    }

    /**
     * Copies the checkout to {@code DIR/pika} as a newcomer's clone: every file but {@code .git} and build output,
     * plus the built {@code cli/target/pika.jar}; modification times are kept, so the launcher sees the jar as
     * current; links (the launchers) stay links. {@code DIR/shared} points at the reference fixtures.
     */
    private static Path copyCheckout(Path dir) throws IOException {
        Path from = Repo.root();
        Path to = dir.resolve("pika");
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                String name = d.getFileName().toString();
                if (!d.equals(from) && (name.equals(".git") || name.equals("target"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                // the launcher rebuilds when anything under the sources, directories included, is newer than the jar
                Files.setLastModifiedTime(to.resolve(from.relativize(d).toString()), Files.getLastModifiedTime(d));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (!f.getFileName().toString().equals(".git")) {
                    copy(f, to.resolve(from.relativize(f).toString()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Path jar = to.resolve("cli/target/pika.jar");
        Files.createDirectories(jar.getParent());
        copy(Repo.jar(), jar);
        Files.createSymbolicLink(dir.resolve("shared"), Repo.shared());
        return to;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(String s) {
        return s.length() <= 3000 ? s : "…" + s.substring(s.length() - 3000);
    }
}
