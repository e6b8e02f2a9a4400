package dev.pika.cli.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.testing.Tools;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/install.sh} into a temporary prefix, then the installed program, man pages and completion. */
class InstallIT {
    @TempDir
    Path tmp;

    @Test
    void printsInitLinesThatMakeEachShellFindTheCompletions() throws Exception {
        Require.tool("bash");
        Require.tool("zsh");
        Require.tool("fish");
        Path prefix = tmp.resolve("opt pika");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = Map.of("HOME", home.toString(), "PATH", prefix.resolve("bin") + ":"
                + System.getenv("PATH"));
        Proc.Result install = Proc.of(List.of("bash", Repo.root().resolve("scripts/install.sh").toString(),
                "--prefix", prefix.toString(), "--jar", Repo.jar().toString())).env(env).cwd(tmp).outputToFiles()
                .run();
        assertEquals(0, install.exit(), install.out() + install.err());
        assertTrue(install.out().contains("is not where every shell looks for completions"), install.out());
        Map<String, String> lines = new HashMap<>();
        for (String l : install.out().split("\n")) {
            for (String sh : List.of("bash", "zsh", "fish")) {
                if (l.startsWith("  " + sh + " (")) {
                    lines.put(sh, l.substring(l.indexOf("):  ") + 4));
                }
            }
        }
        assertEquals(3, lines.size(), install.out());
        Proc.Result bash = Proc.of(List.of("bash", "--norc", "--noprofile", "-c", lines.get("bash")
                + "; complete -p pika incus-role-image")).env(env).cwd(tmp).outputToFiles().run();
        assertEquals("complete -F _pika_complete pika\ncomplete -F _incus_role_image_complete incus-role-image\n",
                bash.out(), bash.err());
        Proc.Result zsh = Proc.of(List.of("zsh", "-f", "-c", lines.get("zsh") + "; autoload -Uz compinit; "
                + "compinit -u -d " + tmp.resolve("zcompdump") + "; print -r -- $_comps[pika]")).env(env).cwd(tmp)
                .outputToFiles().run();
        assertEquals("_pika\n", zsh.out(), zsh.err());
        Proc.Result fish = Proc.of(List.of("fish", "-c", lines.get("fish") + "; complete -C 'pika comp'"))
                .env(env).cwd(tmp).outputToFiles().run();
        assertTrue(fish.out().startsWith("completion"), fish.out() + fish.err());
    }

    @Test
    void installsIntoAPrefixAndEverythingWorksFromThere() throws Exception {
        Require.tool("bash");
        Require.tool("man");
        Path prefix = tmp.resolve("prefix with space");
        Proc.Result install = Proc.of(List.of("bash", Repo.root().resolve("scripts/install.sh").toString(),
                "--prefix", prefix.toString(), "--jar", Repo.jar().toString())).cwd(tmp).outputToFiles().run();
        assertEquals(0, install.exit(), install.out() + install.err());
        assertTrue(install.out().contains("installed pika into " + prefix.toRealPath()), install.out());

        assertTrue(Files.isRegularFile(prefix.resolve("lib/pika/pika.jar")));
        for (String file : List.of("share/zsh/site-functions/_pika", "share/fish/vendor_completions.d/pika.fish",
                "share/bash-completion/completions/incus-role-image", "share/man/man1/pika-shell.1")) {
            assertTrue(Files.isRegularFile(prefix.resolve(file)), file);
        }

        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = Map.of("HOME", home.toString(), "PATH", prefix.resolve("bin") + ":"
                + System.getenv("PATH"));
        Proc.Result version = Proc.of(List.of(prefix.resolve("bin/pika").toString(), "--version")).env(env).cwd(tmp)
                .outputToFiles().run();
        assertEquals(0, version.exit(), version.err());
        assertTrue(version.out().startsWith("pika "), version.out());
        assertEquals("", version.err(), "the installed launcher runs the installed jar without building");

        Proc.Result man = Proc.of(List.of("man", "-M", prefix.resolve("share/man").toString(), "pika"))
                .env(Map.of("MANWIDTH", "80", "PAGER", "cat")).cwd(tmp).outputToFiles().run();
        assertEquals(0, man.exit(), man.err());
        assertTrue(man.out().contains("pika - Operator toolkit"), man.out());
        Proc.Result shellPage = Proc.of(List.of("man", "-M", prefix.resolve("share/man").toString(), "pika-shell"))
                .env(Map.of("MANWIDTH", "80", "PAGER", "cat")).cwd(tmp).outputToFiles().run();
        assertTrue(shellPage.out().contains("pika/history"), shellPage.out());

        Path completions = prefix.resolve("share/bash-completion/completions");
        assertEquals(List.of("bash", "zsh", "fish"), Tools.bashComplete(completions.resolve("pika"), "_pika_complete",
                env, tmp, "pika", "completion", ""));

        for (String launcher : List.of("incus-role-image", "incus-dev-image", "pikaci-incus-image")) {
            Path installed = prefix.resolve("bin").resolve(launcher);
            assertTrue(Files.isSymbolicLink(installed), launcher + " stays a link to pika");
            assertEquals(prefix.resolve("bin/pika").toRealPath(), installed.toRealPath());
            assertTrue(Files.isRegularFile(prefix.resolve("share/man/man1/" + launcher + ".1")), launcher);
        }
        Proc.Result help = Proc.of(List.of(prefix.resolve("bin/incus-role-image").toString(), "--help")).env(env)
                .cwd(tmp).outputToFiles().run();
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().contains("incus-role-image --role ROLE build"), help.out());
        assertEquals(List.of("build", "build-import"), Tools.bashComplete(completions.resolve("incus-role-image"),
                "_incus_role_image_complete", env, tmp, "incus-role-image", "--role", "pikaci-runner", "b"));
    }

    @Test
    void rejectsUnknownArguments() {
        Proc.Result r = Proc.of(List.of("bash", Repo.root().resolve("scripts/install.sh").toString(), "--frobnicate"))
                .cwd(tmp).outputToFiles().run();
        assertEquals(2, r.exit());
        assertEquals("install.sh: unknown argument: --frobnicate (see --help)\n", r.err());
    }
}
