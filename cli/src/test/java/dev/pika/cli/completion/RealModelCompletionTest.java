package dev.pika.cli.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.Main;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completion over pika's real commands, whichever exist: every option that takes a role completes the role ids,
 * every command is reachable by TAB, and every summary is one line.
 */
class RealModelCompletionTest {
    private static final CommandSpec ROOT = Main.commandLine(new Main()).getCommandSpec();
    private static final List<String> ROLES = List.of("managed-openclaw", "pikaci-runner");

    private static List<String> values(List<String> words) {
        return CompletionEngine.complete(ROOT, words).candidates().stream()
                .map(CompletionEngine.Candidate::value).toList();
    }

    private static void walk(CommandSpec spec, List<String> path, List<List<String>> into) {
        into.add(path);
        for (var e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!sub.usageMessage().hidden() && e.getKey().equals(sub.name())) {
                List<String> next = new ArrayList<>(path);
                next.add(e.getKey());
                walk(sub, next, into);
            }
        }
    }

    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        walk(ROOT, List.of(), paths);
        return paths;
    }

    private static CommandSpec spec(List<String> path) {
        CommandSpec spec = ROOT;
        for (String w : path) {
            spec = spec.subcommands().get(w).getCommandSpec();
        }
        return spec;
    }

    @Test
    void everyRoleOptionCompletesRoleIds() {
        int roleOptions = 0;
        for (List<String> path : commandPaths()) {
            for (OptionSpec opt : spec(path).options()) {
                if (opt.hidden() || !opt.longestName().equals("--role")) {
                    continue;
                }
                roleOptions++;
                List<String> words = new ArrayList<>(path);
                words.add("--role");
                words.add("");
                assertEquals(ROLES, values(words), String.join(" ", words));
            }
        }
        assertTrue(roleOptions > 0, "pika image, image-record from-incus, … take --role");
    }

    @Test
    void everyCommandIsReachableByTabAndSummariesAreOneLine() {
        for (List<String> path : commandPaths()) {
            if (path.isEmpty()) {
                continue;
            }
            List<String> words = new ArrayList<>(path.subList(0, path.size() - 1));
            String name = path.get(path.size() - 1);
            words.add(name.substring(0, 1));
            List<CompletionEngine.Candidate> candidates = CompletionEngine.complete(ROOT, words).candidates();
            assertTrue(candidates.stream().anyMatch(c -> c.value().equals(name)), words + " -> " + candidates);
            for (CompletionEngine.Candidate c : candidates) {
                assertFalse(c.description().contains("\n") || c.description().contains("\t"), c.toString());
            }
        }
    }

    @Test
    void hiddenEntryPointIsRegisteredButNotOffered() {
        CommandLine complete = ROOT.subcommands().get(CompleteCommand.NAME);
        assertTrue(complete != null && complete.getCommandSpec().usageMessage().hidden());
        assertFalse(values(List.of("__")).contains(CompleteCommand.NAME));
    }

    @Test
    void summariesStopAtTheFirstSentence() {
        assertEquals("The guest command, as bash text (e.g. 'cargo test')",
                CompletionEngine.summary(new String[] {"The guest command, as bash text (e.g. 'cargo test'). More."}));
        assertEquals("Check lifecycle event streams (events.jsonl, CONTRACT.md §2)",
                CompletionEngine.summary(new String[] {"Check lifecycle event streams (events.jsonl, CONTRACT.md §2): "
                        + "one JSON object per line."}));
        assertEquals("Runs `incus image list --format json` here",
                CompletionEngine.summary(new String[] {"Runs `incus image list --format json` here: then more."}));
        assertEquals("Runs `a: b`", CompletionEngine.summary(new String[] {"Runs `a: b`; then more."}));
        assertEquals("Show this help message and exit",
                CompletionEngine.summary(new String[] {"Show this help message and exit."}));
    }
}
