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
 * @param resultPath where the fragment writes the result; any text without NUL (it is double-quoted and escaped)
 */
public record ResultFragment(String resultPath) {
    /** The command whose output is {@code finished_at}: UTC, whole seconds, {@code Z} suffix. */
    public static final String TIMESTAMP_COMMAND = "date -u +\"%Y-%m-%dT%H:%M:%SZ\"";

    private static final Template TEMPLATE = Template.load("result-fragment.sh.in");

    public ResultFragment {
        Objects.requireNonNull(resultPath, "resultPath");
    }

    /** @return the fragment, ending in {@code EOF\n} */
    public String render() {
        return TEMPLATE.render(Map.of(
                "result_path", Shell.insideDoubleQuotes(resultPath),
                "schema_version", Integer.toString(ContractConstants.LIFECYCLE_SCHEMA_VERSION),
                "timestamp_command", TIMESTAMP_COMMAND));
    }
}
