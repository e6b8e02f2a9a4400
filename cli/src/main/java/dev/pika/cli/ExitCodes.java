package dev.pika.cli;

/** Process exit codes shared by every pika command. */
public final class ExitCodes {
    private ExitCodes() {
    }

    /** Success: every document valid, the operation done. */
    public static final int OK = 0;
    /** At least one document invalid, or the operation (build, import, …) failed. */
    public static final int FAILURE = 1;
    /** Usage error, or an input that could not be read (missing file, permission denied). */
    public static final int USAGE = 2;
    /** Interrupted by SIGINT (128 + 2), as shells report it. */
    public static final int INTERRUPTED = 130;
}
