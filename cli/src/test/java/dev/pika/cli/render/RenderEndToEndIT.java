package dev.pika.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Proc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar end to end: {@code java -jar pika.jar render tart-guest-script … -o guest.sh}, then the script
 * under real bash in a {@link GuestSandbox}. The transcript is kept in {@code target/render-end-to-end/} as the
 * evidence asked for by issue 4.
 */
class RenderEndToEndIT {
    @Test
    void renderedScriptRunsEndToEndAndWritesAValidResult(@TempDir Path dir) throws IOException {
        GuestSandbox box = GuestSandbox.create(dir);
        Path script = dir.resolve("guest.sh");
        List<String> args = new ArrayList<>(List.of("render", "tart-guest-script", "--command", "./guest-test.sh 7",
                "--run-as-root", "--use-host-rust-toolchain", "-o", script.toString()));
        args.addAll(box.dirOptions());
        Proc.Result render = Proc.pika(args.toArray(String[]::new)).run();
        assertEquals(0, render.exit(), render.err());
        assertEquals("", render.out());

        Instant before = Instant.now();
        Proc.Result run = box.runScript(Files.readString(script));
        assertEquals(0, run.exit(), run.err());
        byte[] result = box.resultJson();
        ResultAssertions.assertFactoryResult("result.json", result, 7, before, Instant.now());
        assertTrue(box.guestLog().contains("guest test running in " + box.workspace), box.guestLog());

        Path evidence = Files.createDirectories(Path.of("target", "render-end-to-end"));
        Files.writeString(evidence.resolve("command.txt"), "pika " + String.join(" ", args.stream()
                .map(a -> Shell.isPlain(a) && !a.contains(" ") ? a : Shell.ansiCQuoted(a)).toList()) + "\n");
        Files.copy(script, evidence.resolve("guest.sh"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(evidence.resolve("guest.log"), box.guestLog());
        Files.write(evidence.resolve("result.json"), result);
        Files.writeString(evidence.resolve("standins.log"), String.join("\n", box.standinCalls()) + "\n");

        Proc.Result fresh = Proc.pika("result", "new", "--exit-code", "7", "--finished-at",
                new String(result, StandardCharsets.UTF_8).replaceAll("(?s).*\"finished_at\": \"([^\"]+)\".*", "$1"))
                .run();
        assertEquals(0, fresh.exit(), fresh.err());
        assertEquals(ResultAssertions.assertValidResult("script", result),
                ResultAssertions.assertValidResult("pika result new", fresh.out().getBytes(StandardCharsets.UTF_8)),
                "the script and the factory agree on every field");
    }
}
