package dev.pika.contract.validate;

import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import java.util.List;

/**
 * The outcome of validating one source.
 *
 * @param source   the source name as given (a path or {@code <stdin>})
 * @param kind     the document kind checked
 * @param findings every finding, in source order within each pass
 */
public record ValidationReport(String source, DocumentKind kind, List<Finding> findings) {
    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /**
     * @param strict whether warnings count as errors ({@code --strict})
     * @return true when the document passes: no errors (under strict: no findings at all)
     */
    public boolean valid(boolean strict) {
        for (Finding f : findings) {
            if (strict || f.severity() == Severity.ERROR) {
                return false;
            }
        }
        return true;
    }

    /** @return the reference decoder's verdict: true when there is no error finding */
    public boolean acceptedByReference() {
        return valid(false);
    }

    /** @return the number of findings with {@code severity} */
    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
