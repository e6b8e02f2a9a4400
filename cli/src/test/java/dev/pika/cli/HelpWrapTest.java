package dev.pika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Help never splits a dotted word ({@code status.json}, {@code paths.state_dir}, {@code .#packages.SYSTEM}) across
 * two lines: every dotted word of a command's help, rendered without wrapping, is still whole, as often, at the
 * given width (picocli's own wrapping breaks after the dot: {@code status.} / {@code json}).
 */
class HelpWrapTest {
    /** A word with a dot inside it, or starting one (.jsonl, .#packages.SYSTEM), short enough for any column. */
    private static final Pattern DOTTED = Pattern.compile("(?<![\\w.#/-])[\\w#/-]*\\.[\\w#][\\w#.-]*\\w");

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 100, 120})
    void dottedWordsAreNeverSplit(int width) {
        List<String> checked = new ArrayList<>();
        for (CommandLine cl : all(Main.commandLine(new Main()))) {
            String wide = usage(cl, 2000);
            String narrow = usage(cl, width);
            Matcher m = DOTTED.matcher(wide);
            while (m.find()) {
                String word = m.group();
                int from = m.start();
                int to = m.end();
                while (from > 0 && !Character.isWhitespace(wide.charAt(from - 1))) {
                    from--;
                }
                while (to < wide.length() && !Character.isWhitespace(wide.charAt(to))) {
                    to++;
                }
                if (to - from > 20) {
                    continue; // in a word longer than the narrowest column: it must be cut somewhere
                }
                assertEquals(count(wide, word), count(narrow, word), () -> cl.getCommandSpec().qualifiedName()
                        + " at width " + width + ": `" + word + "` split across lines:\n" + narrow);
                checked.add(word);
            }
        }
        assertTrue(checked.contains("status.json"), "the test sees the help: " + checked.size() + " words");
    }

    private static String usage(CommandLine cl, int width) {
        CommandLine.Model.UsageMessageSpec spec = cl.getCommandSpec().usageMessage();
        boolean auto = spec.autoWidth();
        int before = spec.width();
        spec.autoWidth(false).width(width);
        try {
            return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
        } finally {
            spec.width(before).autoWidth(auto);
        }
    }

    private static int count(String text, String word) {
        Matcher m = Pattern.compile("(?<![\\w.#/-])" + Pattern.quote(word) + "(?![\\w#-]|\\.\\w)").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<CommandLine> all(CommandLine root) {
        List<CommandLine> out = new ArrayList<>();
        out.add(root);
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!out.contains(sub)) {
                out.addAll(all(sub));
            }
        }
        return out;
    }
}
