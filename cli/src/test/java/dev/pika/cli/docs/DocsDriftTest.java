package dev.pika.cli.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.Main;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checked-in man pages and completion scripts must be what the generator makes from the current commands. */
class DocsDriftTest {
    @Test
    void checkedInFilesMatchTheGenerator() throws Exception {
        Path repo = Path.of(System.getProperty("pika.repo.dir", "..")).toAbsolutePath().normalize();
        List<String> problems = DocsGenerator.drift(repo,
                DocsGenerator.render(Main.commandLine(new Main()).getCommandSpec()));
        assertTrue(problems.isEmpty(), "man/ or completions/ are out of date with the commands; run "
                + "scripts/regen-docs.sh and commit the result:\n  " + String.join("\n  ", problems));
    }
}
