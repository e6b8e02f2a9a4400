package dev.pika.cli.validate;

import dev.pika.cli.common.Display;
import dev.pika.contract.Finding;
import dev.pika.contract.Severity;

/**
 * {@code --format github}: one GitHub Actions workflow command per finding
 * ({@code ::error file=PATH,line=L,col=C,title=RULE::message}), then the text summary line. Property and data
 * values are encoded as the runner expects (%, CR, LF; also : and , in properties), and control characters from the
 * input are escaped first ({@link Display}), so a document cannot inject a workflow command or a terminal escape.
 */
final class GithubReport extends TextReport {
    GithubReport(Settings settings) {
        super(settings);
    }

    @Override
    String line(Finding f) {
        StringBuilder sb = new StringBuilder("::").append(f.severity() == Severity.ERROR ? "error" : "warning");
        sb.append(" file=").append(property(f.source()));
        if (f.line() > 0) {
            sb.append(",line=").append(f.line());
            if (f.column() > 0) {
                sb.append(",col=").append(f.column());
            }
            if (f.endLine() > 0) {
                sb.append(",endLine=").append(f.endLine());
            }
            if (f.endColumn() > 0 && f.endLine() == f.line()) {
                sb.append(",endColumn=").append(f.endColumn());
            }
        }
        sb.append(",title=").append(property(f.rule()));
        String msg = Display.escape(f.message()) + (f.pointer().isEmpty() ? "" : " (at " + Display.escape(f.pointer())
                + ")") + (f.hint() == null ? "" : "\nhint: " + Display.escape(f.hint()));
        sb.append("::").append(data(msg));
        return sb.toString();
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(Display.escape(s)).replace(":", "%3A").replace(",", "%2C");
    }
}
