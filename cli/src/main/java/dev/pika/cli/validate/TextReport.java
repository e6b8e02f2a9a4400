package dev.pika.cli.validate;

import dev.pika.cli.common.Display;
import dev.pika.contract.Finding;
import java.util.List;

/**
 * {@code --format text}: compiler style, {@code PATH:LINE:COL: error[rule-id]: message (at /pointer)} with the hint
 * indented under it, then a summary line. Subclasses print findings in another line format. Every part that comes from the input is escaped ({@link Display}).
 */
class TextReport implements ReportWriter {
    /** What to print, and where. */
    protected final Settings settings;

    TextReport(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void document(Outcome o) {
        if (o.skipped() != null) {
            if (!settings.quiet()) {
                settings.out().println(Display.escape(o.source()) + ": skipped: " + o.skipped());
            }
        } else if (o.unreadable() == null) {
            for (Finding f : settings.shown(o.report())) {
                settings.out().println(line(f));
            }
            settings.details().text(o.report(), settings.out());
        }
    }

    /**
     * @param f a finding with its effective severity
     * @return the finding as one compiler-style line (two with a hint), control characters escaped
     */
    String line(Finding f) {
        StringBuilder sb = new StringBuilder(Display.escape(f.source()));
        if (f.line() > 0) {
            sb.append(':').append(f.line());
            if (f.column() > 0) {
                sb.append(':').append(f.column());
            }
        }
        sb.append(": ").append(f.severity().label()).append('[').append(Display.escape(f.rule())).append("]: ")
                .append(Display.escape(f.message()));
        if (!f.pointer().isEmpty()) {
            sb.append(" (at ").append(Display.escape(f.pointer())).append(')');
        }
        if (f.hint() != null && !f.hint().isEmpty()) {
            sb.append(System.lineSeparator()).append("    hint: ").append(Display.escape(f.hint()));
        }
        return sb.toString();
    }

    @Override
    public void finish(List<Outcome> outcomes, Summary s) {
        if (!settings.quiet()) {
            StringBuilder sb = new StringBuilder();
            sb.append(s.valid()).append(" valid, ").append(s.invalid()).append(" invalid");
            if (s.unreadable() > 0) {
                sb.append(", ").append(s.unreadable()).append(" unreadable");
            }
            if (s.skipped() > 0) {
                sb.append(", ").append(s.skipped()).append(" skipped");
            }
            sb.append(" (").append(s.errors()).append(s.errors() == 1 ? " error, " : " errors, ")
                    .append(s.warnings()).append(s.warnings() == 1 ? " warning)" : " warnings)");
            settings.out().println(sb);
        }
        settings.out().flush();
    }
}
