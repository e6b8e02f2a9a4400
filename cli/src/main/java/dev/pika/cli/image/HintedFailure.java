package dev.pika.cli.image;

import dev.pika.cli.common.UserException;

/**
 * A failure whose message is the reference's one line, followed by a second line that says what to do (printed
 * as {@code   hint: ...} on stderr, and as {@code error.hint} in the JSON error object).
 */
final class HintedFailure extends UserException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    /**
     * @param exitCode the exit code
     * @param message  the first line, as the reference prints it
     * @param hint     what to do next, one line
     */
    HintedFailure(int exitCode, String message, String hint) {
        super(exitCode, message);
        this.hint = hint;
    }

    /** @return what to do next */
    String hint() {
        return hint;
    }
}
