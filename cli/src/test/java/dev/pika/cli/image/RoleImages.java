package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test support for the image history ITs: a throw-away Incus project, real images built by Nix from
 * {@code examples/image-flake} (one per seed, kept as out-links), and {@code bin/incus-role-image} runs with an
 * environment that does not depend on the host's ({@code PIKA_BUILD_SSH_KEY} only when asked for).
 */
final class RoleImages {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String INCUS = "incus";

    private RoleImages() {
    }

    /** One built image: its out-link and its Incus fingerprint (SHA-256 of metadata.tar.xz + disk.qcow2). */
    record Built(Path outLink, String fingerprint, String storePath) {
    }

    /**
     * A test's own Incus project ({@code @RegisterExtension}): {@link #create} makes one with a random name, and it
     * is dropped after the test with its instances and images.
     */
    static final class Project implements AfterEachCallback {
        private String name;

        /** @return the new project's name, {@code prefix} plus random hex digits */
        String create(String prefix) {
            name = prefix + Long.toHexString(System.nanoTime() & 0xffffffL);
            createProject(name);
            return name;
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (name != null) {
                dropProject(name);
                name = null;
            }
        }
    }

    /** Requires Incus and Nix (skips, or fails under CI=true), then creates {@code project} with a root disk. */
    static void createProject(String project) {
        Require.tool("incus");
        Require.tool("nix");
        Require.tool("qemu-img");
        incus("project", "create", project, "-c", "features.images=true", "-c", "features.profiles=true");
        incus("profile", "device", "add", "default", "root", "disk", "path=/", "pool=default", "--project", project);
    }

    /** Deletes the project's instances and images, then the project (nothing when it does not exist). */
    static void dropProject(String project) {
        if (Proc.of(INCUS, "project", "show", project).run().exit() != 0) {
            return;
        }
        try {
            for (JsonNode i : JSON.readTree(incus("list", "--project", project, "--format", "json"))) {
                Proc.of(INCUS, "delete", "--force", "--project", project, i.path("name").asText()).run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String fp : images(project).keySet()) {
            Proc.of(INCUS, "image", "delete", "--project", project, fp).run();
        }
        Proc.of(INCUS, "profile", "device", "remove", "default", "root", "--project", project).run();
        incus("project", "delete", project);
    }

    /** @return incus's stdout; fails the test when it fails */
    static String incus(String... args) {
        List<String> argv = new ArrayList<>(List.of(INCUS));
        argv.addAll(List.of(args));
        return Proc.of(argv).timeout(Duration.ofSeconds(120)).run().ok();
    }

    /** @return fingerprint → alias names of the project's images */
    static Map<String, List<String>> images(String project) {
        return Launcher.images(INCUS, project);
    }

    /** @return the fingerprint {@code alias} points at, or null */
    static String aliasTarget(String project, String alias) {
        return Launcher.aliasTarget(project, alias);
    }

    /**
     * Copies examples/image-flake into {@code dir} as a git checkout with one commit (so the provenance has a real
     * revision), with {@code seed} making its image's bits.
     */
    static Path flake(Path dir, String seed) {
        try {
            Path src = Repo.path("examples/image-flake");
            Files.createDirectories(dir);
            Files.copy(src.resolve("flake.nix"), dir.resolve("flake.nix"));
            Files.writeString(dir.resolve("seed.txt"), seed + "\n");
            Files.writeString(dir.resolve(".gitignore"), "result*\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(dir, "init", "-q");
        git(dir, "add", "-A");
        git(dir, "-c", "user.name=pika-test", "-c", "user.email=pika-test@localhost", "commit", "-q", "-m", "seed");
        return dir;
    }

    static String git(Path dir, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(args));
        return Proc.of(argv).run().ok();
    }

    /** Builds the flake's pikaci-runner image with nix into the out-link {@code name}. */
    static Built build(Path flake, String name) {
        Path link = flake.resolve(name);
        Proc.of("nix", "build", "--out-link", link.toString(), ".#packages.x86_64-linux.pikaci-runner-incus-image")
                .cwd(flake).timeout(Duration.ofSeconds(300)).run().ok();
        try {
            return new Built(link, Hashes.sha256(link.resolve("metadata.tar.xz"), link.resolve("disk.qcow2")),
                    link.toRealPath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code bin/incus-role-image ARGS} in {@code cwd}, with none of the host's image settings */
    static Proc.Result run(Path cwd, Map<String, String> env, List<String> args) {
        Map<String, String> e = new HashMap<>();
        for (String hostSetting : List.of("PIKA_INCUS_BIN", "PIKA_BUILD_SSH_KEY", "PIKA_DEBUG", "NO_COLOR")) {
            e.put(hostSetting, null);
        }
        e.putAll(env);
        return Proc.launcher("incus-role-image", args.toArray(String[]::new)).cwd(cwd).env(e)
                .timeout(Duration.ofSeconds(300)).run();
    }

    /** @return the JSON on stdout of a run that must exit 0 */
    static JsonNode json(Proc.Result r) {
        assertEquals(0, r.exit(), r.both());
        try {
            return JSON.readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.both(), e);
        }
    }
}
