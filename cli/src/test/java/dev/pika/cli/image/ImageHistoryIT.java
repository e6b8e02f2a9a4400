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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * History, rollback and prune on real Incus 6.0 (issue 12, "Done when"): three real images built by Nix from
 * examples/image-flake are imported under one alias, then {@code list}, {@code rollback} and {@code prune} run
 * against the server, on this machine's default server and through the Incus remote {@code pika-loopback} (the
 * same incusd over its HTTPS API, added with a trust token by .ci/setup-incus.sh). Each test has its own random
 * project, removed afterwards. About 40 s: every step is a real incus call (each import about 1 s).
 */
class ImageHistoryIT {
    private static final List<RoleImages.Built> BUILT = new ArrayList<>();
    private static Path flake;

    @TempDir
    static Path tmp;

    /** Each test's own project (the same image can be in one project only once). */
    @RegisterExtension
    final RoleImages.Project projects = new RoleImages.Project();
    private String project;

    @BeforeEach
    void ownProject() {
        project = projects.create("pika-hist-");
    }

    /** Builds four images (seeds a to d) once, in a committed flake checkout. */
    private static synchronized List<RoleImages.Built> built() {
        if (BUILT.isEmpty()) {
            String run = Long.toHexString(System.nanoTime());
            flake = RoleImages.flake(tmp.resolve("flake"), "history-" + run);
            for (String seed : List.of("a", "b", "c", "d")) {
                try {
                    Files.writeString(flake.resolve("seed.txt"), "history-" + run + "-" + seed + "\n");
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                BUILT.add(RoleImages.build(flake, "result-" + seed));
            }
            RoleImages.git(flake, "checkout", "-q", "--", "seed.txt"); // a clean tree again: not dirty
        }
        return BUILT;
    }

    private List<String> where(String where, String alias, String... more) {
        List<String> a = new ArrayList<>(List.of("--role", "pikaci-runner", "--project", project, "--alias", alias));
        a.addAll(where.equals("remote") ? List.of("--remote", "pika-loopback") : List.of("--local"));
        a.addAll(List.of(more));
        return a;
    }

    private static Proc.Result image(String sub, List<String> args) {
        List<String> all = new ArrayList<>(List.of(sub));
        all.addAll(args);
        return RoleImages.run(flake, Map.of(), all);
    }

    private JsonNode importImage(String where, String alias, RoleImages.Built b, String keep) {
        return RoleImages.json(image("import", where(where, alias, "--artifact", b.outLink().toString(),
                "--keep", keep, "--format", "json", "-q")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "remote"})
    void listRollbackAndPruneRecoverAnAliasWithoutLosingImages(String where) {
        if (where.equals("remote")) {
            Require.tool("incus-remote");
        }
        String alias = "hist-" + where + "/dev";
        String a = built().get(0).fingerprint();
        String b = built().get(1).fingerprint();
        String c = built().get(2).fingerprint();
        String d = built().get(3).fingerprint();
        String head = RoleImages.git(flake, "rev-parse", "HEAD").strip();

        // three imports: the alias moves each time, --keep 5 keeps the older ones; each carries its provenance
        JsonNode first = importImage(where, alias, built().get(0), "5");
        assertEquals(a, first.path("fingerprint").asText());
        JsonNode p = first.path("provenance");
        assertEquals("pikaci-runner", p.path("pika.role").asText());
        assertEquals(alias, p.path("pika.alias").asText());
        assertEquals(head, p.path("pika.source_revision").asText(), first.toString());
        assertEquals("false", p.path("pika.source_dirty").asText());
        assertEquals(built().get(0).storePath(), p.path("pika.out_path").asText());
        assertTrue(p.path("pika.imported_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), p.toString());
        assertFalse(p.path("pika.tool_version").asText().isEmpty());
        assertEquals(where.equals("remote") ? "pika-loopback" : null, first.path("remote").textValue());
        importImage(where, alias, built().get(1), "5");
        JsonNode third = importImage(where, alias, built().get(2), "5");
        assertEquals(b, third.path("previous_fingerprint").asText());
        assertEquals(List.of(), strings(third.path("pruned")));
        assertEquals(c, RoleImages.aliasTarget(project, alias));
        assertTrue(RoleImages.images(project).keySet().containsAll(Set.of(a, b, c)));
        // the properties are on the image in Incus itself, not only in pika's summary
        String shown = RoleImages.incus("image", "get-property", "--project", project, a, "pika.source_revision");
        assertEquals(head, shown.strip());

        // list: newest first, the alias's image marked, provenance shown
        JsonNode list = RoleImages.json(image("list", where(where, alias, "--format", "json")));
        assertEquals(c, list.path("target").asText());
        assertEquals(List.of(c, b, a), fingerprints(list.path("images")));
        assertTrue(list.path("images").get(0).path("current").asBoolean());
        assertFalse(list.path("images").get(1).path("current").asBoolean());
        assertEquals(built().get(1).storePath(), list.path("images").get(1).path("provenance").path("pika.out_path").asText());
        Proc.Result text = image("list", where(where, alias));
        assertEquals(0, text.exit(), text.both());
        List<String> rows = text.lines();
        assertTrue(rows.get(0).contains("FINGERPRINT") && rows.get(0).contains("REVISION"), text.out());
        assertEquals(4, rows.size(), text.out());
        assertTrue(rows.get(1).startsWith("* " + c.substring(0, 12)), text.out());
        assertTrue(rows.get(1).contains(head.substring(0, 12)) && rows.get(1).endsWith("alias " + alias), text.out());
        assertTrue(rows.get(2).startsWith("  " + b.substring(0, 12)), text.out());

        // rollback --dry-run says what it would do and changes nothing
        Proc.Result dry = image("rollback", where(where, alias, "--dry-run"));
        assertEquals(0, dry.exit(), dry.both());
        assertEquals("would move alias " + alias + " (project " + project + ") from " + c + " to " + b
                + "; nothing deleted\n", dry.out());
        assertEquals(c, RoleImages.aliasTarget(project, alias));

        // rollback: to the previous image, in one call, deleting nothing
        JsonNode back = RoleImages.json(image("rollback", where(where, alias, "--format", "json")));
        assertEquals(c, back.path("from").asText());
        assertEquals(b, back.path("to").asText());
        assertTrue(back.path("moved").asBoolean());
        assertEquals(b, RoleImages.aliasTarget(project, alias));
        assertTrue(RoleImages.images(project).keySet().containsAll(Set.of(a, b, c)), "rollback deletes nothing");

        // rollback --to FINGERPRINT
        Proc.Result to = image("rollback", where(where, alias, "--to", a));
        assertEquals(0, to.exit(), to.both());
        assertEquals("moved alias " + alias + " (project " + project + ") from " + b + " to " + a
                + "; nothing deleted\n", to.out());
        assertEquals(a, RoleImages.aliasTarget(project, alias));
        assertEquals(a, RoleImages.json(image("list", where(where, alias, "--format", "json"))).path("target").asText());

        // prune --keep 1 --dry-run: the older images beyond the newest one (c kept), nothing deleted
        JsonNode wouldPrune = RoleImages.json(image("prune", where(where, alias, "--keep", "1", "--dry-run",
                "--format", "json")));
        assertEquals(List.of(b), strings(wouldPrune.path("deleted")));
        assertTrue(wouldPrune.path("dry_run").asBoolean());
        assertTrue(RoleImages.images(project).keySet().containsAll(Set.of(a, b, c)), "--dry-run deletes nothing");

        // an image another alias names is never deleted
        RoleImages.incus("image", "alias", "create", "--project", project, alias + "-pinned", b);
        JsonNode pruned = RoleImages.json(image("prune", where(where, alias, "--keep", "0", "--format", "json")));
        assertEquals(List.of(c), strings(pruned.path("deleted")));
        assertTrue(strings(pruned.path("kept")).contains(b + " (still has aliases [" + alias + "-pinned])"),
                pruned.toString());
        Map<String, List<String>> left = RoleImages.images(project);
        assertTrue(left.keySet().containsAll(Set.of(a, b)) && !left.containsKey(c), left.toString());

        // import --keep 0: the reference's behaviour, the previous image goes once the alias moved to the new one
        JsonNode old = importImage(where, alias, built().get(3), "0");
        assertEquals(d, old.path("fingerprint").asText());
        assertEquals(a, old.path("previous_fingerprint").asText());
        assertTrue(old.path("previous_deleted").asBoolean(), old.toString());
        left = RoleImages.images(project);
        assertEquals(d, RoleImages.aliasTarget(project, alias));
        assertFalse(left.containsKey(a), left.toString());
        assertTrue(left.containsKey(b), "still pinned by another alias: " + left);
        RoleImages.incus("image", "alias", "delete", "--project", project, alias + "-pinned");
        RoleImages.incus("image", "delete", "--project", project, b);
        RoleImages.incus("image", "delete", "--project", project, d);
    }

    @Test
    void pruneNeverDeletesAnImageAnInstanceUses(@TempDir Path dir) throws IOException {
        Require.tool("busybox");
        String alias = "hist-used/dev";
        // a system container image stamped as the alias's (as an earlier import would have), and an instance of it
        Path root = Files.createDirectories(dir.resolve("ct/rootfs/bin"));
        Files.copy(Path.of(Require.onPath("busybox").orElseThrow().toString()), root.resolve("busybox"));
        Files.writeString(dir.resolve("ct/metadata.yaml"), "architecture: x86_64\ncreation_date: 1700000000\n"
                + "properties:\n  os: busybox\n");
        Path tarball = dir.resolve("ct.tar.gz");
        Proc.of("tar", "-C", dir.resolve("ct").toString(), "-czf", tarball.toString(), "metadata.yaml", "rootfs")
                .run().ok();
        String out = RoleImages.incus("image", "import", "--project", project, tarball.toString(),
                "pika.alias=" + alias, "pika.role=pikaci-runner");
        String used = out.replaceAll("(?s).*fingerprint: ([0-9a-f]{64}).*", "$1");
        assertTrue(Names.isFingerprint(used), out);
        RoleImages.incus("init", "--project", project, used, "hist-ct");

        importImage("local", alias, built().get(0), "5");
        JsonNode list = RoleImages.json(image("list", where("local", alias, "--format", "json")));
        JsonNode usedEntry = list.path("images").get(1);
        assertEquals(used, usedEntry.path("fingerprint").asText());
        assertTrue(usedEntry.path("used_by_instance").asBoolean(), list.toString());

        JsonNode pruned = RoleImages.json(image("prune", where("local", alias, "--keep", "0", "--format", "json")));
        assertEquals(List.of(), strings(pruned.path("deleted")));
        assertEquals(List.of(used + " (an instance uses it)"), strings(pruned.path("kept")));
        assertTrue(RoleImages.images(project).containsKey(used));
        RoleImages.incus("delete", "--force", "--project", project, "hist-ct");
        RoleImages.incus("image", "delete", "--project", project, used);
    }

    @Test
    void rollbackWithNothingOlderFailsAndSaysHowToPick() {
        String alias = "hist-single/dev";
        importImage("local", alias, built().get(0), "5");
        Proc.Result r = image("rollback", where("local", alias, "--format", "json"));
        assertEquals(1, r.exit(), r.both());
        assertTrue(r.err().contains("no older image of " + alias + " to roll back to"), r.err());
        JsonNode err = RoleImages.json(new Proc.Result(0, r.out(), ""));
        assertEquals(1, err.path("error").path("exit_code").asInt());
        Proc.Result unknown = image("rollback", where("local", alias, "--to", "f".repeat(64)));
        assertEquals(1, unknown.exit(), unknown.both());
        assertTrue(unknown.err().contains("--to " + "f".repeat(64) + ": no such image in project " + project),
                unknown.err());
        Proc.Result bad = image("rollback", where("local", alias, "--to", "-f"));
        assertEquals(2, bad.exit(), bad.both());
        assertEquals(built().get(0).fingerprint(), RoleImages.aliasTarget(project, alias));
    }

    private static List<String> fingerprints(JsonNode images) {
        List<String> out = new ArrayList<>();
        images.forEach(i -> out.add(i.path("fingerprint").asText()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(i -> out.add(i.asText()));
        return out;
    }
}
