package dev.pika.cli.render;

import dev.pika.contract.ContractConstants;
import java.util.Map;
import java.util.Objects;

/**
 * The shell fragment that writes a terminal result ({@code result.json}, CONTRACT.md §2) from the exit code in
 * {@code $code}: {@code completed} / {@code test passed} for 0, else {@code failed} /
 * {@code test command exited with N}; schema version 1; {@code finished_at} from
 * {@code date -u +"%Y-%m-%dT%H:%M:%SZ"}. It is the reference's {@code local-terminal-result-fragment.sh.in} as
 * rendered by {@code render_local_terminal_result_fragment}, byte for byte; the Tart guest script ends with it.
 *
 * <p>Contract for the caller: source or paste it into bash after setting {@code code} to an integer; it works
 * under {@code set -euo pipefail}. Key order of the written JSON is the heredoc's (schema_version, status,
 * exit_code, finished_at, message), which every decoder accepts.
 *
 * <p>Without {@code referenceCompatible} the fragment is pika's own writer instead ({@link #writer()}): atomic,
 * with absolute tools, and honest for any {@code $code}.
 *
 * @param resultPath          where the fragment writes the result; any text without NUL (double-quoted, escaped)
 * @param referenceCompatible the reference's bytes (heredoc and {@code cat}, {@code date} from {@code PATH})
 */
public record ResultFragment(String resultPath, boolean referenceCompatible) {
    /** The command whose output is {@code finished_at}: UTC, whole seconds, {@code Z} suffix. */
    public static final String TIMESTAMP_COMMAND = "date -u +\"%Y-%m-%dT%H:%M:%SZ\"";

    private static final Template TEMPLATE = Template.load("result-fragment.sh.in");
    private static final Template WRITER = Template.load("result-writer.sh.in");

    public ResultFragment {
        Objects.requireNonNull(resultPath, "resultPath");
    }

    /**
     * The reference's fragment.
     *
     * @param resultPath where it writes
     */
    public ResultFragment(String resultPath) {
        this(resultPath, true);
    }

    /**
     * The {@code pika_write_result CODE [MESSAGE]} function and its state ({@code pika_result_path},
     * {@code pika_result_written}): writes the result atomically with bash builtins and absolute tools only
     * ({@code /bin/date} on bash before 4.2, {@code mv} from {@code /bin}, {@code /usr/bin} or NixOS's system
     * profile), so a guest command that changed {@code PATH}, defined functions named {@code cat}, {@code date} or
     * {@code printf}, or made {@code code} read-only cannot change or suppress it. A code that is not an i32 writes
     * {@code failed} without {@code exit_code}, saying the code is unknown. Key order and layout are the
     * reference heredoc's.
     *
     * @return the bash text defining the function, ending in a newline
     */
    public String writer() {
        return WRITER.render(Map.of(
                "result_path", Shell.insideDoubleQuotes(resultPath),
                "schema_version", Integer.toString(ContractConstants.LIFECYCLE_SCHEMA_VERSION)));
    }

    /**
     * @return with {@link #referenceCompatible()}, the reference's fragment, ending in {@code EOF\n}; else the
     *     {@link #writer()} and the call {@code pika_write_result "${code-}"}
     */
    public String render() {
        if (!referenceCompatible) {
            return writer() + "pika_write_result \"${code-}\"\n";
        }
        return TEMPLATE.render(Map.of(
                "result_path", Shell.insideDoubleQuotes(resultPath),
                "schema_version", Integer.toString(ContractConstants.LIFECYCLE_SCHEMA_VERSION),
                "timestamp_command", TIMESTAMP_COMMAND));
    }
}
