package dev.pika.cli.image;

import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Really runs commands: in the working directory, with the given environment, stdin from {@code /dev/null}; the
 * tools' stderr (and streamed stdout) go to our stderr live, so their own progress and errors are visible.
 * Every child is tracked so that {@link #killAll()} can stop them on SIGINT/SIGTERM.
 */
final class ProcessRunner implements Runner {
    private static final int TAIL_BYTES = 8192;
    private static final File DEV_NULL = new File("/dev/null");

    private final Path dir;
    private final Map<String, String> env;
    private final PrintStream err;
    private final boolean quiet;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    /** Wall-clock nanoseconds the tools ran (one at a time, except the upload pipeline, counted once). */
    private final AtomicLong toolNanos = new AtomicLong();

    /** @return nanoseconds spent waiting for tools so far (the rest of a phase is pika's own overhead) */
    long toolNanos() {
        return toolNanos.get();
    }

    /**
     * @param dir   working directory of every command
     * @param env   the complete environment of every command
     * @param err   where tool output is streamed (our stderr)
     * @param quiet when true, tool output is kept only for error messages
     */
    ProcessRunner(Path dir, Map<String, String> env, PrintStream err, boolean quiet) {
        this.dir = dir;
        this.env = env;
        this.err = err;
        this.quiet = quiet;
    }

    @Override
    public Result run(Step step, Output output) {
        long t0 = System.nanoTime();
        Process p = start(step, ProcessBuilder.Redirect.from(DEV_NULL));
        try {
            p.getOutputStream().close();
            Tail errTail = new Tail();
            Thread errPump = pump(p.getErrorStream(), errTail, !quiet && output != Output.PROBE);
            Capped captured = new Capped();
            Tail outTail = new Tail();
            Thread outPump = output != Output.STREAM
                    ? pumpTo(p.getInputStream(), captured, p)
                    : pump(p.getInputStream(), outTail, !quiet);
            int code = p.waitFor();
            errPump.join();
            outPump.join();
            if (captured.over) {
                return new Result(code == 0 ? 1 : code, "", errTail.text() + "\n" + step.program()
                        + " printed more than " + (CAPTURE_LIMIT >> 20) + " MiB on stdout: stopped reading it", 0);
            }
            String stdout = output != Output.STREAM ? captured.toString(StandardCharsets.UTF_8) : outTail.text();
            return new Result(code, stdout, errTail.text(), 0);
        } catch (IOException e) {
            throw new UserException(ExitCodes.FAILURE, "I/O error talking to " + step.program() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new UserException(ExitCodes.INTERRUPTED, "interrupted while running " + step.program(), e);
        } finally {
            live.remove(p);
            toolNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    @Override
    public Result pipe(Step list, Step archive, Step consumer) {
        Result listed = run(list, Output.PROBE);
        if (!listed.ok()) {
            return new Result(listed.exitCode(), "", listed.stderr(), 0, list.program());
        }
        long t0 = System.nanoTime();
        Process tar = start(archive, ProcessBuilder.Redirect.PIPE);
        Process sink = start(consumer, ProcessBuilder.Redirect.PIPE);
        AtomicLong bytes = new AtomicLong();
        try {
            Tail tarErr = new Tail();
            Tail sinkErr = new Tail();
            Tail sinkOut = new Tail();
            Thread[] pumps = {
                pump(tar.getErrorStream(), tarErr, !quiet),
                pump(sink.getErrorStream(), sinkErr, !quiet),
                pump(sink.getInputStream(), sinkOut, !quiet),
                daemon(() -> feed(listed.stdout().getBytes(StandardCharsets.UTF_8),
                        tar.getOutputStream())),
                daemon(() -> copy(tar.getInputStream(), sink.getOutputStream(), bytes)),
            };
            int tarCode = tar.waitFor();
            int sinkCode = sink.waitFor();
            for (Thread t : pumps) {
                t.join();
            }
            if (tarCode != 0) {
                return new Result(tarCode, "", tarErr.text(), bytes.get(), archive.program());
            }
            return new Result(sinkCode, sinkOut.text(), sinkErr.text(), bytes.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tar.destroy();
            sink.destroy();
            throw new UserException(ExitCodes.INTERRUPTED, "interrupted while uploading", e);
        } finally {
            live.remove(tar);
            live.remove(sink);
            toolNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    @Override
    public Held hold(Step step, String readyLine, java.util.function.Consumer<String> waiting) {
        Process p = start(step, ProcessBuilder.Redirect.PIPE);
        Tail errTail = new Tail();
        Thread errPump = pump(p.getErrorStream(), errTail, false);
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null && !line.equals(readyLine)) {
                waiting.accept(line);
            }
            if (line == null) {
                int code = p.waitFor();
                errPump.join();
                live.remove(p);
                String last = Texts.lastLine(errTail.text());
                throw new UserException(ExitCodes.FAILURE, "cannot take the alias lock: " + step.program()
                        + " exited with " + code + (last.isEmpty() ? "" : " (" + last + ")"));
            }
        } catch (IOException e) {
            p.destroy();
            live.remove(p);
            throw new UserException(ExitCodes.FAILURE, "I/O error talking to " + step.program() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            live.remove(p);
            throw new UserException(ExitCodes.INTERRUPTED, "interrupted while taking the alias lock", e);
        }
        Thread drain = daemon(() -> {
            try (out) {
                while (out.read() >= 0) {
                    // nothing more is expected
                }
            } catch (IOException ignored) {
                // the holder went away
            }
        });
        return () -> {
            try {
                p.getOutputStream().close();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroy);
                    p.destroy();
                }
                drain.join(1000);
            } catch (IOException ignored) {
                // already gone: the lock is released with it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroy();
            } finally {
                live.remove(p);
            }
        };
    }

    @Override
    public boolean dryRun() {
        return false;
    }

    @Override
    public List<Planned> recorded() {
        return List.of();
    }

    /**
     * Stops every running child and its descendants: SIGTERM, then SIGKILL after two seconds. Called from the
     * shutdown hook on SIGINT/SIGTERM, before the remote temp dir is removed.
     */
    void killAll() {
        for (Process p : live) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : live) {
            try {
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Process start(Step step, ProcessBuilder.Redirect stdin) {
        ProcessBuilder pb = new ProcessBuilder(step.argv()).directory(dir.toFile()).redirectInput(stdin);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            live.add(p);
            return p;
        } catch (IOException e) {
            throw new UserException(ExitCodes.FAILURE, "cannot run " + step.program() + ": "
                    + (e.getMessage() != null && e.getMessage().contains("error=2")
                        ? "not found on PATH" : e.getMessage()), e);
        }
    }

    private Thread pump(InputStream in, Tail tail, boolean echo) {
        return daemon(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    tail.add(buf, n);
                    if (echo) {
                        synchronized (err) {
                            err.write(buf, 0, n);
                            err.flush();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the child went away; its exit code tells what happened
            }
        });
    }

    /** Captured stdout, up to {@link Runner#CAPTURE_LIMIT} bytes: a flooding tool cannot exhaust our memory. */
    private static final class Capped extends ByteArrayOutputStream {
        volatile boolean over;
    }

    private static Thread pumpTo(InputStream in, Capped sink, Process p) {
        return daemon(() -> {
            byte[] buf = new byte[65536];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (sink.size() + n > CAPTURE_LIMIT) {
                        sink.over = true;
                        p.descendants().forEach(ProcessHandle::destroy);
                        p.destroy();
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    }
                    sink.write(buf, 0, n);
                }
            } catch (IOException ignored) {
                // the child went away; its exit code tells what happened
            }
        });
    }

    private static void feed(byte[] data, OutputStream out) {
        try (out) {
            out.write(data);
        } catch (IOException ignored) {
            // the archiver stopped reading; its exit code tells why
        }
    }

    private static void copy(InputStream in, OutputStream out, AtomicLong count) {
        byte[] buf = new byte[65536];
        try (in; out) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                count.addAndGet(n);
            }
        } catch (IOException ignored) {
            // one side went away; the exit codes tell why
        }
    }

    private static Thread daemon(Runnable body) {
        Thread t = new Thread(body, "pika-image-io");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The last {@value #TAIL_BYTES} bytes of a stream. */
    private static final class Tail {
        private final byte[] ring = new byte[TAIL_BYTES];
        private long total;

        synchronized void add(byte[] buf, int n) {
            for (int i = 0; i < n; i++) {
                ring[(int) (total++ % TAIL_BYTES)] = buf[i];
            }
        }

        synchronized String text() {
            int len = (int) Math.min(total, TAIL_BYTES);
            byte[] out = new byte[len];
            long start = total - len;
            for (int i = 0; i < len; i++) {
                out[i] = ring[(int) ((start + i) % TAIL_BYTES)];
            }
            return new String(out, StandardCharsets.UTF_8);
        }
    }
}
