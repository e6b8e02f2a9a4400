package dev.pika.cli.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.contract.Rule;
import dev.pika.testkit.Proc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --disable-rule}, {@code --enable-rule} and {@code --list-rules} of {@code pika validate*}, as a process. */
class RuleControlIT {
    @TempDir
    static Path dir;
    static String lint;

    @BeforeAll
    static void lintDocument() throws Exception {
        Path p = Files.createDirectories(dir.resolve("lint")).resolve("result.json");
        // completed with exit code 3: status-exit-code; finished_at not RFC 3339: timestamp-format
        Files.writeString(p, "{\"schema_version\": 1, \"status\": \"completed\", \"finished_at\": \"yesterday\", "
                + "\"message\": \"m\", \"exit_code\": 3}");
        lint = p.toString();
    }

    @Test
    void disablingALintRuleDropsItsWarnings() {
        Proc.Result all = Proc.pika("validate", "--strict", lint).run();
        assertEquals(1, all.exit());
        assertTrue(all.out().contains("[status-exit-code]") && all.out().contains("[timestamp-format]"), all.out());

        Proc.Result one = Proc.pika("validate", "--strict", "--disable-rule", "status-exit-code", lint).run();
        assertEquals(1, one.exit(), "timestamp-format is still an error under --strict");
        assertTrue(!one.out().contains("[status-exit-code]") && one.out().contains("[timestamp-format]"), one.out());

        Proc.Result both = Proc.pika("validate", "--strict", "--disable-rule", "status-exit-code",
                "--disable-rule", "timestamp-format", lint).run();
        assertEquals(0, both.exit(), both.out());
        assertEquals("1 valid, 0 invalid (0 errors, 0 warnings)\n", both.out());

        assertEquals(0, Proc.pika("validate-result", "--strict", "--disable-rule", "lint", lint).run().exit());
        Proc.Result kept = Proc.pika("validate", "--strict", "--disable-rule", "lint", "--enable-rule",
                "timestamp-format", lint).run();
        assertEquals(1, kept.exit());
        assertTrue(!kept.out().contains("[status-exit-code]") && kept.out().contains("[timestamp-format]"),
                kept.out());
    }

    @Test
    void errorsAndUnknownIdsAreUsageErrors() {
        Proc.Result error = Proc.pika("validate", "--disable-rule", "unknown-variant", lint).run();
        assertEquals(2, error.exit());
        assertEquals("", error.out());
        assertTrue(error.err().contains("only lint (warning) rules can be disabled"), error.err());
        Proc.Result unknown = Proc.pika("validate", "--enable-rule", "no-such-rule", lint).run();
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown rule `no-such-rule`"), unknown.err());
        Proc.Result noFile = Proc.pika("validate").run();
        assertEquals(2, noFile.exit());
        assertTrue(noFile.err().contains("missing required parameter 'FILE'"), noFile.err());
    }

    @Test
    void listRulesPrintsTheRegistry() throws Exception {
        Proc.Result text = Proc.pika("validate", "--list-rules").run();
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().startsWith("RULE "), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("status-exit-code +warning +`completed`.*")), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.matches("syntax-error +error +malformed JSON.*")), text.out());
        assertEquals(Rule.values().length + 1, text.out().lines().count());

        Proc.Result json = Proc.pika("validate", "--list-rules", "--format", "json").run();
        assertEquals(0, json.exit(), json.err());
        JsonNode rules = new ObjectMapper().readTree(json.out());
        assertEquals(Rule.values().length, rules.size());
        assertEquals("unknown-field", rules.get(Rule.UNKNOWN_FIELD.ordinal()).get("id").asText());
        assertEquals("varies", rules.get(Rule.UNKNOWN_FIELD.ordinal()).get("severity").asText());
    }
}
