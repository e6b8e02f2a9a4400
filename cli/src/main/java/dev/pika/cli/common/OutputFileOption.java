package dev.pika.cli.common;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * picocli mixin for commands that produce one text document: {@code -o FILE} writes it atomically with
 * {@link AtomicFiles} (a crash or failure never leaves a half-written FILE; an existing FILE stays untouched on
 * failure); without {@code -o} the text goes to standard output.
 */
public final class OutputFileOption {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of standard output, atomically (temporary file in the same "
                    + "directory, then rename): FILE is either the old or the complete new content, never partial.")
    Path output;

    /** @return the {@code -o} file, or null for standard output */
    public Path output() {
        return output;
    }

    /**
     * Emits the document.
     *
     * @param commandLine the running command (its {@code getOut()} is standard output)
     * @param text        the complete document, written as UTF-8 exactly as given (no newline is added)
     * @throws dev.pika.cli.common.UserException exit code 2 when FILE cannot be written (see {@link AtomicFiles})
     */
    public void emit(CommandLine commandLine, String text) {
        if (output != null) {
            AtomicFiles.writeString(output, text);
        } else {
            commandLine.getOut().print(text);
            commandLine.getOut().flush();
        }
    }
}
