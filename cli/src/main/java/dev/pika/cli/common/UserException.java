package dev.pika.cli.common;

/**
 * A failure caused by the user's input or environment (bad argument, missing file, failing tool). It is printed as
 * one line on stderr, {@code pika: MESSAGE}, never with a stack trace, and the process exits with
 * {@link #exitCode()}.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /**
     * @param exitCode the process exit code (1 = the operation failed, 2 = usage error or unreadable input)
     * @param message  what went wrong, where and why; shown to the user as is
     */
    public UserException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * @param exitCode the process exit code
     * @param message  the user-facing message
     * @param cause    the underlying exception (shown only with {@code PIKA_DEBUG=1})
     */
    public UserException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** @return the process exit code */
    public int exitCode() {
        return exitCode;
    }
}
