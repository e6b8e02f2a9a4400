package dev.pika.cli.validate;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import dev.pika.contract.validate.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Writes validation outcomes in one output format ({@link ReportFormat}). The run loop calls {@link #document}
 * for each input in command-line order as soon as it is checked, then {@link #finish} once. One class per format,
 * like kubeconform's {@code pkg/output}.
 */
public interface ReportWriter {
    /**
     * One input is done (text formats print its findings now, so a long run shows progress).
     *
     * @param outcome the input's outcome
     */
    void document(Outcome outcome);

    /**
     * Every input is done: print the summary (text formats) or the whole document (JSON and other whole-document
     * formats), and flush.
     *
     * @param outcomes every outcome, in command-line order
     * @param summary  the counts over {@code outcomes}
     */
    void finish(List<Outcome> outcomes, Summary summary);

    /** What a command prints about a document besides its findings (none by default). */
    interface Details {
        /** No details. */
        Details NONE = new Details() {
        };

        /**
         * Text formats: lines printed after the document's findings.
         *
         * @param report the document's report
         * @param out    standard output
         */
        default void text(ValidationReport report, PrintWriter out) {
        }

        /**
         * JSON format: fields written into the document's object after {@code findings}.
         *
         * @param report the document's report
         * @param g      the generator, inside the document's object
         * @throws IOException from the generator
         */
        default void json(ValidationReport report, JsonGenerator g) throws IOException {
        }
    }

    /**
     * What every writer is given.
     *
     * @param out     standard output
     * @param strict  {@code --strict}: warnings count as errors
     * @param quiet   {@code --quiet}: errors only, no summary
     * @param details the command's extra output
     */
    record Settings(PrintWriter out, boolean strict, boolean quiet, Details details) {
        /**
         * @param f a finding as the validator reported it
         * @return the finding with its effective severity (a warning is an error under {@code --strict})
         */
        public Finding effective(Finding f) {
            return strict && f.severity() == Severity.WARNING ? f.withSeverity(Severity.ERROR) : f;
        }

        /**
         * @param report a document's report
         * @return its findings to print: effective severities, warnings left out under {@code --quiet}
         */
        public List<Finding> shown(ValidationReport report) {
            return report.findings().stream().map(this::effective)
                    .filter(f -> !quiet || f.severity() == Severity.ERROR).toList();
        }
    }

    /**
     * Counts over all inputs.
     *
     * @param valid      valid documents
     * @param invalid    invalid documents
     * @param unreadable inputs that could not be read or classified
     * @param skipped    directory entries the command does not check
     * @param errors     findings with effective severity error
     * @param warnings   the other findings
     */
    record Summary(int valid, int invalid, int unreadable, int skipped, int errors, int warnings) {
        /**
         * @param outcomes every outcome
         * @param settings for the effective severities
         * @return the counts
         */
        public static Summary of(List<Outcome> outcomes, Settings settings) {
            int valid = 0;
            int invalid = 0;
            int unreadable = 0;
            int skipped = 0;
            int errors = 0;
            int warnings = 0;
            for (Outcome o : outcomes) {
                if (o.unreadable() != null) {
                    unreadable++;
                    continue;
                }
                if (o.skipped() != null) {
                    skipped++;
                    continue;
                }
                if (o.report().valid(settings.strict())) {
                    valid++;
                } else {
                    invalid++;
                }
                for (Finding f : o.report().findings()) {
                    if (settings.effective(f).severity() == Severity.ERROR) {
                        errors++;
                    } else {
                        warnings++;
                    }
                }
            }
            return new Summary(valid, invalid, unreadable, skipped, errors, warnings);
        }

        /** @return whether every input was read and valid */
        public boolean allValid() {
            return invalid == 0 && unreadable == 0;
        }
    }
}
