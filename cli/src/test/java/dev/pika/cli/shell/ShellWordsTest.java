package dev.pika.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void wordsQuotesAndEscapes() {
        assertEquals(List.of("result", "new", "--message", "", "--exit-code", "0"),
                ShellWords.split("  result new --message '' --exit-code 0 "));
        assertEquals(List.of("a b", "c\"d\\e", "$HOME", "x y", "it's"),
                ShellWords.split("'a b' \"c\\\"d\\\\e\" '$HOME' x\\ y \"it's\""));
        assertEquals(List.of("--message=two words"), ShellWords.split("--message='two words'"));
        assertEquals(List.of(), ShellWords.split("   "));
    }

    @Test
    void unterminatedQuoteIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShellWords.split("render --command 'cargo test"));
        assertEquals("unterminated ' quote", e.getMessage());
    }
}
