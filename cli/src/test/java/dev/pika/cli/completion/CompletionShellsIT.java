package dev.pika.cli.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.testing.Tmux;
import dev.pika.cli.testing.Tools;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checked-in completion scripts in real bash, fish and zsh. Two paths: the awk tables (what a TAB normally
 * uses: {@code *FromTheTables*} tests, real commands, a {@code pika} on PATH that fails the test if it is started),
 * and the JVM fallback when awk is missing (failure injection: an {@code awk} on PATH that exits 127), where
 * {@code pika} on the test's PATH runs the jar with the test-only fixture commands added ({@code validate-fixture}
 * with role, format, kind and file arguments, and an {@code image} group when the jar has none).
 */
class CompletionShellsIT {
    @TempDir
    static Path tmp;
    static Path bin;
    static Path work;
    static Map<String, String> env;

    @BeforeAll
    static void setUp() throws Exception {
        bin = Tools.bin(tmp.resolve("fixture"), true);
        work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("result-ok.json"), "{}");
        Files.writeString(work.resolve("readme.txt"), "x");
        Files.createDirectories(tmp.resolve("home"));
        Path noAwk = Files.createDirectories(tmp.resolve("no-awk"));
        Files.writeString(noAwk.resolve("awk"), "#!/bin/sh\nexit 127\n");
        noAwk.resolve("awk").toFile().setExecutable(true);
        env = Map.of("PATH", noAwk + ":" + bin + ":" + System.getenv("PATH"), "HOME", tmp.resolve("home").toString(),
                "XDG_CONFIG_HOME", tmp.resolve("home/.config").toString());
        Path noJvm = Files.createDirectories(tmp.resolve("no-jvm"));
        jvmStarted = tmp.resolve("jvm-started");
        Files.writeString(noJvm.resolve("pika"), "#!/bin/sh\necho \"$@\" >> '" + jvmStarted + "'\nexit 1\n");
        noJvm.resolve("pika").toFile().setExecutable(true);
        tablesEnv = Map.of("PATH", noJvm + ":" + System.getenv("PATH"), "HOME", tmp.resolve("home").toString(),
                "XDG_CONFIG_HOME", tmp.resolve("home/.config").toString());
    }

    static Path jvmStarted;
    static Map<String, String> tablesEnv;

    @Test
    void bashCompletesFromTheTablesWithoutAJvm() throws Exception {
        Require.tool("bash");
        List<String> top = tablesBash("pika", "");
        assertTrue(top.containsAll(List.of("help", "completion", "schema", "validate", "image", "roles")),
                top.toString());
        assertFalse(top.contains("__complete"), top.toString());
        assertEquals(List.of("schema"), tablesBash("pika", "sch"));
        assertEquals(List.of("managed-openclaw", "pikaci-runner"), tablesBash("pika", "roles", ""));
        assertEquals(List.of("pikaci-runner"), tablesBash("pika", "image", "--role", "pik"));
        assertEquals(List.of("image-record"), tablesBash("pika", "validate", "--kind", "im"));
        assertEquals(List.of("junit"), tablesBash("pika", "validate", "--format", "=", "ju"));
        assertEquals(List.of("--strict"), tablesBash("pika", "validate", "--st"));
        assertEquals(List.of("result-ok.json"), tablesBash("pika", "validate", "--strict", "res"));
        assertEquals(List.of("build", "build-import"), tablesBash("incus-role-image", "bu"));
        assertFalse(Files.exists(jvmStarted), () -> "a TAB started pika: " + read(jvmStarted));
    }

    @Test
    void fishCompletesFromTheTablesWithoutAJvm() throws Exception {
        Require.tool("fish");
        assertTrue(fish("pika", "pika sch", tablesEnv).contains("schema"));
        assertEquals(List.of("--kind=image-record"), fish("pika", "pika validate --kind=im", tablesEnv));
        assertEquals(List.of("result-ok.json"), fish("pika", "pika validate res", tablesEnv));
        assertEquals(List.of("managed-openclaw", "pikaci-runner"),
                fish("incus-role-image", "incus-role-image --role ", tablesEnv));
        assertFalse(Files.exists(jvmStarted), () -> "a TAB started pika: " + read(jvmStarted));
    }

    @Test
    void zshFunctionAnswersFromTheTablesWithoutAJvm() throws Exception {
        Require.tool("zsh");
        // the completion system's _describe/_files print what they are given (the terminal test below drives the
        // real ones through the JVM fallback)
        Proc.Result r = Proc.of(List.of("zsh", "-f", "-c", "_describe() { print -rl -- \"${(@P)4}\" }; "
                + "_files() { print files }; compdef() { : }; source $1; words=(pika \"${@:2}\"); "
                + "CURRENT=$#words; _pika", "zsh", script("zsh", "_pika").toString(), "validate", "--kind", "im"))
                .env(tablesEnv).cwd(work).outputToFiles().run();
        assertEquals("image-record\n", r.out(), r.err());
        Proc.Result sub = Proc.of(List.of("zsh", "-f", "-c", "_describe() { print -rl -- \"${(@P)4}\" }; "
                + "_files() { print files }; compdef() { : }; source $1; words=(pika sch); CURRENT=2; _pika",
                "zsh", script("zsh", "_pika").toString())).env(tablesEnv).cwd(work).outputToFiles().run();
        assertTrue(sub.out().startsWith("schema:Print the JSON Schema"), sub.out() + sub.err());
        assertFalse(Files.exists(jvmStarted), () -> "a TAB started pika: " + read(jvmStarted));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static List<String> tablesBash(String program, String... words) {
        List<String> all = new ArrayList<>(List.of(program));
        all.addAll(List.of(words));
        return Tools.bashComplete(script("bash", program), "_" + program.replace('-', '_') + "_complete", tablesEnv,
                work, all.toArray(String[]::new));
    }

    private static Path script(String shell, String file) {
        return Repo.root().resolve("completions").resolve(shell).resolve(file);
    }

    /** Runs the bash completion function of {@code program} with COMP_WORDS = words, COMP_CWORD = last. */
    private static List<String> bash(String program, String... words) {
        List<String> all = new ArrayList<>(List.of(program));
        all.addAll(List.of(words));
        return Tools.bashComplete(script("bash", program), "_" + program.replace('-', '_') + "_complete", env, work,
                all.toArray(String[]::new));
    }

    /** Asks fish for the completions of a command line, the first column of each. */
    private static List<String> fish(String program, String commandLine) {
        return fish(program, commandLine, env);
    }

    private static List<String> fish(String program, String commandLine, Map<String, String> env) {
        Proc.Result r = Proc.of(List.of("fish", "--no-config", "-c",
                "source $argv[1]; complete -C $argv[2]", script("fish", program + ".fish").toString(), commandLine))
                        .env(env).cwd(work).outputToFiles().run();
        assertEquals(0, r.exit(), r.err());
        return r.lines().stream().map(l -> l.split("\t")[0]).toList();
    }

    @Test
    void bashCompletesCommandsOptionsRoleIdsValuesAndFiles() {
        Require.tool("bash");
        List<String> top = bash("pika", "");
        assertTrue(top.containsAll(List.of("help", "completion", "shell", "validate-fixture", "image")), top.toString());
        assertFalse(top.contains("__complete"), top.toString());
        assertTrue(bash("pika", "val").contains("validate-fixture"));
        assertEquals(List.of("completion"), bash("pika", "comp"));
        assertEquals(List.of("managed-openclaw", "pikaci-runner"), bash("pika", "validate-fixture", "--role", ""));
        assertEquals(List.of("pikaci-runner"), bash("pika", "validate-fixture", "--role", "pik"));
        assertEquals(List.of("result", "image-record"), bash("pika", "validate-fixture", "--kind", ""));
        assertEquals(List.of("json"), bash("pika", "validate-fixture", "--format", "=", "j"),
                "bash splits --format=j at '='; the value alone replaces the word");
        assertEquals(List.of("--strict"), bash("pika", "validate-fixture", "--st"));
        assertEquals(List.of("result-ok.json"), bash("pika", "validate-fixture", "--role", "pikaci-runner", "res"));
        assertEquals(List.of("bash"), bash("pika", "completion", "ba"));
    }

    @Test
    void bashCompletesTheLaunchersAsPikaImage() {
        Require.tool("bash");
        assertEquals(bash("pika", "image", ""), bash("incus-role-image", ""));
        assertTrue(bash("incus-role-image", "").contains("build"), bash("incus-role-image", "").toString());
        assertEquals(List.of("managed-openclaw", "pikaci-runner"), bash("incus-role-image", "--role", ""));
        assertEquals(bash("pika", "image", "--role", "managed-openclaw", ""), bash("incus-dev-image", ""));
        assertEquals(bash("pika", "image", "--role", "pikaci-runner", "b"), bash("pikaci-incus-image", "b"));
    }

    @Test
    void bashAgainstThePlainJar() throws Exception {
        Require.tool("bash");
        Path plain = Tools.bin(tmp.resolve("plain"), false);
        Proc.Result r = Proc.of(List.of("bash", "--norc", "--noprofile", "-c",
                "source \"$1\"; COMP_WORDS=(pika comp); COMP_CWORD=1; _pika_complete; printf '%s\\n' \"${COMPREPLY[@]}\"; "
                        + "complete -p pika", "bash", script("bash", "pika").toString()))
                                .env(Map.of("PATH", tmp.resolve("no-awk") + ":" + plain + ":" + System.getenv("PATH")))
                                .cwd(work).outputToFiles()
                                .run();
        assertEquals("completion\ncomplete -F _pika_complete pika\n", r.out(), r.err());
    }

    @Test
    void fishCompletesCommandsRoleIdsAndFiles() {
        Require.tool("fish");
        assertTrue(fish("pika", "pika val").contains("validate-fixture"));
        assertTrue(fish("pika", "pika ").containsAll(List.of("completion", "shell", "validate-fixture")));
        assertEquals(List.of("managed-openclaw", "pikaci-runner"), fish("pika", "pika validate-fixture --role "));
        assertEquals(List.of("--strict"), fish("pika", "pika validate-fixture --st"));
        assertEquals(List.of("--kind=image-record"), fish("pika", "pika validate-fixture --kind=im"));
        assertEquals(List.of("result-ok.json"), fish("pika", "pika validate-fixture res"));
        assertEquals(List.of("managed-openclaw", "pikaci-runner"), fish("incus-role-image", "incus-role-image --role "));
        assertTrue(fish("incus-dev-image", "incus-dev-image ").contains("build"));
    }

    @Test
    void scriptsPassShellcheckAndEachShellsSyntaxCheck() throws Exception {
        Require.tool("shellcheck");
        Require.tool("zsh");
        Require.tool("fish");
        Path repo = Repo.root();
        List<String> sh = new ArrayList<>(List.of("shellcheck", "-s", "bash"));
        for (String f : List.of("scripts/install.sh", "scripts/regen-docs.sh", ".ci/setup-shell.sh")) {
            sh.add(repo.resolve(f).toString());
        }
        for (Launcher l : Launcher.all()) {
            sh.add(script("bash", l.name()).toString());
            Proc.Result z = Proc.of(List.of("zsh", "-n", script("zsh", "_" + l.name()).toString())).outputToFiles()
                    .run();
            assertEquals(0, z.exit(), l.name() + ": " + z.err());
            Proc.Result f = Proc.of(List.of("fish", "--no-execute", script("fish", l.name() + ".fish").toString()))
                    .outputToFiles().run();
            assertEquals(0, f.exit(), l.name() + ": " + f.err());
        }
        Proc.Result r = Proc.of(sh).outputToFiles().run();
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void zshCompletesInARealTerminal() throws Exception {
        Require.tool("zsh");
        Require.tool("tmux");
        Path zdir = tmp.resolve("zsh");
        Files.createDirectories(zdir);
        Files.writeString(tmp.resolve("home/.zshrc"), "fpath=(" + Repo.root().resolve("completions/zsh")
                + " $fpath)\nautoload -U compinit\ncompinit -u -d " + zdir.resolve("zcompdump") + "\nPS1='zsh%% '\n");
        Map<String, String> zenv = Map.of("PATH", env.get("PATH"), "HOME", tmp.resolve("home").toString(),
                "ZDOTDIR", tmp.resolve("home").toString(), "TERM", "xterm");
        try (Tmux t = new Tmux(zdir, zenv, "cd " + work + " && exec zsh -i")) {
            t.awaitText("zsh%");
            t.type("pika comp");
            t.keys("Tab");
            t.awaitText("zsh% pika completion"); // the pane is captured without trailing spaces
            t.keys("C-u");
            t.type("pika validate-fix");
            t.keys("Tab");
            t.awaitText("zsh% pika validate-fixture"); // the common prefix; a second TAB lists the choices
            t.keys("Tab");
            t.await("both validate commands listed", p -> p.contains("zsh% pika validate-fixture\n")
                    && p.contains("validate-fixture-stream"));
            t.type(" --role ");
            t.keys("Tab");
            String pane = t.await("both role ids listed", p -> p.contains("managed-openclaw") && p.contains("pikaci-runner"));
            assertTrue(pane.contains("zsh% pika validate-fixture --role"), pane);
            t.type("pik");
            t.keys("Tab");
            t.awaitText("zsh% pika validate-fixture --role pikaci-runner");
            t.type("res");
            t.keys("Tab");
            t.awaitText("--role pikaci-runner result-ok.json");
            t.keys("C-u");
            t.type("pika validate-fixture --kind=im");
            t.keys("Tab");
            t.awaitText("zsh% pika validate-fixture --kind=image-record");
            t.type(" --st");
            t.keys("Tab");
            t.awaitText("zsh% pika validate-fixture --kind=image-record --strict");
            t.keys("C-u");
            t.type("incus-role-image --role managed-openclaw bu");
            t.keys("Tab");
            t.awaitText("zsh% incus-role-image --role managed-openclaw build");
        }
    }
}
