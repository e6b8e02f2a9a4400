package dev.pika.cli.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.validate.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Prints validation outcomes in the three output formats. */
final class ReportPrinter {
    /** jackson-core only: an ObjectMapper costs ~50 ms of start-up and the report needs no data binding. */
    private static final JsonFactory JSON = new JsonFactory();

    /** What a command prints about a valid or invalid document besides its findings (none by default). */
    interface Details {
        /** Text and github formats: lines printed after the document's findings. */
        default void text(ValidationReport report, PrintWriter out) {
        }

        /** JSON format: fields written into the document's object after {@code findings}. */
        default void json(ValidationReport report, JsonGenerator g) throws IOException {
        }
    }

    private static final Details NONE = new Details() {
    };

    private final PrintWriter out;
    private final OutputFormat format;
    private final boolean strict;
    private final boolean quiet;
    private final Details details;

    ReportPrinter(PrintWriter out, OutputFormat format, boolean strict, boolean quiet) {
        this(out, format, strict, quiet, NONE);
    }

    ReportPrinter(PrintWriter out, OutputFormat format, boolean strict, boolean quiet, Details details) {
        this.out = out;
        this.format = format;
        this.strict = strict;
        this.quiet = quiet;
        this.details = details;
    }

    /** The effective severity under {@code --strict}. */
    Finding effective(Finding f) {
        return strict && f.severity() == Severity.WARNING ? f.withSeverity(Severity.ERROR) : f;
    }

    /** Prints one document's findings as soon as it is done (text and github formats). */
    void document(Outcome o) {
        if (format == OutputFormat.json || o.unreadable() != null) {
            return;
        }
        for (Finding raw : o.report().findings()) {
            Finding f = effective(raw);
            if (quiet && f.severity() != Severity.ERROR) {
                continue;
            }
            if (format == OutputFormat.text) {
                out.println(f.toCompilerString());
            } else {
                out.println(github(f));
            }
        }
        details.text(o.report(), out);
    }

    /** Prints the closing summary (text, github) or the whole JSON document. */
    void finish(List<Outcome> outcomes) {
        int valid = 0;
        int invalid = 0;
        int unreadable = 0;
        int errors = 0;
        int warnings = 0;
        for (Outcome o : outcomes) {
            if (o.unreadable() != null) {
                unreadable++;
                continue;
            }
            if (o.report().valid(strict)) {
                valid++;
            } else {
                invalid++;
            }
            for (Finding f : o.report().findings()) {
                if (effective(f).severity() == Severity.ERROR) {
                    errors++;
                } else {
                    warnings++;
                }
            }
        }
        if (format == OutputFormat.json) {
            json(outcomes, valid, invalid, unreadable, errors, warnings);
            return;
        }
        if (quiet) {
            out.flush();
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(valid).append(" valid, ").append(invalid).append(" invalid");
        if (unreadable > 0) {
            sb.append(", ").append(unreadable).append(" unreadable");
        }
        sb.append(" (").append(errors).append(errors == 1 ? " error, " : " errors, ")
                .append(warnings).append(warnings == 1 ? " warning)" : " warnings)");
        out.println(sb);
        out.flush();
    }

    private static String github(Finding f) {
        StringBuilder sb = new StringBuilder("::").append(f.severity() == Severity.ERROR ? "error" : "warning");
        sb.append(" file=").append(ghProperty(f.source()));
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
        sb.append(",title=").append(ghProperty(f.rule()));
        String msg = f.message() + (f.pointer().isEmpty() ? "" : " (at " + f.pointer() + ")")
                + (f.hint() == null ? "" : "\nhint: " + f.hint());
        sb.append("::").append(ghData(msg));
        return sb.toString();
    }

    private static String ghData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String ghProperty(String s) {
        return ghData(s).replace(":", "%3A").replace(",", "%2C");
    }

    private void json(List<Outcome> outcomes, int valid, int invalid, int unreadable, int errors, int warnings) {
        // the generator must not close stdout when it is done
        try (JsonGenerator g = JSON.createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.setPrettyPrinter(ContractCodec.serdePrettyPrinter());
            g.writeStartObject();
            g.writeBooleanField("valid", invalid == 0 && unreadable == 0);
            g.writeBooleanField("strict", strict);
            g.writeObjectFieldStart("summary");
            g.writeNumberField("valid", valid);
            g.writeNumberField("invalid", invalid);
            g.writeNumberField("unreadable", unreadable);
            g.writeNumberField("errors", errors);
            g.writeNumberField("warnings", warnings);
            g.writeEndObject();
            g.writeArrayFieldStart("documents");
            for (Outcome o : outcomes) {
                g.writeStartObject();
                g.writeStringField("source", o.source());
                g.writeStringField("kind", o.kind() == null ? null : o.kind().id());
                if (o.unreadable() != null) {
                    g.writeBooleanField("valid", false);
                    g.writeStringField("error", o.unreadable());
                    g.writeEndObject();
                    continue;
                }
                g.writeBooleanField("valid", o.report().valid(strict));
                g.writeArrayFieldStart("findings");
                for (Finding raw : o.report().findings()) {
                    Finding f = effective(raw);
                    if (quiet && f.severity() != Severity.ERROR) {
                        continue;
                    }
                    g.writeStartObject();
                    g.writeStringField("severity", f.severity().label());
                    g.writeStringField("rule", f.rule());
                    g.writeNumberField("line", f.line());
                    g.writeNumberField("column", f.column());
                    g.writeNumberField("end_line", f.endLine());
                    g.writeNumberField("end_column", f.endColumn());
                    g.writeStringField("pointer", f.pointer());
                    g.writeStringField("message", f.message());
                    if (f.hint() != null) {
                        g.writeStringField("hint", f.hint());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                details.json(o.report(), g);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
