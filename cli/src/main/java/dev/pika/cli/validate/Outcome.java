package dev.pika.cli.validate;

import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.ValidationReport;

/**
 * What happened to one input: a report, or the reason it could not be read.
 *
 * @param source     the name as given on the command line ({@code <stdin>} for {@code -})
 * @param kind       the kind it was checked as (null when it could not be determined)
 * @param report     the validation report, or null when unreadable
 * @param unreadable why the input could not be read or classified, or null
 */
public record Outcome(String source, DocumentKind kind, ValidationReport report, String unreadable) {
}
