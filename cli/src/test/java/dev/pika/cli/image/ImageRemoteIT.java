package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --remote NAME}: an Incus remote reached over the Incus API, never ssh (issue 12, "Incus remotes"). The
 * remote is {@code pika-loopback}, this machine's incusd on 127.0.0.1:8443 added with a trust token by
 * .ci/setup-incus.sh, so what the remote holds can be checked with the local client too. {@code ssh} and
 * {@code scp} on PATH are shims that record any call and fail: none may happen. About 15 s.
 */
class ImageRemoteIT {
    private static final String REMOTE = "pika-loopback";

    @TempDir
    Path tmp;

    @RegisterExtension
    final RoleImages.Project projects = new RoleImages.Project();
    private String project;

    @BeforeEach
    void ownProject() {
        Require.tool("incus-remote");
        project = projects.create("pika-remote-");
    }

    /** @return a bin dir whose ssh and scp write {@code calls/PROGRAM} and exit 99 */
    private Path noSsh(Path calls) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createDirectories(calls);
        for (String prog : List.of("ssh", "scp")) {
            Path p = bin.resolve(prog);
            Files.writeString(p, "#!/bin/sh\necho \"$0 $*\" >> '" + calls + "/" + prog + "'\nexit 99\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    @Test
    void buildHereImportThereThenListRollbackAndPruneThroughTheRemote() throws IOException {
        Path calls = tmp.resolve("calls");
        Map<String, String> env = Map.of("PATH", noSsh(calls) + ":" + System.getenv("PATH"),
                // set on purpose: with --remote, no ssh option or key is used
                "PIKA_BUILD_SSH_KEY", "/nonexistent/key");
        Path flake = RoleImages.flake(tmp.resolve("flake"), "remote-" + project + "-1");
        String alias = "remote/dev";
        List<String> where = List.of("--role", "pikaci-runner", "--project", project, "--alias", alias,
                "--remote", REMOTE);

        // build-import: nix builds here, incus imports there
        JsonNode first = RoleImages.json(RoleImages.run(flake, env, args("build-import", where, "--format", "json")));
        String fp1 = first.path("fingerprint").asText();
        assertEquals(REMOTE, first.path("remote").asText());
        assertTrue(first.path("remote_host").isNull(), first.toString());
        assertTrue(first.path("provenance").path("pika.out_path").asText().startsWith("/nix/store/"), first.toString());
        assertEquals(List.of("nix build (local)", "import image (incus, remote " + REMOTE + ")",
                "move alias " + alias + " (project " + project + ")"), phaseNames(first));
        for (JsonNode ph : first.path("phases")) {
            double total = ph.path("seconds").asDouble();
            assertTrue(ph.path("tool_seconds").asDouble() <= total + 0.001, ph.toString());
            assertEquals(total - ph.path("tool_seconds").asDouble(), ph.path("overhead_seconds").asDouble(), 0.002);
        }
        // the remote has it (asked through the remote's API), under the alias
        String onRemote = RoleImages.incus("image", "list", REMOTE + ":", "--project", project, "--format", "csv",
                "-c", "lF");
        assertTrue(onRemote.contains(alias + "," + fp1), onRemote);

        // a second build of a changed source, then list, rollback and prune through the remote
        Files.writeString(flake.resolve("seed.txt"), "remote-" + project + "-2\n");
        RoleImages.git(flake, "-c", "user.name=pika-test", "-c", "user.email=pika-test@localhost", "commit", "-q",
                "-a", "-m", "2");
        Proc.Result second = RoleImages.run(flake, env, args("build-import", where, "-q"));
        assertEquals(0, second.exit(), second.both());
        String fp2 = second.out().strip();
        assertTrue(Names.isFingerprint(fp2) && !fp2.equals(fp1), second.both());

        JsonNode list = RoleImages.json(RoleImages.run(flake, env, args("list", where, "--format", "json")));
        assertEquals(REMOTE, list.path("remote").asText());
        assertEquals(fp2, list.path("target").asText());
        assertEquals(List.of(fp2, fp1), List.of(list.path("images").get(0).path("fingerprint").asText(),
                list.path("images").get(1).path("fingerprint").asText()));

        Proc.Result back = RoleImages.run(flake, env, args("rollback", where));
        assertEquals(0, back.exit(), back.both());
        assertEquals("moved alias " + alias + " (project " + project + ") from " + fp2 + " to " + fp1
                + "; nothing deleted\n", back.out());
        assertEquals(fp1, RoleImages.aliasTarget(project, alias));

        JsonNode pruned = RoleImages.json(RoleImages.run(flake, env, args("prune", where, "--keep", "0",
                "--format", "json")));
        assertEquals(List.of(fp2), texts(pruned.path("deleted")));
        assertEquals(List.of(fp1), new ArrayList<>(RoleImages.images(project).keySet()));

        assertFalse(Files.exists(calls.resolve("ssh")), "no ssh with --remote");
        assertFalse(Files.exists(calls.resolve("scp")), "no scp with --remote");
    }

    @Test
    void anUnknownRemoteFailsBeforeAnythingIsBuilt() throws IOException {
        Path flake = RoleImages.flake(tmp.resolve("flake"), "remote-unknown");
        Proc.Result r = RoleImages.run(flake, Map.of(), List.of("list", "--role", "pikaci-runner", "--project",
                project, "--remote", "pika-no-such-remote"));
        assertEquals(1, r.exit(), r.both());
        assertTrue(r.err().contains("pika-no-such-remote"), r.err());
        Proc.Result both = RoleImages.run(flake, Map.of(), List.of("list", "--role", "pikaci-runner", "--remote",
                REMOTE, "--remote-host", "somewhere"));
        assertEquals(2, both.exit(), both.both());
        assertTrue(both.err().startsWith("incus-role-image: --remote and --remote-host exclude each other"), both.err());
    }

    private static List<String> args(String sub, List<String> where, String... more) {
        List<String> a = new ArrayList<>(List.of(sub));
        a.addAll(where);
        a.addAll(List.of(more));
        return a;
    }

    private static List<String> phaseNames(JsonNode summary) {
        List<String> out = new ArrayList<>();
        summary.path("phases").forEach(p -> out.add(p.path("phase").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }
}
