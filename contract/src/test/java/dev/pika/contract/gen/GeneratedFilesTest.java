package dev.pika.contract.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift test of the files generated from the contract's one definition ({@link Generate}): every checked-in
 * generated file equals what the generator makes from the code now, and a stale copy is caught.
 */
class GeneratedFilesTest {

    @Test
    void checkedInFilesAreCurrent() throws IOException {
        assertEquals(List.of(), Generate.stale(Repo.root()),
                "stale generated files: run scripts/regen-docs.sh and commit the result");
    }

    @Test
    void aStaleRuleTableIsCaught(@TempDir Path copy) throws IOException {
        Path root = copyOfGeneratedFiles(copy);
        assertEquals(List.of(), Generate.stale(root));
        Path doc = root.resolve(Generate.VALIDATION_DOC);
        // a rule someone documented by hand, or a rule the registry dropped: the table no longer matches
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Files.writeString(doc, text.replace("| `seq-order` | warning | event `seq` not increasing |\n", ""),
                StandardCharsets.UTF_8);
        assertEquals(List.of(Generate.VALIDATION_DOC), Generate.stale(root));
        Generate.main(new String[] {root.toString()});
        assertEquals(List.of(), Generate.stale(root));
        assertEquals(text, Files.readString(doc, StandardCharsets.UTF_8));
    }

    @Test
    void theRuleTableListsEveryRegisteredRule() {
        String table = Generate.ruleTable();
        for (dev.pika.contract.Rule r : dev.pika.contract.Rule.values()) {
            assertTrue(table.contains("| `" + r.id() + "` | "), r.id());
        }
    }

    /** @return a temporary repository holding a copy of every generated file (and what the generator reads) */
    static Path copyOfGeneratedFiles(Path dir) throws IOException {
        for (Map.Entry<String, String> e : Generate.outputs(Repo.root()).entrySet()) {
            Path to = dir.resolve(e.getKey());
            Files.createDirectories(to.getParent());
            Files.copy(Repo.root().resolve(e.getKey()), to);
        }
        return dir;
    }
}
