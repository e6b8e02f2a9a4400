package dev.pika.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Help follows the terminal's width, at most {@link Cli#MAX_HELP_WIDTH}: the real jar on a real pseudo-terminal
 * ({@code script} from util-linux) whose width {@code stty cols} sets.
 */
class HelpWidthIT {
    @ParameterizedTest
    @CsvSource({"200, 120, 100", "100, 100, 90", "60, 60, 50"})
    void helpWrapsAtTheTerminalWidthUpToTheCap(int columns, int atMost, int atLeast) {
        String script = Require.tool("script").toString();
        String command = "stty cols " + columns + " rows 50; exec '" + Repo.java() + "' -jar '" + Repo.jar()
                + "' validate-result --help";
        Proc.Result r = Proc.of(script, "-qec", command, "/dev/null").env(Map.of("NO_COLOR", "1")).run();
        assertEquals(0, r.exit(), r.err());
        int widest = r.out().replace("\r", "").lines().mapToInt(String::length).max().orElse(0);
        assertTrue(widest <= atMost, columns + " columns: a line of " + widest + "\n" + r.out());
        assertTrue(widest >= atLeast, columns + " columns: help uses the width, widest line " + widest + "\n" + r.out());
    }
}
