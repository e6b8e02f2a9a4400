package dev.pika.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TroffTest {
    @Test
    void escapes() {
        assertEquals("\\&.hidden \\e n \\[u00A7]5 a-b", Troff.text(".hidden \\ n §5 a-b"));
        assertEquals("\\-\\-role", Troff.code("--role"));
        assertEquals("\"it\\(dqs\"", Troff.quote("it\"s"));
        assertEquals("one\n.br\ntwo", Troff.lines("one\n\n two "));
    }

    @Test
    void wrapsFillModeLinesOnlyAndGuardsLeadingDots() {
        String word = "x".repeat(76);
        String page = ".SH A\n" + word + " .dot and more\n.nf\n" + word + " " + word + "\n.fi\n";
        String wrapped = Troff.wrap(page);
        assertEquals(".SH A\n" + word + "\n\\&.dot and more\n.nf\n" + word + " " + word + "\n.fi\n", wrapped);
        for (String line : wrapped.split("\n")) {
            assertTrue(line.length() <= Troff.MAX_LINE || line.startsWith(word + " " + word), line);
        }
    }
}
