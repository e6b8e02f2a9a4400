package dev.pika.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

/** {@link ShellLineParser}: the one split of a shell line, for completion and for running it. */
class ShellLineParserTest {
    private final ShellLineParser parser = new ShellLineParser();

    private List<String> run(String line) {
        return parser.parse(line, line.length(), ParseContext.ACCEPT_LINE).words();
    }

    @Test
    void wordsQuotesAndEscapes() {
        assertEquals(List.of("result", "new", "--message", "", "--exit-code", "0"),
                run("  result new --message '' --exit-code 0 "));
        assertEquals(List.of("a b", "c\"d\\e", "$HOME", "x y", "it's"),
                run("'a b' \"c\\\"d\\\\e\" '$HOME' x\\ y \"it's\""));
        assertEquals(List.of("--message=two words"), run("--message='two words'"));
        assertEquals(List.of(), run("   "));
    }

    @Test
    void anUnclosedQuoteAsksForAContinuationLine() {
        EOFError e = assertThrows(EOFError.class, () -> parser.parse("render --command 'cargo test", 27,
                ParseContext.ACCEPT_LINE));
        assertEquals("quote", e.getMissing());
        assertEquals(List.of("render", "--command", "cargo test\nx"), run("render --command 'cargo test\nx'"));
    }

    /** What TAB completes is the same word list Enter runs, up to the cursor. */
    @Test
    void completionSeesTheWordsExecutionRuns() {
        String line = "result new --message 'a b' --fo";
        ParsedLine complete = parser.parse(line, line.length(), ParseContext.COMPLETE);
        assertEquals(run(line), complete.words());
        assertEquals(4, complete.wordIndex());
        assertEquals("--fo", complete.word());
        assertEquals(4, complete.wordCursor());

        ParsedLine atSpace = parser.parse("result new ", 11, ParseContext.COMPLETE);
        assertEquals(List.of("result", "new", ""), atSpace.words());
        assertEquals(2, atSpace.wordIndex());

        ParsedLine inside = parser.parse("validate-result --format js x.json", 27, ParseContext.COMPLETE);
        assertEquals(2, inside.wordIndex());
        assertEquals("js", inside.word());
        assertEquals(2, inside.wordCursor());
        // an open quote while completing is a word still being typed
        ParsedLine open = parser.parse("result new --message 'a b", 25, ParseContext.COMPLETE);
        assertEquals("a b", open.word());
        CompletingParsedLine raw = (CompletingParsedLine) open;
        assertEquals(4, raw.rawWordCursor(), "the quote counts in the raw line");
        assertEquals(4, raw.rawWordLength());
        assertEquals("a\\ b\\'s", raw.escape("a b's", true).toString());
    }
}
