package dev.pika.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelpSectionsTest {
    @Test
    void readsTheFooterConvention() {
        HelpSections s = HelpSections.parse(List.of(
                "Examples:",
                "  Check a result:",
                "    $ pika validate-result result.json",
                "    $ pika validate-result --format json result.json",
                "  Check many",
                "  files at once:",
                "    $ pika validate dir/",
                "",
                "Environment:",
                "  NO_COLOR    disable colour",
                "  PIKA_DEBUG  set to 1 to print",
                "              stack traces",
                "Files:",
                "  ~/.cache/pika/  the class-data cache",
                "See also:",
                "  incus(1), jq(1) nix(1)",
                "Output:",
                "  text  findings, then",
                "        a summary",
                "  json  one document",
                "Details: docs/x.md"));
        assertEquals(List.of(
                new HelpSections.Example("Check a result:", List.of("pika validate-result result.json",
                        "pika validate-result --format json result.json")),
                new HelpSections.Example("Check many files at once:", List.of("pika validate dir/"))), s.examples());
        assertEquals(List.of(new HelpSections.Entry("NO_COLOR", "disable colour"),
                new HelpSections.Entry("PIKA_DEBUG", "set to 1 to print stack traces")), s.environment());
        assertEquals(List.of(new HelpSections.Entry("~/.cache/pika/", "the class-data cache")), s.files());
        assertEquals(List.of("incus(1)", "jq(1)", "nix(1)"), s.seeAlso());
        assertEquals(Map.of("OUTPUT", List.of("  text  findings, then", "        a summary", "  json  one document"),
                "NOTES", List.of("Details: docs/x.md")), s.other());
        assertEquals(Optional.of(List.of(new HelpSections.Entry("text", "findings, then a summary"),
                new HelpSections.Entry("json", "one document"))), HelpSections.entries(s.other().get("OUTPUT")));
        assertEquals(Optional.empty(), HelpSections.entries(List.of("  just some text")));
    }

    @Test
    void examplesWrittenAsBareCommandsWithContinuations() {
        HelpSections s = HelpSections.parse(List.of(
                "Example:",
                "  pika validate-result result.json",
                "  pika image-record from-incus --local \\",
                "      | pika image-record inspect -",
                "  incus-role-image --role pikaci-runner build"));
        assertEquals(List.of(new HelpSections.Example("", List.of("pika validate-result result.json",
                "pika image-record from-incus --local \\", "    | pika image-record inspect -",
                "incus-role-image --role pikaci-runner build"))), s.examples());
    }

    @Test
    void noFooterNoSections() {
        HelpSections s = HelpSections.parse(List.of());
        assertEquals(List.of(), s.examples());
        assertEquals(List.of(), s.environment());
        assertEquals(Map.of(), s.other());
    }
}
