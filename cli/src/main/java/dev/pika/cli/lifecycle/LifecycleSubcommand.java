package dev.pika.cli.lifecycle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.contract.model.RuntimeState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code pika lifecycle status|event|result} share: {@code --message}, {@code --details-json}, the writer, and
 * usage errors phrased as the helper's argparse phrases them ({@code argument --state: invalid choice: 'bogus'
 * (choose from …)}, {@code the following arguments are required: --message}), exit code 2. Options are checked
 * here rather than by picocli so that the order and wording of those errors are the helper's.
 */
abstract class LifecycleSubcommand implements Runnable {
    /** The runtime states, in the contract's order (the helper's {@code choices}). */
    static final List<String> RUNTIME_STATES = Arrays.stream(RuntimeState.values()).map(RuntimeState::wire).toList();

    /**
     * The runtime states as completion candidates: {@code --state} and {@code --kind} list them in their help
     * ({@code ${COMPLETION-CANDIDATES}}) and shells complete them, from the contract's {@link RuntimeState}.
     */
    static final class RuntimeStates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return RUNTIME_STATES.iterator();
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--message", paramLabel = "MESSAGE", description = "Required. The message.")
    String message;

    @Option(names = "--details-json", paramLabel = "DETAILS_JSON",
            description = "Any JSON value for details (Python's json.loads: NaN and duplicate keys pass); null or "
                    + "absent means no details.")
    String detailsJson;

    private final LifecycleWriter writer;

    LifecycleSubcommand(LifecycleWriter writer) {
        this.writer = writer;
    }

    /** @return the writer (system clock and boot id, or the ones a test injected) */
    LifecycleWriter writer() {
        return writer;
    }

    /** @throws CommandLine.ParameterException when {@code value} is given and not one of {@code choices} */
    void requireChoice(String option, String value, List<String> choices) {
        if (value != null && !choices.contains(value)) {
            throw usage("argument " + option + ": invalid choice: " + pyRepr(value) + " (choose from "
                    + choices.stream().map(LifecycleSubcommand::pyRepr).collect(Collectors.joining(", ")) + ")");
        }
    }

    /**
     * @param optionsAndValues option name, value, option name, value, … in the helper's definition order
     * @throws CommandLine.ParameterException naming every option whose value is null
     */
    void requireGiven(Object... optionsAndValues) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < optionsAndValues.length; i += 2) {
            if (optionsAndValues[i + 1] == null) {
                missing.add((String) optionsAndValues[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw usage("the following arguments are required: " + String.join(", ", missing));
        }
    }

    /** @return a usage error (exit 2) with the helper's wording */
    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), spec.qualifiedName() + ": error: " + message);
    }

    /**
     * {@code --details-json} as the helper reads it: absent or {@code null} means none.
     *
     * @return the details, or null
     * @throws UserException exit 1 (the helper's uncaught {@code JSONDecodeError}) when it is not JSON; nothing is
     *                       written
     */
    JsonNode details() {
        if (detailsJson == null) {
            return null;
        }
        try {
            JsonNode node = PythonJson.loads(detailsJson);
            return node.isNull() ? null : node;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : ": line " + loc.getLineNr() + " column " + loc.getColumnNr();
            throw new UserException(ExitCodes.FAILURE, "--details-json is not valid JSON" + where + ": "
                    + e.getOriginalMessage() + "; nothing was written", e);
        }
    }

    /** Python's {@code repr} of a str, as argparse quotes values: single quotes unless the text holds one. */
    static String pyRepr(String s) {
        boolean useDouble = s.contains("'") && !s.contains("\"");
        char q = useDouble ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == q) {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < ' ' || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(q).toString();
    }
}
