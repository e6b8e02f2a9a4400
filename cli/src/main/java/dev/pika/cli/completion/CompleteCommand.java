package dev.pika.cli.completion;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The hidden completion entry point the shell scripts call at TAB time, as cobra's {@code __complete}:
 * {@code pika __complete -- WORD… CURRENT}. The words are the command line after the program name; the last is
 * the word under the cursor (the empty string for a new word). Words are taken as they are ({@code @FILE} is not
 * expanded: {@code Cli.configure} turns argument files off).
 *
 * <p>Output on stdout: one candidate per line, {@code VALUE} or {@code VALUE<TAB>DESCRIPTION}, then a last line
 * {@code :N} where N is the directive, the sum of {@link CompletionEngine#FILES} (1: offer file names too),
 * {@link CompletionEngine#DIRS} (2: offer directory names too) and {@link CompletionEngine#NOSPACE} (4: no space
 * after the word). Exit code 0 always; nothing is ever printed on stderr for an incomplete line.
 */
@Command(name = CompleteCommand.NAME, hidden = true,
        description = "Print completion candidates for a partial pika command line (used by the shell scripts).")
public final class CompleteCommand implements Callable<Integer> {
    /** The entry point's name. */
    public static final String NAME = "__complete";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "WORD",
            description = "The words after the program name; the last is the one being completed.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        CompletionEngine.Completion completion = CompletionEngine.complete(spec.root(), words);
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder sb = new StringBuilder();
        for (CompletionEngine.Candidate c : completion.candidates()) {
            sb.append(c.value());
            if (!c.description().isEmpty()) {
                sb.append('\t').append(c.description());
            }
            sb.append('\n');
        }
        sb.append(':').append(completion.directive()).append('\n');
        out.print(sb);
        out.flush();
        return 0;
    }
}
