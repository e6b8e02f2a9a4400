package dev.pika.cli.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.testing.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scripts/install.sh} into a temporary prefix, then the installed program, man pages and completion. */
class InstallIT {
    @TempDir
    Path tmp;

    @Test
    void installsIntoAPrefixAndEverythingWorksFromThere() throws Exception {
        Tools.require("bash");
        Tools.require("man");
        Path prefix = tmp.resolve("prefix with space");
        Tools.Result install = Tools.run(List.of("bash", Tools.repo().resolve("scripts/install.sh").toString(),
                "--prefix", prefix.toString(), "--jar", Tools.jar().toString()), Map.of(), tmp);
        assertEquals(0, install.code(), install.stdout() + install.stderr());
        assertTrue(install.stdout().contains("installed pika into " + prefix.toRealPath()), install.stdout());

        assertTrue(Files.isRegularFile(prefix.resolve("lib/pika/pika.jar")));
        for (String file : List.of("share/zsh/site-functions/_pika", "share/fish/vendor_completions.d/pika.fish",
                "share/bash-completion/completions/incus-role-image", "share/man/man1/pika-shell.1")) {
            assertTrue(Files.isRegularFile(prefix.resolve(file)), file);
        }

        Path home = Files.createDirectories(tmp.resolve("home"));
        Map<String, String> env = Map.of("HOME", home.toString(), "PATH", prefix.resolve("bin") + ":"
                + System.getenv("PATH"));
        Tools.Result version = Tools.run(List.of(prefix.resolve("bin/pika").toString(), "--version"), env, tmp);
        assertEquals(0, version.code(), version.stderr());
        assertTrue(version.stdout().startsWith("pika "), version.stdout());
        assertEquals("", version.stderr(), "the installed launcher runs the installed jar without building");

        Tools.Result man = Tools.run(List.of("man", "-M", prefix.resolve("share/man").toString(), "pika"),
                Map.of("MANWIDTH", "80", "PAGER", "cat"), tmp);
        assertEquals(0, man.code(), man.stderr());
        assertTrue(man.stdout().contains("pika - Operator toolkit"), man.stdout());
        Tools.Result shellPage = Tools.run(List.of("man", "-M", prefix.resolve("share/man").toString(), "pika-shell"),
                Map.of("MANWIDTH", "80", "PAGER", "cat"), tmp);
        assertTrue(shellPage.stdout().contains("pika/history"), shellPage.stdout());

        Tools.Result completion = Tools.run(List.of("bash", "--norc", "--noprofile", "-c",
                "source \"$1\"; COMP_WORDS=(pika completion ''); COMP_CWORD=2; _pika_complete; "
                        + "printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash", prefix.resolve("share/bash-completion/completions/pika").toString()), env, tmp);
        assertEquals("bash\nzsh\nfish\n", completion.stdout(), completion.stderr());

        for (String launcher : List.of("incus-role-image", "incus-dev-image", "pikaci-incus-image")) {
            Path installed = prefix.resolve("bin").resolve(launcher);
            assertTrue(Files.isSymbolicLink(installed), launcher + " stays a link to pika");
            assertEquals(prefix.resolve("bin/pika").toRealPath(), installed.toRealPath());
            assertTrue(Files.isRegularFile(prefix.resolve("share/man/man1/" + launcher + ".1")), launcher);
        }
        Tools.Result help = Tools.run(List.of(prefix.resolve("bin/incus-role-image").toString(), "--help"), env, tmp);
        assertEquals(0, help.code(), help.stderr());
        assertTrue(help.stdout().contains("incus-role-image --role ROLE build"), help.stdout());
        Tools.Result launcherCompletion = Tools.run(List.of("bash", "--norc", "--noprofile", "-c",
                "source \"$1\"; COMP_WORDS=(incus-role-image --role pikaci-runner b); COMP_CWORD=3; "
                        + "_incus_role_image_complete; printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash", prefix.resolve("share/bash-completion/completions/incus-role-image").toString()), env, tmp);
        assertEquals("build\nbuild-import\n", launcherCompletion.stdout(), launcherCompletion.stderr());
    }

    @Test
    void rejectsUnknownArguments() {
        Tools.Result r = Tools.run(List.of("bash", Tools.repo().resolve("scripts/install.sh").toString(), "--frobnicate"),
                Map.of(), tmp);
        assertEquals(2, r.code());
        assertEquals("install.sh: unknown argument: --frobnicate (see --help)\n", r.stderr());
    }
}
