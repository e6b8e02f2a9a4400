package dev.pika.contract;

import java.util.Objects;

/**
 * One problem found in a document, located precisely enough for an editor to jump to it.
 *
 * @param severity  {@link Severity#ERROR} when the reference decoder rejects the document, else lint
 * @param rule      stable rule id in kebab-case, e.g. {@code unknown-variant}, {@code missing-field}
 * @param source    the source name as the user gave it (a path, or {@code <stdin>})
 * @param line      1-based line of the start of the offending token (for event streams: the stream's line);
 *                  0 when the problem has no position (e.g. an unreadable file)
 * @param column    1-based byte column of the start of the offending token; 0 when unknown
 * @param endLine   1-based line of the last byte of the offending token (the reference decoder reports this)
 * @param endColumn 1-based byte column of the last byte of the offending token; serde_json's "column N"
 * @param pointer   RFC 6901 JSON pointer of the offending value ({@code ""} for the whole document)
 * @param message   what was wrong and what was expected
 * @param hint      how to fix it (e.g. a known migration), or {@code null}
 */
public record Finding(Severity severity, String rule, String source, int line, int column,
                      int endLine, int endColumn, String pointer, String message, String hint) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** @return true when this finding is an error (before {@code --strict} is applied) */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** @return a copy with another severity (used by {@code --strict}) */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(newSeverity, rule, source, line, column, endLine, endColumn, pointer, message, hint);
    }

    /** @return a copy with another hint */
    public Finding withHint(String newHint) {
        return new Finding(severity, rule, source, line, column, endLine, endColumn, pointer, message, newHint);
    }

    /**
     * Compiler-style text: {@code SOURCE:LINE:COL: error[rule]: message (at /pointer)} and, when there is a
     * hint, a second line indented by four spaces starting with {@code hint: }.
     *
     * @return one or two lines, without a trailing newline
     */
    public String toCompilerString() {
        StringBuilder sb = new StringBuilder();
        sb.append(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(severity.label()).append('[').append(rule).append("]: ").append(message);
        if (!pointer.isEmpty()) {
            sb.append(" (at ").append(pointer).append(')');
        }
        if (hint != null && !hint.isEmpty()) {
            sb.append(System.lineSeparator()).append("    hint: ").append(hint);
        }
        return sb.toString();
    }
}
