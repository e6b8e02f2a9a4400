package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LXD stays supported ({@code --incus-bin lxc}): one smoke test imports the test flake's image into a throw-away
 * LXD project, re-imports a second image (the alias moves) and checks the alias. Everything else runs on Incus
 * ({@link ImageRealToolsIT}, {@link ImageFaultIT}).
 */
class ImageLxdSmokeIT {
    private static final String PROJECT = Launcher.unique("pika-lxd-");

    @TempDir
    Path tmp;

    @BeforeAll
    static void lxd() {
        Launcher.require("nix", Launcher.toolRun("nix", "--version").exit() == 0);
        Launcher.require("lxd (lxc info; .ci/setup-image.sh starts it)", Launcher.toolRun("lxc", "info").exit() == 0);
        Launcher.tool("lxc", "project", "create", PROJECT, "-c", "features.images=true", "-c",
                "features.profiles=true");
    }

    @AfterAll
    static void drop() {
        Launcher.dropProject("lxc", PROJECT);
    }

    @Test
    void importAndReimportIntoLxd() throws Exception {
        Path flake = Launcher.testFlake(tmp.resolve("flake"), "lxd-" + PROJECT);
        List<String> args = List.of("--role", "pikaci-runner", "build-import", "--local", "--incus-bin", "lxc",
                "--project", PROJECT, "--alias", "smoke/lxd", "--keep", "0");
        Launcher.Run first = Launcher.run("incus-role-image", flake, Map.of(), args);
        assertEquals(0, first.exit(), first.both());
        String fp1 = first.out().strip();
        assertEquals(Map.of(fp1, List.of("smoke/lxd")), Launcher.images("lxc", PROJECT));
        assertTrue(first.err().contains("import image (lxc, local)"), first.err());

        Files.writeString(flake.resolve("seed.txt"), "lxd-two-" + PROJECT + "\n");
        Launcher.tool("git", "-C", flake.toString(), "add", "-A");
        Launcher.Run second = Launcher.run("incus-role-image", flake, Map.of(), args);
        assertEquals(0, second.exit(), second.both());
        String fp2 = second.out().strip();
        assertEquals(Map.of(fp2, List.of("smoke/lxd")), Launcher.images("lxc", PROJECT),
                "the alias moved and --keep 0 deleted the previous image");
    }
}
