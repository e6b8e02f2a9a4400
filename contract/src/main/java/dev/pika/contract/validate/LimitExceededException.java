package dev.pika.contract.validate;

import java.io.IOException;

/**
 * An input over one of pika's {@link Limits} (which bound memory; the reference decoder has none of them): it was
 * <em>not checked</em>, which is neither valid nor invalid. The CLI counts it as unreadable (exit 2) and shows
 * {@link #getMessage()}, which names the limit and the option that raises it.
 */
public final class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String option;

    /**
     * @param what   which limit was reached, e.g. {@code the document is larger than 16 MiB, …}
     * @param option the command-line option that raises it (e.g. {@code --max-bytes}), or null when none does
     */
    public LimitExceededException(String what, String option) {
        super("not checked: " + what + (option == null ? " (a fixed limit of pika's)"
                : "; raise the limit with " + option + " (e.g. " + option + " 64M)"));
        this.option = option;
    }

    /** @return the option that raises the limit, or null when the limit is fixed */
    public String option() {
        return option;
    }
}
