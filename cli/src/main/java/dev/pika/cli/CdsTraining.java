package dev.pika.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The launcher's training run for the start-up cache (see {@code docs/performance.md}). {@code bin/pika} runs
 * this class once per jar and JDK under {@code -XX:ArchiveClassesAtExit} (JDK 17-23) or
 * {@code -XX:AOTMode=record} (JDK 24+), so that the archive holds what typical commands load — picocli's model of
 * every command, the help renderer, Jackson, the validators and the report printer — whichever command the user
 * happens to run first. It prints nothing and always exits 0: a failed training only means a smaller cache.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    /** Small documents of every kind, valid and not, so that the success and the finding paths both run. */
    private static final String[][] DOCUMENTS = {
        {"result.json", "{\"schema_version\":1,\"status\":\"completed\",\"exit_code\":0,"
            + "\"finished_at\":\"2026-03-25T20:00:00Z\",\"message\":\"test passed\"}"},
        {"status.json", "{\"schema_version\":1,\"state\":\"booted\",\"updated_at\":\"2026-03-25T20:00:00+00:00\","
            + "\"message\":\"incus guest booted\",\"boot_id\":\"b\",\"details\":{\"a\":[1,2.5,null,true]}}"},
        {"events.jsonl", "{\"schema_version\":1,\"seq\":1,\"timestamp\":\"2026-03-25T20:00:00Z\",\"kind\":\"booted\","
            + "\"message\":\"m\"}\n\n{\"schema_version\":1,\"seq\":2,\"timestamp\":\"2026-03-25T20:00:01Z\","
            + "\"kind\":\"completed\",\"message\":\"test passed\",\"details\":{\"exit_code\":0}}\n"},
        {"guest-request.json", "{\"schema_version\":2,\"command\":\"cargo test\",\"timeout_secs\":120,"
            + "\"run_as_root\":false}"},
        {"spec-runtime.json", "{\"identity\":{\"runtime_id\":\"r\",\"instance_name\":\"i\"},\"incus\":{\"project\":"
            + "\"p\",\"profile\":\"default\",\"image_alias\":\"pikaci/dev\"},\"mounts\":[{\"kind\":"
            + "\"read_only_snapshot\",\"guest_path\":\"/workspace/snapshot\",\"source\":\"/var/tmp/s\","
            + "\"mode\":\"read_only\"}]}"},
        {"result-bad.json", "{\"schema_version\":1,\"status\":\"passed\",\"exit_code\":\"0\",\"finished_at\":\"x\","
            + "\"message\":\"m\",\"extra\":1}"},
        {"events-bad.jsonl", "{\"schema_version\":1,\"seq\":2,\"timestamp\":\"t\",\"kind\":\"ready\",\"message\":\"m\"}\n"
            + "{\"schema_version\":1,\"seq\":1,\"timestamp\":\"t\",\"kind\":\"passed\",\"message\":\"m\"}\n{\"a\":\n"},
    };

    /**
     * Runs representative commands with standard output and error discarded.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true);
        System.setOut(nowhere);
        System.setErr(nowhere);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("pika-cds-training");
            for (String[] command : commands(dir)) {
                try {
                    Main.run(command);
                } catch (RuntimeException | LinkageError e) {
                    // best effort: a command that fails here still loaded its classes
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: no temporary directory means a training without documents
        } finally {
            delete(dir);
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * @param dir where to write the training documents
     * @return the command lines of the training run
     * @throws IOException when a training document cannot be written
     */
    static List<String[]> commands(Path dir) throws IOException {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--version"});
        commands.add(new String[] {"--help"});
        for (String name : Main.commandLine(new Main()).getSubcommands().keySet()) {
            commands.add(new String[] {name, "--help"});
        }
        commands.add(new String[] {"no-such-command"});
        List<String> files = new ArrayList<>();
        for (String[] doc : DOCUMENTS) {
            Path file = dir.resolve(doc[0]);
            Files.writeString(file, doc[1], StandardCharsets.UTF_8);
            files.add(file.toString());
        }
        commands.add(new String[] {"validate-result", files.get(0)});
        commands.add(new String[] {"validate-status", files.get(1)});
        commands.add(new String[] {"validate-events", files.get(2)});
        commands.add(new String[] {"validate-request", files.get(3)});
        commands.add(new String[] {"validate-spec", files.get(4)});
        commands.add(new String[] {"validate-result", "--strict", files.get(5)});
        commands.add(new String[] {"validate-events", files.get(6)});
        commands.add(new String[] {"validate-result", dir.resolve("missing.json").toString()});
        List<String> all = new ArrayList<>(List.of("validate", "--format", "json"));
        all.addAll(files);
        commands.add(all.toArray(String[]::new));
        all.set(2, "github");
        commands.add(all.toArray(String[]::new));
        // the other commands' common paths; dry runs and printing only, nothing is executed or written
        commands.add(new String[] {"roles"});
        commands.add(new String[] {"roles", "pikaci-runner", "--format", "json"});
        commands.add(new String[] {"image", "--role", "pikaci-runner", "build", "--dry-run"});
        commands.add(new String[] {"image", "--role", "managed-openclaw", "import", "--dry-run", "--format", "json"});
        commands.add(new String[] {"render", "tart-guest-script", "--command", "true"});
        commands.add(new String[] {"result", "new", "--exit-code", "0"});
        return commands;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a leftover temporary directory is harmless
        }
    }
}
