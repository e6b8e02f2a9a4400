package dev.pika.cli.validate;

import dev.pika.contract.validate.DocumentKind;
import java.nio.file.Path;

/** One thing the validate run loop checks: a document, a skipped file, an unusable argument, or a state directory. */
sealed interface Input {
    /**
     * A document.
     *
     * @param file the file as given or found ({@code -}: standard input)
     * @param kind the kind its canonical name gives (found in a directory), or null: the command decides
     */
    record Doc(String file, DocumentKind kind) implements Input {
    }

    /**
     * A directory entry the command does not check.
     *
     * @param file   the entry's path
     * @param reason why, e.g. {@code not a canonical document name}
     */
    record Skip(String file, String reason) implements Input {
    }

    /**
     * An argument that gives nothing to check.
     *
     * @param file   the argument
     * @param reason the message, e.g. {@code cannot read DIR: …}
     */
    record Unreadable(String file, String reason) implements Input {
    }

    /**
     * The cross-file checks of one directory that holds lifecycle documents.
     *
     * @param dir the directory
     */
    record StateDir(Path dir) implements Input {
    }
}
