package dev.pika.cli.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real process to completion and collects its output. Standard output is read to EOF, so a script that
 * tees into a log through a process substitution has finished writing when this returns.
 *
 * @param exitCode the process's exit code
 * @param out      standard output (UTF-8)
 * @param err      standard error (UTF-8)
 */
public record Processes(int exitCode, String out, String err) {
    private static final long TIMEOUT_SECONDS = 120;

    /**
     * @param argv program and arguments
     * @param cwd  working directory
     * @param env  environment changes (a null value removes the variable)
     * @return the finished process's results
     */
    public static Processes run(List<String> argv, Path cwd, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            String out = drain(p.getInputStream());
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(argv + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Processes(p.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
