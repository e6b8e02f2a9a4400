package dev.pika.cli.validate;

import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.ValidationReport;

/**
 * What happened to one input: a report, the reason it could not be read, or the reason it was skipped (a file in
 * a directory that the command does not check).
 *
 * @param source     the name as given on the command line ({@code <stdin>} for {@code -}), or found in a directory
 * @param kind       the kind it was checked as (null when it could not be determined, and for the cross-file
 *                   checks of a state directory)
 * @param report     the validation report, or null when unreadable or skipped
 * @param unreadable why the input could not be read or classified, or null
 * @param skipped    why a file found in a directory was not checked, or null
 */
public record Outcome(String source, DocumentKind kind, ValidationReport report, String unreadable,
                      String skipped) {
    /**
     * @param source the file
     * @param reason why it was not checked
     * @return a skipped outcome
     */
    static Outcome skipped(String source, String reason) {
        return new Outcome(source, null, null, null, reason);
    }
}
