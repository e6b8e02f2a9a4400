package dev.pika.cli.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.Main;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Require;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The generated awk program ({@link CompletionTables}) gives the same candidates and directive as the dynamic
 * engine ({@link CompletionEngine}, what {@code pika __complete} prints), run by the real awk of this machine
 * (Debian's mawk; also busybox awk when present), for every command and every option: a new word, {@code -},
 * {@code --}, a subcommand prefix, each option's value (separate and after {@code =}), options after one was
 * used, positionals, and {@code --} ending the options.
 */
class CompletionTablesTest {
    private static final CommandSpec ROOT = Main.commandLine(new Main()).getCommandSpec();
    private static final String PROGRAM = CompletionTables.awkProgram(ROOT);

    /** @return every command line to compare: the words after the program name, the last being completed */
    static List<List<String>> contexts() {
        Set<List<String>> out = new LinkedHashSet<>();
        out.add(List.of());
        contexts(ROOT, List.of(), out);
        return new ArrayList<>(out);
    }

    private static void contexts(CommandSpec spec, List<String> path, Set<List<String>> out) {
        for (String cur : List.of("", "-", "--", "x", "-q", "--f")) {
            out.add(with(path, cur));
        }
        for (String name : spec.subcommands().keySet()) {
            out.add(with(path, name.substring(0, 1)));
        }
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            boolean value = o.arity().max() > 0;
            out.add(with(path, name, ""));
            out.add(with(path, name, "-"));
            out.add(with(path, name + "="));
            out.add(with(path, name + "=a"));
            out.add(with(path, name.substring(0, Math.min(name.length(), 3))));
            out.add(value ? with(path, name, "v", "-") : with(path, name, "-"));
            out.add(value ? with(path, name, "v", "") : with(path, name, ""));
            out.add(with(path, name + "=v", "--"));
        }
        if (!spec.positionalParameters().isEmpty()) {
            out.add(with(path, "file", ""));
            out.add(with(path, "file", "-"));
            out.add(with(path, "a", "b", ""));
            out.add(with(path, "--", "-"));
            out.add(with(path, "--", ""));
        }
        for (var e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            List<String> child = new ArrayList<>(path);
            child.add(e.getKey());
            if (e.getKey().equals(sub.name())) {
                contexts(sub, child, out);
            } else {
                out.add(with(child, "")); // an alias walks into the same command
            }
        }
    }

    private static List<String> with(List<String> path, String... words) {
        List<String> w = new ArrayList<>(path);
        w.addAll(List.of(words));
        return w;
    }

    /** @return what {@code pika __complete -- WORDS} prints */
    static String engine(List<String> words) {
        CompletionEngine.Completion c = CompletionEngine.complete(ROOT, words);
        StringBuilder sb = new StringBuilder();
        for (CompletionEngine.Candidate k : c.candidates()) {
            sb.append(k.value()).append(k.description().isEmpty() ? "" : "\t" + k.description()).append('\n');
        }
        return sb.append(':').append(c.directive()).append('\n').toString();
    }

    private static void compare(String... awk) {
        List<List<String>> contexts = contexts();
        assertTrue(contexts.size() > 1000, "contexts: " + contexts.size());
        List<String> differences = new ArrayList<>();
        for (List<String> words : contexts) {
            List<String> argv = new ArrayList<>(List.of(awk));
            argv.add(PROGRAM);
            argv.addAll(words);
            Proc.Result r = Proc.of(argv).run();
            String expected = engine(words);
            if (r.exit() != 0 || !r.out().equals(expected)) {
                differences.add(words + ":\n  engine: " + expected.replace("\n", "\\n") + "\n  awk:    "
                        + r.out().replace("\n", "\\n") + r.err());
            }
        }
        assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())),
                differences.size() + " of " + contexts.size() + " command lines differ");
    }

    @Test
    void awkTablesMatchTheEngineForEveryCommandAndOption() {
        compare(Require.tool("awk").toString());
    }

    @Test
    void busyboxAwkToo() {
        compare(Require.tool("busybox").toString(), "awk");
    }

    @Test
    void dynamicCandidatesAskTheJvm() throws Exception {
        CommandSpec spec = CommandSpec.create().name("t");
        spec.addOption(OptionSpec.builder("--live").arity("1").completionCandidates(new Live()).build());
        String program = CompletionTables.awkProgram(new CommandLine(spec).getCommandSpec());
        Proc.Result r = Proc.of(Require.tool("awk").toString(), program, "--live", "").run();
        assertEquals(":jvm\n", r.out());
        assertEquals("--live\n:0\n", Proc.of(Require.tool("awk").toString(), program, "--l").run().out());
    }

    /** A candidate source only the JVM can list. */
    static final class Live implements Iterable<String>, CompletionTables.Dynamic {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("now").iterator();
        }
    }
}
