package dev.pika.cli.image;

import java.util.List;

/**
 * Runs the commands of an image plan: {@link ProcessRunner} really runs them, {@link PlanRunner} only records
 * them for {@code --dry-run}. The workflow goes through the same code either way, so the printed plan is the
 * commands a real run executes.
 */
public interface Runner {
    /** The most stdout a command may print when it is captured (16 MiB): more fails the command. */
    int CAPTURE_LIMIT = 16 << 20;

    /** What happens to a command's stdout. */
    enum Output {
        /** Streamed live to our stderr (progress of the tool), unless quiet. */
        STREAM,
        /** Captured and returned (a value we parse, e.g. a temp dir or JSON); stderr still streams. */
        CAPTURE,
        /** Captured, with stderr kept quiet too: a question whose failure is an answer (does the alias exist?). */
        PROBE
    }

    /**
     * The outcome of one command.
     *
     * @param exitCode the exit code (128 + signal when killed)
     * @param stdout   captured stdout ({@link Output#CAPTURE}, up to {@link #CAPTURE_LIMIT} bytes), else the last
     *                 part of it
     * @param stderr   the last part of stderr (up to 8 KiB), for error messages
     * @param bytes    bytes sent on stdin (the source upload), else 0
     * @param failedProgram in a pipeline, the program that failed when it was not the last one (e.g. {@code git}
     *                      listing the source), else null
     */
    record Result(int exitCode, String stdout, String stderr, long bytes, String failedProgram) {
        /** A result of one command (or of a pipeline's last one). */
        public Result(int exitCode, String stdout, String stderr, long bytes) {
            this(exitCode, stdout, stderr, bytes, null);
        }

        /** @return whether the command exited 0 */
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs one command with stdin from {@code /dev/null}, in the working directory.
     *
     * @param step   the command
     * @param output where its stdout goes
     * @return the outcome; a non-zero exit is returned, not thrown
     * @throws dev.pika.cli.common.UserException exit code 1 when the program cannot be started
     */
    Result run(Step step, Output output);

    /**
     * Runs {@code list | archive | consumer}: the list command's stdout is the archiver's stdin, whose stdout is
     * streamed into the consumer's stdin (counting bytes). Used to upload the source tree.
     *
     * @param list     e.g. {@code git ls-files -co --exclude-standard -z}
     * @param archive  e.g. {@code tar --null -T - -cf -}
     * @param consumer e.g. {@code ssh ... HOST 'mkdir -p ... && tar -xf - -C ...'}
     * @return the consumer's outcome with the bytes sent; a failing list or archive command makes it fail too,
     *         naming itself in {@link Result#failedProgram()}
     */
    Result pipe(Step list, Step archive, Step consumer);

    /** A command kept running while it holds something (the alias lock); {@link #close()} ends it. */
    interface Held extends AutoCloseable {
        /** Closes the command's stdin and waits for it to exit (it then releases what it held). */
        @Override
        void close();
    }

    /**
     * Starts a command that holds a lock until released: returns once it prints {@code readyLine} on stdout
     * (lines before it, e.g. "waiting", are shown as they come). On SIGINT/SIGTERM the command is stopped with the
     * others, which also releases the lock.
     *
     * @param step      the command; it must keep running until its stdin is closed
     * @param readyLine the stdout line that says the lock is held
     * @param waiting   called with each stdout line before {@code readyLine}
     * @return the handle; closing it releases the lock
     * @throws dev.pika.cli.common.UserException exit code 1 when the command ends before printing {@code readyLine}
     */
    Held hold(Step step, String readyLine, java.util.function.Consumer<String> waiting);

    /** @return whether this runner only records (dry run) */
    boolean dryRun();

    /**
     * A command of a dry-run plan.
     *
     * @param phase    the numbered phase it belongs to, e.g. {@code [2/5] upload image (scp to h2, 1.2 MiB)}
     * @param pipeline one step, or several joined by pipes
     */
    record Planned(String phase, List<Step> pipeline) {
    }

    /** @return the commands recorded so far (dry run), in order; empty for a real runner */
    List<Planned> recorded();
}
