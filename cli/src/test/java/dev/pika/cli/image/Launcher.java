package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Test support: runs the real launchers (bin/incus-role-image → bin/pika → cli/target/pika.jar) and real tools. */
final class Launcher {
    private Launcher() {
    }

    static Path repo() {
        return Path.of(System.getProperty("pika.repo.dir", "..")).toAbsolutePath().normalize();
    }

    static Path jar() {
        return Path.of(System.getProperty("pika.jar", repo().resolve("cli/target/pika.jar").toString()));
    }

    /** The outcome of a process. */
    record Run(int exit, String out, String err) {
        String both() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /** Starts {@code bin/PROGRAM ARGS} in {@code cwd} with the extra environment; the jar is the built one. */
    static Process start(String program, Path cwd, Map<String, String> env, List<String> args) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(repo().resolve("bin").resolve(program).toString());
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
        pb.environment().put("PIKA_JAR", jar().toString());
        // the host's own settings never leak into a test: a CI machine exports PIKA_BUILD_SSH_KEY for the image
        // ITs, which would add `-i KEY` to every recorded ssh argv; a test that wants them passes them in env
        for (String hostSetting : List.of("PIKA_INCUS_BIN", "PIKA_BUILD_SSH_KEY", "PIKA_DEBUG", "NO_COLOR")) {
            pb.environment().remove(hostSetting);
        }
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb.start();
    }

    static Run run(String program, Path cwd, Map<String, String> env, List<String> args) {
        try {
            Process p = start(program, cwd, env, args);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> copy(p.getErrorStream(), err));
            t.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail(program + " " + args + " did not finish in 180 s");
            }
            t.join();
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // process went away
        }
    }

    /** Runs a tool directly; fails the test when it exits non-zero. */
    static String tool(String... argv) {
        Run r = toolRun(argv);
        assertTrue(r.exit() == 0, String.join(" ", argv) + ": " + r.both());
        return r.out();
    }

    static Run toolRun(String... argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t = new Thread(() -> copy(p.getErrorStream(), err));
            t.start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(120, TimeUnit.SECONDS);
            t.join();
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Run(127, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Skips (or, with {@code CI=true}, fails) when a real tool this test needs is missing.
     *
     * @param what   what is missing, for the message
     * @param usable whether it is there
     */
    static void require(String what, boolean usable) {
        if (usable) {
            return;
        }
        String msg = what + " is not available: run .ci/setup-image.sh and .ci/setup-incus.sh (install and start nix,"
                + " lxd, incus, sshd)";
        if ("true".equals(System.getenv("CI"))) {
            fail(msg);
        }
        Assumptions.abort(msg);
    }

    /** @return the remote temp dirs incus-role-image leaves when it does not clean up (the remote is this machine) */
    static List<String> remoteTempDirs() {
        try (Stream<Path> s = Files.list(Path.of("/tmp"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("pika-incus-image.") || n.startsWith("pika-incus-src."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image server every image IT runs against: real Incus ({@code incus}); LXD has one smoke test. */
    static final String INCUS = "incus";

    /** @return fingerprint → alias names of the images in {@code project}, from {@code incus image list --format json} */
    static Map<String, List<String>> images(String project) {
        return images(INCUS, project);
    }

    /** @return fingerprint → alias names, asking {@code bin} ({@code incus}, or LXD's {@code lxc}) */
    static Map<String, List<String>> images(String bin, String project) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        try {
            for (com.fasterxml.jackson.databind.JsonNode img : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(tool(bin, "image", "list", "--project", project, "--format", "json"))) {
                List<String> aliases = new ArrayList<>();
                img.path("aliases").forEach(a -> aliases.add(a.path("name").asText()));
                out.put(img.path("fingerprint").asText(), aliases);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** @return the fingerprint {@code alias} points at in {@code project}, or null */
    static String aliasTarget(String project, String alias) {
        return images(project).entrySet().stream().filter(e -> e.getValue().contains(alias))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /**
     * Creates a throw-away Incus project for one test class (images and profiles of its own), after checking that
     * incusd answers. Other helpers' tests use the same incusd at the same time: the name must be unique.
     */
    static void createProject(String project) {
        require("incus (incus info; .ci/setup-incus.sh starts incusd)", toolRun(INCUS, "info").exit() == 0);
        tool(INCUS, "project", "create", project, "-c", "features.images=true", "-c", "features.profiles=true");
    }

    /** Deletes every image of {@code project} and then the project; nothing when it does not exist. */
    static void dropProject(String bin, String project) {
        if (toolRun(bin, "project", "show", project).exit() != 0) {
            return;
        }
        for (String fp : images(bin, project).keySet()) {
            toolRun(bin, "image", "delete", "--project", project, fp);
        }
        tool(bin, "project", "delete", project);
    }

    /** @return a name no other run on this machine uses: {@code prefix} and random hex digits */
    static String unique(String prefix) {
        return prefix + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    }

    /** Copies the test flake into {@code dir} as a git work tree (Nix flakes see only git-tracked files). */
    static Path testFlake(Path dir, String seed) throws IOException {
        Path src = repo().resolve("examples/image-flake");
        Files.createDirectories(dir);
        for (String f : List.of("flake.nix")) {
            Files.copy(src.resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("seed.txt"), seed + "\n");
        Files.writeString(dir.resolve(".gitignore"), "result\n");
        tool("git", "-C", dir.toString(), "init", "-q");
        tool("git", "-C", dir.toString(), "add", "-A");
        return dir;
    }
}
