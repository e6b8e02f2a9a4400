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

        Path completions = prefix.resolve("share/bash-completion/completions");
        assertEquals(List.of("bash", "zsh", "fish"), Tools.bashComplete(completions.resolve("pika"), "_pika_complete",
                env, tmp, "pika", "completion", ""));

        for (String launcher : List.of("incus-role-image", "incus-dev-image", "pikaci-incus-image")) {
            Path installed = prefix.resolve("bin").resolve(launcher);
            assertTrue(Files.isSymbolicLink(installed), launcher + " stays a link to pika");
            assertEquals(prefix.resolve("bin/pika").toRealPath(), installed.toRealPath());
            assertTrue(Files.isRegularFile(prefix.resolve("share/man/man1/" + launcher + ".1")), launcher);
        }
        Tools.Result help = Tools.run(List.of(prefix.resolve("bin/incus-role-image").toString(), "--help"), env, tmp);
        assertEquals(0, help.code(), help.stderr());
        assertTrue(help.stdout().contains("incus-role-image --role ROLE build"), help.stdout());
        assertEquals(List.of("build", "build-import"), Tools.bashComplete(completions.resolve("incus-role-image"),
                "_incus_role_image_complete", env, tmp, "incus-role-image", "--role", "pikaci-runner", "b"));
    }

    @Test
    void rejectsUnknownArguments() {
        Tools.Result r = Tools.run(List.of("bash", Tools.repo().resolve("scripts/install.sh").toString(), "--frobnicate"),
                Map.of(), tmp);
        assertEquals(2, r.code());
        assertEquals("install.sh: unknown argument: --frobnicate (see --help)\n", r.stderr());
    }
}
