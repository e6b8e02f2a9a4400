package dev.pika.cli.common;

/**
 * Process exit codes shared by every pika command and launcher (README "Exit codes" lists the same table; a test
 * keeps the two in step). 70 is {@code EX_SOFTWARE} from BSD {@code sysexits.h}; 130 and 143 follow the shell
 * convention 128 + signal number.
 */
public final class ExitCodes {
    private ExitCodes() {
    }

    /** Success: every document valid, the operation done. */
    public static final int OK = 0;
    /** At least one document invalid, or the operation (build, import, …) failed. */
    public static final int FAILURE = 1;
    /** Usage error, or an input that could not be read (missing file, permission denied). */
    public static final int USAGE = 2;
    /** Internal error: a bug in pika (the message asks for a report; {@code PIKA_DEBUG=1} shows the trace). */
    public static final int INTERNAL = 70;
    /** Interrupted by SIGINT (128 + 2), as shells report it. */
    public static final int INTERRUPTED = 130;
    /** Terminated by SIGTERM (128 + 15), as shells report it. */
    public static final int TERMINATED = 143;
}
