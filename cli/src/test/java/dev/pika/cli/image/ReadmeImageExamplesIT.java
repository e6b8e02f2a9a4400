package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's image examples ("Role images: build, import, list, roll back") run as written, as one bash script
 * from the checkout's root, against examples/image-flake, real Nix, real Incus (local, over ssh to the loopback
 * sshd, and through the remote {@code pika-loopback}). The one change: every {@code $bin/…} line but
 * {@code build} gets a {@code --project} of this test's own, so the shared default project is never touched. About 30 s.
 */
class ReadmeImageExamplesIT {
    private static final Pattern COMMENT = Pattern.compile("^(.*?\\S)(\\s+#\\s.*)?$");

    @TempDir
    Path tmp;

    @RegisterExtension
    final RoleImages.Project projects = new RoleImages.Project();

    /** @return the indented code lines of the README section whose heading starts with {@code heading}, all blocks */
    static List<String> examples(String heading) throws IOException {
        List<String> lines = Files.readAllLines(Repo.path("README.md"));
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            if (l.startsWith("## ")) {
                in = l.startsWith(heading);
            } else if (in && l.startsWith("    ")) {
                out.add(l.substring(4));
            }
        }
        return out;
    }

    @Test
    void theReadmesImageExamplesRunAsWritten() throws IOException {
        Require.tool("sshd");
        Require.tool("incus-remote");
        String project = projects.create("pika-readme-");
        List<String> script = new ArrayList<>();
        for (String line : examples("## Role images")) {
            Matcher m = COMMENT.matcher(line);
            assertTrue(m.matches(), line);
            String command = m.group(1);
            if (command.startsWith("$bin/")) {
                if (!command.endsWith(" build")) { // build talks to no Incus
                    line = command + " --project " + project;
                }
            } else if (command.contains("$bin/incus-role-image") || command.contains("$bin/pika ")) {
                throw new AssertionError("an image command this test cannot isolate: " + line);
            }
            script.add(line);
        }
        assertTrue(script.size() >= 10, script.toString());
        // the next section inspects the record the last example wrote (run from the examples' directory)
        String inspect = examples("## Guest roles and image records").stream()
                .filter(l -> l.startsWith("bin/pika image-record inspect record.json")).findFirst().orElseThrow();
        // (without its trailing `-`, stdin, which has nothing here)
        script.add("$" + COMMENT.matcher(inspect).replaceAll("$1").replaceAll(" -$", ""));
        Path tmpdir = Files.createDirectories(tmp.resolve("tmpdir"));
        Proc.Result r = Proc.of("bash", "-euo", "pipefail", "-c", String.join("\n", script) + "\npwd >&2\n")
                .cwd(Repo.root()).env("TMPDIR", tmpdir.toString()).env("PIKA_JAR", Repo.jar().toString())
                .env("PIKA_BUILD_SSH_KEY", null).env("PIKA_INCUS_BIN", null).timeout(Duration.ofSeconds(600)).run();
        Files.writeString(Repo.path("cli/target/readme-image-examples.log"), String.join("\n", script)
                + "\n\n---- stdout\n" + r.out() + "\n---- stderr\n" + r.err());
        assertEquals(0, r.exit(), r.both());
        Path work = Path.of(r.err().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(work.startsWith(tmpdir), work.toString());
        JsonNode record = RoleImages.JSON.readTree(work.resolve("record.json").toFile());
        assertEquals("pikaci-runner", record.path("guest_role").asText(), record.toString());
        // list printed the alias's image with *; rollback moved it; the last build-import moved it on again
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("* ")), r.out());
        assertTrue(r.out().contains("moved alias pikaci/dev (project " + project + ") from "), r.out());
        assertEquals(3, RoleImages.images(project).size(), RoleImages.images(project).toString());
        assertTrue(!r.err().contains("pika-managed-agents"), "the shared default project was never used");
    }
}
