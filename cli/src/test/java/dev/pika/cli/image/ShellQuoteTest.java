package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quoting checked by a real POSIX shell: the words a shell makes of {@link ShellQuote#join} are the originals. */
class ShellQuoteTest {
    static final List<String> HOSTILE = List.of(
            "plain", "", " ", "a b", "it's", "'", "''", "\"", "$(touch /tmp/pika-quote-marker)",
            "`touch /tmp/pika-quote-marker`", "a;touch /tmp/pika-quote-marker", "x\ny", "tab\there", "\\", "*", "?",
            "~root", "#comment", "a#b", ".#packages.x86_64-linux.pikaci-runner-incus-image", "-rf", "$HOME",
            "!event", "{a,b}", "a&&b", "a|b", "<in", "été", "/1.0/images/aliases/pikaci%2Fdev?project=p");

    @Test
    void everyWordSurvivesARealShell() throws IOException, InterruptedException {
        for (String shell : List.of("/bin/sh", "/bin/bash")) {
            String script = "printf '%s\\0' " + ShellQuote.join(HOSTILE);
            Process p = new ProcessBuilder(shell, "-c", script).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertEquals(0, p.waitFor(), shell);
            List<String> words = new ArrayList<>(List.of(new String(out, StandardCharsets.UTF_8).split("\0", -1)));
            words.remove(words.size() - 1);
            assertEquals(HOSTILE, words, shell);
        }
        assertEquals(false, java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/pika-quote-marker")));
    }

    @Test
    void safeWordsStayReadable() {
        assertEquals("incus image import --project pika-managed-agents /tmp/x/metadata.tar.xz",
                ShellQuote.join(List.of("incus", "image", "import", "--project", "pika-managed-agents",
                        "/tmp/x/metadata.tar.xz")));
        assertEquals("'it'\\''s' '' '#x' '$(id)'", ShellQuote.join(List.of("it's", "", "#x", "$(id)")));
    }
}
