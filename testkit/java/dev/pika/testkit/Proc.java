package dev.pika.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one process runner of the test suite: real programs (the shaded jar, the launchers, bash, nix, incus, …)
 * with a working directory, environment changes, standard input and a timeout.
 *
 * <pre>{@code
 * Proc.Result r = Proc.pika("validate-result", "x.json").run();
 * Proc.Result s = Proc.of("bash", "-c", script).cwd(dir).env("HOME", home.toString()).stdin("input").run();
 * }</pre>
 *
 * <p>Standard output and error are read to end of file, so output written by a process's children (a
 * {@code tee} in a process substitution) is complete when {@link #run} returns. Programs that leave a daemon
 * holding their output open (a tmux server) use {@link #outputToFiles()}: the output is then what the files
 * hold when the process exits.
 */
public final class Proc {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

    private final List<String> argv;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path cwd;
    private byte[] stdin;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean toFiles;

    private Proc(List<String> argv) {
        this.argv = List.copyOf(argv);
    }

    /** @return a runner of {@code argv} (program first) */
    public static Proc of(String... argv) {
        return new Proc(List.of(argv));
    }

    /** @return a runner of {@code argv} (program first) */
    public static Proc of(List<String> argv) {
        return new Proc(argv);
    }

    /** @return a runner of {@code java -jar cli/target/pika.jar ARGS} (the shipped jar, no launcher) */
    public static Proc pika(String... args) {
        List<String> a = new ArrayList<>(List.of(Repo.java().toString(), "-jar", Repo.jar().toString()));
        a.addAll(List.of(args));
        return new Proc(a);
    }

    /**
     * @return a runner of the checkout's launcher {@code bin/PROGRAM ARGS} on the built jar ({@code PIKA_JAR}), as a
     *         user runs it
     */
    public static Proc launcher(String program, String... args) {
        List<String> a = new ArrayList<>(List.of(Repo.bin(program).toString()));
        a.addAll(List.of(args));
        return new Proc(a).env("PIKA_JAR", Repo.jar().toString());
    }

    /** Sets the working directory (default: the test's). */
    public Proc cwd(Path dir) {
        this.cwd = dir;
        return this;
    }

    /** Sets ({@code value} non-null) or removes ({@code value} null) one environment variable. */
    public Proc env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Sets or removes (null values) several environment variables. */
    public Proc env(Map<String, String> vars) {
        env.putAll(vars);
        return this;
    }

    /** Standard input bytes (default: empty, as from {@code /dev/null}). */
    public Proc stdin(byte[] bytes) {
        this.stdin = bytes;
        return this;
    }

    /** Standard input text, UTF-8. */
    public Proc stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The longest the process may run before it and its descendants are killed and the test fails (default 180 s). */
    public Proc timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Collects output in files instead of pipes: for programs that leave a daemon holding their output open. */
    public Proc outputToFiles() {
        this.toFiles = true;
        return this;
    }

    /** @return the command line, for messages */
    public List<String> argv() {
        return argv;
    }

    /**
     * Starts the process without waiting: standard input as set (or empty), standard output and error as pipes the
     * caller reads (or redirected to files with {@link #outputToFiles()} — then read them through
     * {@link ProcessBuilder}: use {@link #run} instead).
     *
     * @return the started process
     */
    public Process start() {
        try {
            ProcessBuilder pb = builder();
            Process p = pb.start();
            feed(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv, e);
        }
    }

    /** @return the finished process's exit code and output; fails the test on timeout */
    public Result run() {
        ProcessBuilder pb = builder();
        Path out = null;
        Path err = null;
        try {
            if (toFiles) {
                out = Files.createTempFile("pika-proc", ".out");
                err = Files.createTempFile("pika-proc", ".err");
                pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            }
            Process p = pb.start();
            CompletableFuture<byte[]> o = toFiles ? null : CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<byte[]> e = toFiles ? null : CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            feed(p);
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                kill(p);
                throw new AssertionError(argv + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (toFiles) {
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            }
            long left = Math.max(1, deadline - System.nanoTime());
            return new Result(p.exitValue(), utf8(o.get(left, TimeUnit.NANOSECONDS)),
                    utf8(e.get(left, TimeUnit.NANOSECONDS)));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot run " + argv, ex);
        } catch (TimeoutException ex) {
            throw new AssertionError(argv + " exited but something it started still holds its output open after "
                    + timeout.toSeconds() + " s (use outputToFiles())", ex);
        } catch (ExecutionException ex) {
            throw new AssertionError("reading the output of " + argv, ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + argv, ex);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Kills a process and everything it started. */
    public static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private ProcessBuilder builder() {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(argv));
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        return pb;
    }

    private void feed(Process p) throws IOException {
        if (stdin != null) {
            try (var in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the process exited without reading all of its input: its exit code tells the story
                if (p.isAlive()) {
                    throw e;
                }
            }
        }
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a running process's output into {@code sink} as it comes (UTF-8; synchronize on {@code sink} to read
     * it), until end of file: for tests that watch output while the process still runs.
     *
     * @param in   the process's output
     * @param sink where the text goes
     */
    public static void follow(InputStream in, StringBuilder sink) {
        try (in) {
            byte[] buf = new byte[4096];
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (sink) {
                    sink.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file; the OS cleans /tmp
            }
        }
    }

    /**
     * A finished process.
     *
     * @param exit the exit code
     * @param out  standard output (UTF-8)
     * @param err  standard error (UTF-8)
     */
    public record Result(int exit, String out, String err) {
        /** @return standard output split into lines (none for empty output) */
        public List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        /** @return exit code and both streams, for assertion messages */
        public String both() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }

        /** @return standard output, after asserting exit 0 */
        public String ok() {
            if (exit != 0) {
                throw new AssertionError("expected exit 0, got " + both());
            }
            return out;
        }
    }
}
