package dev.pika.contract.model;

import java.io.IOException;

/**
 * A document that {@link ContractCodec} could not decode into a contract type.
 *
 * <p>The codec decodes documents that are meant to be valid; the validators in {@code dev.pika.contract.validate}
 * are the authority on why a document is invalid. This exception still carries the decoder's position.
 */
public final class ContractDecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String pointer;
    private final String problem;

    /**
     * @param source  the source name (a path, {@code <stdin>}, …)
     * @param line    1-based line, 0 when unknown (for event streams: the stream's line)
     * @param column  1-based column, 0 when unknown
     * @param pointer RFC 6901 pointer of the offending value, {@code ""} for the document
     * @param problem what was wrong
     * @param cause   the underlying exception, or null
     */
    public ContractDecodeException(String source, int line, int column, String pointer, String problem,
                                   Throwable cause) {
        super(format(source, line, column, pointer, problem), cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.pointer = pointer;
        this.problem = problem;
    }

    private static String format(String source, int line, int column, String pointer, String problem) {
        StringBuilder sb = new StringBuilder("failed to decode `").append(source).append('`');
        if (line > 0) {
            sb.append(" at line ").append(line);
            if (column > 0) {
                sb.append(" column ").append(column);
            }
        }
        if (!pointer.isEmpty()) {
            sb.append(" (").append(pointer).append(')');
        }
        return sb.append(": ").append(problem).toString();
    }

    /** @return the source name */
    public String source() {
        return source;
    }

    /** @return 1-based line, 0 when unknown */
    public int line() {
        return line;
    }

    /** @return 1-based column, 0 when unknown */
    public int column() {
        return column;
    }

    /** @return RFC 6901 pointer of the offending value, {@code ""} for the whole document */
    public String pointer() {
        return pointer;
    }

    /** @return what was wrong, without the location */
    public String problem() {
        return problem;
    }
}
