package dev.pika.cli.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.cli.common.Display;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.contract.Finding;
import dev.pika.contract.Rule;
import dev.pika.contract.Severity;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.validate.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Per-rule control of the lint: {@code --disable-rule RULE} drops the warnings of a rule ({@code lint}: of every
 * rule), {@code --enable-rule RULE} keeps them even when disabled (so {@code --disable-rule lint --enable-rule
 * seq-order} keeps one). Errors are the reference decoder's verdict and cannot be disabled: a rule that only
 * gives errors is a usage error (exit 2), as is an id the registry ({@link Rule}) does not know; a rule that gives
 * both ({@code unknown-field}) loses only its warnings. Also {@code --list-rules}: the registry as a table or JSON.
 */
final class RuleSelection {
    /** The id that stands for every lint rule. */
    static final String LINT = "lint";
    /** No rule disabled. */
    static final RuleSelection ALL = new RuleSelection(Set.of(), Set.of());

    private final Set<String> disabled;
    private final Set<String> enabled;

    private RuleSelection(Set<String> disabled, Set<String> enabled) {
        this.disabled = disabled;
        this.enabled = enabled;
    }

    /**
     * @param disable the {@code --disable-rule} values (may be null)
     * @param enable  the {@code --enable-rule} values (may be null)
     * @return the selection
     * @throws UserException exit 2 for an unknown id or a rule that only gives errors
     */
    static RuleSelection of(List<String> disable, List<String> enable) {
        Set<String> d = new HashSet<>();
        for (String id : disable == null ? List.<String>of() : disable) {
            if (!id.equals(LINT) && known(id).severity().orElse(null) == Severity.ERROR) {
                throw new UserException(ExitCodes.USAGE, "--disable-rule " + Display.escape(id) + ": `" + id
                        + "` gives errors, the reference decoder's verdict; only lint (warning) rules can be "
                        + "disabled (pika validate --list-rules)");
            }
            d.add(id);
        }
        Set<String> e = new HashSet<>();
        for (String id : enable == null ? List.<String>of() : enable) {
            if (!id.equals(LINT)) {
                known(id);
            }
            e.add(id);
        }
        return d.isEmpty() ? ALL : new RuleSelection(Set.copyOf(d), Set.copyOf(e));
    }

    private static Rule known(String id) {
        return Rule.byId(id).orElseThrow(() -> new UserException(ExitCodes.USAGE, "unknown rule `"
                + Display.escape(id) + "` (pika validate --list-rules lists them)"));
    }

    /** @return whether the finding is a warning this selection drops */
    boolean drops(Finding f) {
        return f.severity() == Severity.WARNING && !enabled.contains(f.rule()) && !enabled.contains(LINT)
                && (disabled.contains(f.rule()) || disabled.contains(LINT));
    }

    /** @return the outcome without the dropped warnings */
    Outcome apply(Outcome o) {
        if (this == ALL || o.report() == null || o.report().findings().stream().noneMatch(this::drops)) {
            return o;
        }
        ValidationReport r = o.report();
        List<Finding> kept = r.findings().stream().filter(f -> !drops(f)).toList();
        return new Outcome(o.source(), o.kind(), new ValidationReport(r.source(), r.kind(), kept), o.unreadable(),
                o.skipped());
    }

    /**
     * {@code --list-rules}: every registered rule, in registry order.
     *
     * @param out  standard output
     * @param json JSON ({@code [{"id", "severity", "description"}]}) instead of an aligned table
     */
    static void list(PrintWriter out, boolean json) {
        if (json) {
            try (JsonGenerator g = new JsonFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                g.setPrettyPrinter(ContractCodec.serdePrettyPrinter());
                g.writeStartArray();
                for (Rule r : Rule.values()) {
                    g.writeStartObject();
                    g.writeStringField("id", r.id());
                    g.writeStringField("severity", severity(r));
                    g.writeStringField("description", plain(r.doc()));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
        } else {
            int width = 0;
            for (Rule r : Rule.values()) {
                width = Math.max(width, r.id().length());
            }
            out.println(String.format("%-" + width + "s  %-8s  %s", "RULE", "SEVERITY", "WHAT"));
            for (Rule r : Rule.values()) {
                out.println(String.format("%-" + width + "s  %-8s  %s", r.id(), severity(r), plain(r.doc())));
            }
        }
        out.flush();
    }

    /** @return {@code error}, {@code warning} or {@code varies} (the case decides) */
    private static String severity(Rule r) {
        return r.severity().map(Severity::label).orElse("varies");
    }

    /** @return a registry description without its Markdown links ({@code [text](target)} → {@code text}) */
    private static String plain(String doc) {
        return doc.replaceAll("\\[([^\\]]+)\\]\\([^)]+\\)", "$1");
    }
}
