package dev.pika.cli.docs;

import dev.pika.cli.common.VersionProvider;
import dev.pika.cli.completion.CompletionScripts;
import dev.pika.cli.completion.Launcher;
import dev.pika.cli.common.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Generates the checked-in files that derive from the command model: a man page per command in {@code man/man1/}
 * and the bash, zsh and fish completion scripts of pika and its launchers in {@code completions/}. Run by
 * {@code scripts/regen-docs.sh} as {@code java -cp pika.jar dev.pika.cli.docs.DocsGenerator REPO_DIR}; with
 * {@code --check} it changes nothing and exits 1 when the checked-in files differ (drift).
 */
public final class DocsGenerator {
    /** The directory of the man pages, relative to the repository. */
    public static final String MAN_DIR = "man/man1";
    /** The directory of the completion scripts, relative to the repository. */
    public static final String COMPLETIONS_DIR = "completions";

    /** Read by the launcher {@code bin/pika}, so documented on every page. */
    static final List<HelpSections.Entry> LAUNCHER_ENVIRONMENT = List.of(
            new HelpSections.Entry("JAVA_HOME", "The Java runtime to run pika with (JDK 17 or newer); else java on PATH."),
            new HelpSections.Entry("PIKA_JAR", "Run this jar instead of the installed or built one."),
            new HelpSections.Entry("PIKA_JAVA_OPTS", "Extra JVM options, split at spaces."));

    private DocsGenerator() {
    }

    /**
     * @param spec a command
     * @return its man page name: the qualified name with dashes, e.g. {@code pika-image-build}
     */
    public static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    /**
     * Renders every generated file.
     *
     * @param root the {@code pika} command spec
     * @return repository-relative path (with {@code /}) to content, sorted by path
     */
    public static SortedMap<String, String> render(CommandSpec root) {
        SortedMap<String, String> files = new TreeMap<>();
        String date = manualProperty("date");
        String source = "pika " + VersionProvider.version();
        List<HelpSections.Entry> environment = new ArrayList<>(HelpSections.of(root).environment());
        environment.addAll(LAUNCHER_ENVIRONMENT);
        List<CommandSpec> commands = new ArrayList<>();
        collect(root, commands);
        CommandLine image = root.subcommands().get("image");
        List<Launcher> launchers = image == null ? List.of()
                : Launcher.all().stream().filter(l -> !l.prefix().isEmpty()).toList();
        for (CommandSpec spec : commands) {
            List<String> seeAlso = new ArrayList<>();
            if (spec.parent() != null) {
                seeAlso.add(pageName(spec.parent()) + "(1)");
            }
            for (CommandSpec sub : ManPage.subcommands(spec)) {
                seeAlso.add(pageName(sub) + "(1)");
            }
            if (image != null && spec == image.getCommandSpec()) {
                launchers.forEach(l -> seeAlso.add(l.name() + "(1)"));
            }
            List<HelpSections.Entry> pageFiles = spec.parent() == null ? List.of(new HelpSections.Entry(
                    "PREFIX/lib/pika/pika.jar", "The program, when installed by scripts/install.sh; the launcher "
                    + "PREFIX/bin/pika runs it.")) : List.of();
            ManPage page = new ManPage(spec, pageName(spec), spec.qualifiedName(), List.of(), Set.of(), environment,
                    pageFiles, seeAlso, date, source, null);
            files.put(MAN_DIR + "/" + page.name() + ".1", page.render());
        }
        for (Launcher l : launchers) {
            CommandSpec spec = image.getCommandSpec();
            List<String> intro = new ArrayList<>();
            intro.add(l.name() + " ARGS runs " + l.pikaCommand() + " ARGS: the same options, commands and exit codes "
                    + "as " + pageName(spec) + "(1).");
            if (l.legacy()) {
                intro.add(l.name() + " is a legacy entry point kept for existing scripts; new scripts use "
                        + "incus-role-image --role " + l.prefix().get(l.prefix().size() - 1) + ".");
            }
            List<String> seeAlso = new ArrayList<>(List.of(pageName(spec) + "(1)", "pika(1)"));
            for (Launcher other : launchers) {
                if (other != l && (l.legacy() != other.legacy())) {
                    seeAlso.add(other.name() + "(1)");
                }
            }
            Set<String> hidden = l.legacy() ? Set.of("--role") : Set.of();
            ManPage page = new ManPage(spec, l.name(), l.name(), intro, hidden, environment, List.of(), seeAlso,
                    date, source, l.pikaCommand());
            files.put(MAN_DIR + "/" + page.name() + ".1", page.render());
        }
        for (Launcher l : Launcher.all()) {
            for (CompletionScripts.Shell shell : CompletionScripts.Shell.values()) {
                files.put(COMPLETIONS_DIR + "/" + shell.id() + "/" + shell.fileName(l.name()),
                        CompletionScripts.script(shell, l, root));
            }
        }
        return files;
    }

