package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference's {@code fail-*} fixture cases, through the real launcher with recording fakes of ssh, scp and
 * nix first on PATH (failure injection only; the real-tool behaviour is {@link ImageRealToolsIT}). Checks the
 * calls up to the failure, exit code 1, the failing tool's stderr shown, and that the remote temp dir is removed
 * after the failure — which the reference skips.
 */
class ImageFailureInjectionIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Records its argv (NUL-separated, one file per call) and behaves like the fixture's fakes. */
    private static final String FAKE = """
            #!/bin/bash
            prog=${0##*/}
            last=${!#}
            n=$(ls "$FAKE_CALLS" | wc -l)
            printf '%s\\0' "$prog" "$@" > "$FAKE_CALLS/$(printf %04d "$n")"
            if [ "$prog" = "${FAKE_FAIL_PROG:-}" ] && [[ "$last" == *"${FAKE_FAIL_MATCH:-}"* ]]; then
              echo "fake $prog: simulated failure" >&2
              exit "$FAKE_FAIL_EXIT"
            fi
            [ "$prog" = ssh ] || exit 0
            # the remote command is one word, `sh -c 'COMMAND'` quoted for any shell: undo that quoting
            if [[ $last == "sh -c '"*"'" ]]; then eval "set -- $last"; last=$3; fi
            case $last in
              "mktemp -d "*) t=${last#mktemp -d }; echo "${t%XXXXXX}ABC123" ;;
              "id -u") echo 0 ;;
              *"query -- '/1.0/images/aliases/"*) echo "Error: Image alias not found" >&2; exit 1 ;;
              *"image import"*) echo "Image imported with fingerprint: $(printf 'ab%.0s' {1..32})" ;;
              *) cat >/dev/null ;;
            esac
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"fail-import-scp", "fail-import-ssh-mktemp", "fail-build-import-remote-nix-build",
        "fail-build-nix"})
    void failuresStopTheRunShowTheToolsErrorAndStillCleanUp(String name) throws IOException {
        JsonNode fx = JSON.readTree(FixtureParityTest.fixtures().resolve(name + ".json").toFile());
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String prog : List.of("ssh", "scp", "nix")) {
            Path p = bin.resolve(prog);
            Files.writeString(p, FAKE);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path calls = Files.createDirectories(tmp.resolve("calls"));
        Path work = Files.createDirectories(tmp.resolve("work"));
        FixtureParityTest.makeScratch(work);
        Launcher.tool("git", "-C", work.toString(), "init", "-q");
        Files.writeString(work.resolve(".gitignore"), "result\n/artifacts/\n*.log\n");
        Launcher.tool("git", "-C", work.toString(), "add", ".gitignore", "README.md", "flake.nix", "scripts");

        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("FAKE_CALLS", calls.toString());
        fx.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        JsonNode sim = fx.path("simulated_failure");
        sim.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        List<String> args = new ArrayList<>();
        fx.path("argv").forEach(a -> args.add(a.asText()));
        args.remove(0);

        Launcher.Run r = Launcher.run("incus-role-image", work, env, args);

        // deliberate difference: exit 1 for every failed tool (the reference passes on ssh's 255)
        assertEquals(1, r.exit(), r.both());
        String fakeErr = fx.path("stderr").asText().strip();
        assertTrue(r.err().contains(fakeErr + "\n"), "the tool's stderr is shown: " + r.err());
        assertTrue(r.err().contains("incus-role-image: "), r.err());
        assertEquals("", r.out());

        List<List<String>> ours = recorded(calls).stream().map(c -> FixtureParityTest.referenceShape(c, work))
                .filter(java.util.Objects::nonNull).toList();
        List<List<String>> ref = new ArrayList<>();
        fx.path("calls").forEach(c -> {
            List<String> argv = new ArrayList<>();
            c.forEach(a -> argv.add(a.asText()));
            ref.add(argv);
        });
        // the reference's calls are all among ours (its big remote script is split into quoted commands: the
        // failing one is checked by its nix build line)
        for (List<String> call : ref) {
            String last = call.get(call.size() - 1);
            if (call.get(0).equals("ssh") && last.contains("nix build")) {
                assertTrue(ours.stream().anyMatch(o -> o.get(o.size() - 1).endsWith(
                        "nix build .#packages.x86_64-linux.pikaci-runner-incus-image --out-link result")), ours.toString());
            } else {
                assertTrue(ours.contains(call), call + " not in " + ours);
            }
        }
        List<String> lastCall = ours.get(ours.size() - 1);
        boolean madeTempDir = ours.stream().anyMatch(o -> o.get(o.size() - 1).startsWith("mktemp -d ")
                && !name.equals("fail-import-ssh-mktemp"));
        if (madeTempDir) {
            String tmpDir = name.contains("build-import") ? "/tmp/pika-incus-src.ABC123" : "/tmp/pika-incus-image.ABC123";
            assertEquals("rm -rf '" + tmpDir + "'", lastCall.get(lastCall.size() - 1),
                    "the remote temp dir is removed after the failure");
        } else {
            assertTrue(ours.stream().noneMatch(o -> o.get(o.size() - 1).startsWith("rm -rf")), ours.toString());
        }
    }

    @Test
    void theLegacyLaunchersAndPikaImageSelectTheRole() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        FixtureParityTest.makeScratch(work);
        Map<String, String> env = Map.of("PATH", "/nonexistent-pika-test-path:/usr/bin:/bin");
        for (String[] c : new String[][] {
            {"incus-dev-image", "managed-openclaw", "pika-agent%2Fdev"},
            {"pikaci-incus-image", "pikaci-runner", "pikaci%2Fdev"},
        }) {
            Launcher.Run r = Launcher.run(c[0], work, env, List.of("import", "--dry-run", "--format", "json"));
            assertEquals(0, r.exit(), r.both());
            JsonNode plan = JSON.readTree(r.out());
            assertEquals(c[1], plan.path("role").asText());
            assertTrue(r.out().contains("/1.0/images/aliases/" + c[2] + "?project=pika-managed-agents"), r.out());
        }
        Launcher.Run pika = Launcher.run("pika", work, env, List.of("image", "build", "--role", "managed-openclaw",
                "--dry-run"));
        assertEquals(0, pika.exit(), pika.both());
        assertTrue(pika.out().contains("\nnix build .#packages.x86_64-linux.managed-openclaw-incus-image\n"), pika.out());
        Launcher.Run bad = Launcher.run("incus-dev-image", work, env, List.of("--role", "nope", "build"));
        assertEquals(2, bad.exit(), bad.both());
        assertTrue(bad.err().startsWith("incus-dev-image: unsupported role: nope\n"), bad.err());
    }

    private static List<List<String>> recorded(Path calls) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(calls)) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                List<String> argv = new ArrayList<>(List.of(text.split("\0", -1)));
                argv.remove(argv.size() - 1);
                out.add(argv);
            }
        }
        return out;
    }
}
