package dev.pika.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.testing.FixtureCommands;
import dev.pika.cli.testing.Tmux;
import dev.pika.cli.testing.Tools;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pika shell} end to end in a real terminal (tmux): TAB completion of commands, role ids and files, a failing
 * command, per-command help, Ctrl-C, Ctrl-D and the history file, as a person would see them.
 */
class ShellIT {
    @TempDir
    Path tmp;

    /** Waits until the last line of the pane is the prompt (panes are captured without trailing spaces). */
    private static String awaitPrompt(Tmux t, String what) {
        return t.await(what, p -> p.strip().endsWith("\npika>") || p.strip().equals("pika>"));
    }

    @Test
    void completesRunsFailsCancelsAndExits() throws Exception {
        Require.tool("tmux");
        Path state = tmp.resolve("state");
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("result-ok.json"), "{}");
        String java = "java -cp '" + Repo.jar() + ":" + Tools.testClasses() + "' " + FixtureCommands.class.getName();
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm",
                "PATH", System.getenv("PATH"));
        try (Tmux t = new Tmux(tmp, env, "cd " + work + " && " + java + " shell; echo \"shell exited with $?\"")) {
            awaitPrompt(t, "the prompt");
            t.type("val");
            t.keys("Tab");
            t.awaitText("pika> validate"); // the common prefix of the validate commands (and the fixtures)

            String listed0 = t.await("both validate commands listed", p -> p.contains("validate-fixture-stream"));
            System.out.println("--- pane after `val<TAB>`:\n" + listed0);
            t.keys("C-c");
            t.await("a fresh prompt after Ctrl-C", p -> p.strip().endsWith("\npika>"));

            t.type("validate-fixture --role ");
            t.keys("Tab");
            String listed = t.await("the role ids listed",
                    p -> p.contains("managed-openclaw") && p.contains("pikaci-runner"));
            System.out.println("--- pane after `validate-fixture --role <TAB>`:\n" + listed);
            t.type("pik");
            t.keys("Tab");
            t.awaitText("pika> validate-fixture --role pikaci-runner");
            t.type("res");
            t.keys("Tab");
            t.awaitText("pika> validate-fixture --role pikaci-runner result-ok.json");
            t.type("missing.json");
            t.keys("Enter");
            t.awaitText("[exit 2]");
            String failed = awaitPrompt(t, "the shell going on after the failure");
            assertTrue(failed.contains("pika: cannot read missing.json: no such file\n[exit 2]\npika>"), failed);

            t.type("help validate-fixture");
            t.keys("Enter");
            t.awaitText("Usage: pika validate-fixture");
            awaitPrompt(t, "the prompt after help");

            t.type("validate-fixture --role managed-openclaw result-ok.json");
            t.keys("Enter");
            t.awaitText("checked 1 file(s) as managed-openclaw");
            // a person waits for the prompt: Ctrl-D typed while a command runs is the terminal's EOF, not the shell's
            String ok = awaitPrompt(t, "the prompt after the run");
            System.out.println("--- pane after a run:\n" + ok);

            t.keys("C-d");
            t.awaitText("shell exited with 0");
        }
        String history = Files.readString(state.resolve("pika/history"));
        assertTrue(history.contains("validate-fixture --role pikaci-runner result-ok.json missing.json"), history);
        assertTrue(history.contains("help validate-fixture"), history);
    }

    @Test
    void runsLinesPipedIn() {
        Proc.Result r = Proc.of(List.of("java", "-jar", Repo.jar().toString(), "shell"))
                .env(Map.of("XDG_STATE_HOME", tmp.resolve("state").toString())).cwd(tmp)
                .stdin("roles pikaci-runner\ncompletion tcsh\nresult new --exit-code 3 --message '' "
                        + "--finished-at 2026-01-01T00:00:00Z\n").outputToFiles().run();
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("pikaci-runner  pikaci/dev"), r.out());
        assertTrue(r.out().contains("[exit 2]"), r.out());
        assertTrue(r.out().contains("\"message\": \"\","), "a quoted empty argument is kept:\n" + r.out());
        assertEquals("pika: unsupported shell \"tcsh\": expected bash, zsh or fish\n", r.err());
    }

    @Test
    void completionListsAreColouredUnlessNoColor() throws Exception {
        Require.tool("tmux");
        for (boolean noColor : new boolean[] {false, true}) {
            Map<String, String> env = new java.util.HashMap<>(Map.of("XDG_STATE_HOME", tmp.resolve("state").toString(),
                    "TERM", "xterm-256color", "PATH", System.getenv("PATH")));
            String command = (noColor ? "NO_COLOR=1 " : "") + "java -jar '" + Repo.jar() + "' shell";
            try (Tmux t = new Tmux(tmp, env, command)) {
                awaitPrompt(t, "the prompt");
                t.type("validate");
                t.keys("Tab");
                t.awaitText("validate-result");
                String pane = t.captureWithEscapes();
                String list = pane.substring(pane.indexOf('\n', pane.indexOf("pika> validate")) + 1);
                assertEquals(!noColor, list.contains("\u001b["), (noColor ? "NO_COLOR=1" : "default") + ":\n" + list);
            }
        }
    }

    @Test
    void thePlainJarKeepsHistoryAcrossSessions() throws Exception {
        Require.tool("tmux");
        Path state = tmp.resolve("state");
        Map<String, String> env = Map.of("XDG_STATE_HOME", state.toString(), "TERM", "xterm",
                "PATH", System.getenv("PATH"));
        String pika = "java -jar '" + Repo.jar() + "'";
        try (Tmux t = new Tmux(tmp, env, pika + " shell; echo \"shell exited with $?\"")) {
            awaitPrompt(t, "the prompt");
            t.type("comp");
            t.keys("Tab");
            t.awaitText("pika> completion");
            t.type("tcsh");
            t.keys("Enter");
            t.awaitText("[exit 2]");
            String pane = awaitPrompt(t, "the prompt after the failure");
            assertTrue(pane.contains("pika> completion tcsh"), "TAB added the space after the command:\n" + pane);
            assertTrue(pane.contains("pika: unsupported shell \"tcsh\": expected bash, zsh or fish"), pane);
            t.type("exit");
            t.keys("Enter");
            t.awaitText("shell exited with 0");
        }
        try (Tmux t = new Tmux(tmp, env, pika + " shell; echo \"shell exited with $?\"")) {
            awaitPrompt(t, "the prompt");
            t.keys("Up");
            t.awaitText("pika> exit");
            t.keys("Up");
            t.awaitText("pika> completion tcsh");
            t.keys("C-c");
            awaitPrompt(t, "a fresh prompt after Ctrl-C");
            t.keys("C-d");
            t.awaitText("shell exited with 0");
        }
    }
}
