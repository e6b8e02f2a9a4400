package dev.pika.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule registry ({@link Rule}) is the one list of rule ids: every id the validator's sources emit is in it
 * with a matching severity, and every registered rule is emitted somewhere. Read from the sources, so a rule
 * no test happens to trigger is still checked (the validator also asserts it at run time).
 */
class RuleRegistryTest {

    private static final Path SRC = Path.of("src/main/java/dev/pika/contract");
    /** {@code error("id", …)}, {@code warning("id", …)}, {@code add(Severity.X, "id", …)}, {@code RULE_X = "id"}. */
    private static final Pattern EMITTED = Pattern.compile(
            "\\b(error|warning)\\(\\s*\"([a-z0-9-]+)\"|add\\(\\s*Severity\\.(ERROR|WARNING),\\s*\"([a-z0-9-]+)\""
                    + "|RULE_[A-Z_]+\\s*=\\s*\"([a-z0-9-]+)\"");

    @Test
    void everyEmittedRuleIsRegisteredWithItsSeverity() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path f : sources()) {
            Matcher m = EMITTED.matcher(Files.readString(f));
            while (m.find()) {
                String id = m.group(2) != null ? m.group(2) : m.group(4) != null ? m.group(4) : m.group(5);
                String sev = m.group(1) != null ? m.group(1).toUpperCase(java.util.Locale.ROOT) : m.group(3);
                Rule r = Rule.byId(id).orElse(null);
                if (r == null) {
                    problems.add(f.getFileName() + ": `" + id + "` is not in Rule");
                } else if (sev != null && r.severity().isPresent() && !r.severity().get().name().equals(sev)) {
                    problems.add(f.getFileName() + ": `" + id + "` emitted as " + sev + ", registered as "
                            + r.severity().get());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyRegisteredRuleIsEmitted() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path f : sources()) {
            if (!f.getFileName().toString().equals("Rule.java")) {
                all.append(Files.readString(f));
            }
        }
        Set<String> unused = new TreeSet<>();
        for (Rule r : Rule.values()) {
            if (all.indexOf("\"" + r.id() + "\"") < 0 && all.indexOf("Rule." + r.name()) < 0) {
                unused.add(r.id());
            }
        }
        assertEquals(Set.of(), unused);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SRC)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
