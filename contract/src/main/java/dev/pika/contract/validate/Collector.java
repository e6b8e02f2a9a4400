package dev.pika.contract.validate;

import dev.pika.contract.Finding;
import dev.pika.contract.Rule;
import dev.pika.contract.Severity;
import java.util.ArrayList;
import java.util.List;

/** Collects the findings for one source, in the order they were found. */
final class Collector {
    private final String source;
    private final List<Finding> findings = new ArrayList<>();
    private int errors;
    private int dropped;
    private int droppedErrors;

    /** Findings kept per source; beyond this only counts are kept, so memory stays bounded. */
    static final int MAX_FINDINGS = 1000;

    Collector(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void add(Severity severity, String rule, int line, int column, int endLine, int endColumn, String pointer,
             String message, String hint) {
        assert registered(rule, severity) : "rule `" + rule + "` as " + severity + " is not in the registry "
                + "(dev.pika.contract.Rule)";
        if (severity == Severity.ERROR) {
            errors++;
        }
        if (findings.size() >= MAX_FINDINGS) {
            dropped++;
            if (severity == Severity.ERROR) {
                droppedErrors++;
            }
            return;
        }
        findings.add(new Finding(severity, rule, source, line, column, endLine, endColumn, pointer, message, hint));
    }

    /** A finding under a rule of fixed severity, at a node. */
    void add(Rule rule, Node at, String message, String hint) {
        Severity severity = rule.severity().orElseThrow(() -> new IllegalArgumentException(rule + " has no fixed "
                + "severity"));
        add(severity, rule.id(), at.line, at.column, at.endLine, at.endColumn, at.pointer(), message, hint);
    }

    /** @return true when {@code rule} is in the registry and allows {@code severity} */
    static boolean registered(String rule, Severity severity) {
        return Rule.byId(rule).map(r -> r.severity().map(s -> s == severity).orElse(true)).orElse(false);
    }

    void error(String rule, Node at, String message, String hint) {
        add(Severity.ERROR, rule, at.line, at.column, at.endLine, at.endColumn, at.pointer(), message, hint);
    }

    void warning(String rule, Node at, String message, String hint) {
        add(Severity.WARNING, rule, at.line, at.column, at.endLine, at.endColumn, at.pointer(), message, hint);
    }

    /** A point to roll back to: findings and counters as they were. */
    record Mark(int size, int errors, int dropped, int droppedErrors) {
    }

    Mark mark() {
        return new Mark(findings.size(), errors, dropped, droppedErrors);
    }

    /** Forgets everything recorded since {@code m}. */
    void reset(Mark m) {
        findings.subList(m.size(), findings.size()).clear();
        errors = m.errors();
        dropped = m.dropped();
        droppedErrors = m.droppedErrors();
    }

    int errorCount() {
        return errors;
    }

    /** @return the findings, ending with a summary finding when some were dropped */
    List<Finding> findings() {
        if (dropped == 0) {
            return findings;
        }
        List<Finding> all = new ArrayList<>(findings);
        all.add(new Finding(droppedErrors > 0 ? Severity.ERROR : Severity.WARNING, "too-many-findings", source,
                0, 0, 0, 0, "", dropped + " more findings (" + droppedErrors + " errors) not shown: only the first "
                        + MAX_FINDINGS + " are kept", null));
        return all;
    }
}