    private static void collect(CommandSpec spec, List<CommandSpec> into) {
        into.add(spec);
        for (CommandSpec sub : ManPage.subcommands(spec)) {
            collect(sub, into);
        }
    }

    /**
     * Compares the generated files with those in a repository: missing, different, and stale files in the
     * generated directories.
     *
     * @param repo      the repository root
     * @param generated the output of {@link #render(CommandSpec)}
     * @return one line per difference, empty when up to date
     * @throws IOException when the repository cannot be read
     */
    public static List<String> drift(Path repo, SortedMap<String, String> generated) throws IOException {
        List<String> problems = new ArrayList<>();
        for (var e : generated.entrySet()) {
            Path file = repo.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add("missing: " + e.getKey());
            } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
                problems.add("differs: " + e.getKey());
            }
        }
        for (String stale : stale(repo, generated)) {
            problems.add("not generated any more: " + stale);
        }
        return problems;
    }

    private static List<String> stale(Path repo, SortedMap<String, String> generated) throws IOException {
        List<String> stale = new ArrayList<>();
        for (String dir : List.of(MAN_DIR, COMPLETIONS_DIR)) {
            Path base = repo.resolve(dir);
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(base)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    String rel = repo.relativize(p).toString().replace('\\', '/');
                    if (!generated.containsKey(rel)) {
                        stale.add(rel);
                    }
                }
            }
        }
        return stale;
    }

    /**
     * Writes the generated files into a repository (each atomically) and deletes stale ones from the generated
     * directories.
     *
     * @param repo      the repository root
     * @param generated the output of {@link #render(CommandSpec)}
     * @return the number of files written or deleted
     * @throws IOException when a file cannot be written
     */
    public static int write(Path repo, SortedMap<String, String> generated) throws IOException {
        int changed = 0;
        for (var e : generated.entrySet()) {
            Path file = repo.resolve(e.getKey());
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
                continue;
            }
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, e.getValue());
            changed++;
        }
        for (String stale : stale(repo, generated)) {
            Files.delete(repo.resolve(stale));
            changed++;
        }
        return changed;
    }

    private static String manualProperty(String key) {
        try (InputStream in = DocsGenerator.class.getResourceAsStream("manual.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String value = p.getProperty(key);
            if (value == null) {
                throw new IllegalStateException("manual.properties next to " + DocsGenerator.class + " has no " + key);
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code GenerateDocs [--check] REPO_DIR}: regenerates {@code man/man1/} and {@code completions/} in the
     * repository, or with {@code --check} reports drift and exits 1 when there is any.
     *
     * @param root the {@code pika} command tree
     * @param args the arguments
     * @throws IOException when a file cannot be read or written
     */
    public static void main(CommandSpec root, String[] args) throws IOException {
        boolean check = args.length == 2 && args[0].equals("--check");
        if (args.length != (check ? 2 : 1)) {
            System.err.println("usage: GenerateDocs [--check] REPO_DIR");
            System.exit(2);
        }
        Path repo = Path.of(args[args.length - 1]);
        SortedMap<String, String> generated = render(root);
        if (check) {
            List<String> problems = drift(repo, generated);
            problems.forEach(p -> System.err.println("regen-docs: " + p));
            System.exit(problems.isEmpty() ? 0 : 1);
        }
        int changed = write(repo, generated);
        long pages = generated.keySet().stream().filter(k -> k.startsWith(MAN_DIR)).count();
        System.err.printf("regen-docs: %d man pages, %d completion scripts, %d files changed%n", pages,
                generated.size() - pages, changed);
    }
}
