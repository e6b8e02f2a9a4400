package dev.pika.cli.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real write that fails half-way: the jar runs under {@code ulimit -f 2} (2 KiB), so the kernel refuses the
 * temporary file's bytes after 2048 of ~6000 (EFBIG). The old result.json must stay byte for byte, and no temporary
 * file may be left.
 */
class ResultNewInterruptedWriteIT {
    @Test
    void writeCutOffByTheFileSizeLimitLeavesTheOldFileIntact(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("result.json");
        String old = "{\n  \"schema_version\": 1,\n  \"status\": \"completed\",\n  \"finished_at\": "
                + "\"2026-03-25T20:00:00Z\",\n  \"message\": \"test passed\",\n  \"exit_code\": 0\n}\n";
        Files.writeString(target, old);
        String details = "{\"log\": \"" + "x".repeat(6000) + "\"}";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -XX:-UsePerfData: the JVM's own perf-data file would otherwise hit the limit before pika runs.
        String shell = "ulimit -f 2; exec \"$0\" -XX:-UsePerfData -jar \"$1\" result new --exit-code 1 "
                + "--details-json \"$2\" -o \"$3\"";
        Proc.Result p = Proc.of(List.of(Require.tool("bash").toString(), "-c", shell, java,
                Repo.jar().toString(), details, target.toString())).cwd(dir).run();

        assertEquals(2, p.exit(), "stdout: " + p.out() + "\nstderr: " + p.err());
        assertTrue(p.err().startsWith("pika: cannot write " + target + ": "), p.err());
        assertEquals(old, Files.readString(target), "the old result is untouched");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
        }
    }
}
