package dev.pika.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellCommandTest {
    private static final Path HOME = Path.of(System.getProperty("user.home"));

    @Test
    void historyFollowsXdgStateHome() {
        assertEquals(Path.of("/var/state/pika/history"), ShellCommand.historyFile(Map.of("XDG_STATE_HOME", "/var/state")));
    }

    /** $HOME as set in the environment (sudo -H, a test's HOME), not the password database's home. */
    @Test
    void historyFollowsHomeFromTheEnvironment() {
        assertEquals(Path.of("/tmp/elsewhere/.local/state/pika/history"),
                ShellCommand.historyFile(Map.of("HOME", "/tmp/elsewhere")));
        assertEquals(Path.of("/var/state/pika/history"),
                ShellCommand.historyFile(Map.of("HOME", "/tmp/elsewhere", "XDG_STATE_HOME", "/var/state")));
    }

    @Test
    void historyDefaultsToLocalStateWhenUnsetEmptyOrRelative() {
        Path dflt = HOME.resolve(".local/state/pika/history");
        assertEquals(dflt, ShellCommand.historyFile(Map.of()));
        assertEquals(dflt, ShellCommand.historyFile(Map.of("XDG_STATE_HOME", "")));
        assertEquals(dflt, ShellCommand.historyFile(Map.of("XDG_STATE_HOME", "relative/dir")));
    }
}
