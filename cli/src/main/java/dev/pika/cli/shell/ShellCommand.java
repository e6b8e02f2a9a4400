package dev.pika.cli.shell;

import dev.pika.cli.common.Entry;
import dev.pika.cli.common.Environment;
import dev.pika.cli.common.Examples;
import dev.pika.cli.common.FilesUsed;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pika shell}: an interactive shell over pika's commands. The terminal work is in {@link PikaShell}, loaded
 * only when this command runs, so the rest of pika never loads jline.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {
            "Run pika commands interactively, with TAB completion of commands, options, role ids and paths.",
            "Type a command without the leading `pika` (typing it is fine too); `help` lists the commands and "
                    + "`help COMMAND` or `COMMAND --help` shows a command's usage. A failing command prints its "
                    + "error and its exit code, and the shell goes on. Ctrl-C cancels the line being typed (or "
                    + "interrupts the running command), Ctrl-D or `exit` leaves the shell."
        })
@Examples({"Start the shell, then type a command with TAB completion:", "$ pika shell"})
@Environment(@Entry(name = "XDG_STATE_HOME",
        text = "Base directory of the history file (default $HOME/.local/state)."))
@FilesUsed(@Entry(name = "$XDG_STATE_HOME/pika/history",
        text = "The shell's command history, kept across sessions (default ~/.local/state/pika/history)."))
public final class ShellCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return PikaShell.runOnSystemTerminal(spec.root().commandLine(), historyFile(System.getenv()));
    }

    /**
     * Where the history is kept: {@code $XDG_STATE_HOME/pika/history}, or {@code $HOME/.local/state/pika/history}
     * when {@code XDG_STATE_HOME} is unset, empty or relative (as the XDG base directory specification says).
     * {@code $HOME} is read from the environment (Java's {@code user.home} comes from the password database and
     * ignores it); only when it is unset or relative does {@code user.home} stand in.
     *
     * @param env the environment
     * @return the history file path
     */
    public static Path historyFile(Map<String, String> env) {
        String state = env.get("XDG_STATE_HOME");
        String home = env.get("HOME");
        Path homeDir = home != null && !home.isEmpty() && Path.of(home).isAbsolute() ? Path.of(home)
                : Path.of(System.getProperty("user.home"));
        Path base = state != null && !state.isEmpty() && Path.of(state).isAbsolute() ? Path.of(state)
                : homeDir.resolve(".local").resolve("state");
        return base.resolve("pika").resolve("history");
    }
}
