package dev.pika.contract;

/**
 * How serious a {@link Finding} is.
 *
 * <p>{@link #ERROR} means the reference decoder (or the guest's own checks) rejects the document:
 * the default verdict is "invalid". {@link #WARNING} is lint: the contract implies it is wrong, but the
 * reference accepts it. Under {@code --strict} warnings count as errors.
 */
public enum Severity {
    /** The reference rejects the document. */
    ERROR,
    /** Lint: the reference accepts the document, but the contract implies a mistake. */
    WARNING;

    /** @return the lower-case label used in text and JSON output ({@code error}, {@code warning}) */
    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
