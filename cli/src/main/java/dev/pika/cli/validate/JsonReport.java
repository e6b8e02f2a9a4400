package dev.pika.cli.validate;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.contract.Finding;
import java.io.IOException;
import java.util.List;

/**
 * {@code --format json}: one JSON document (ending with a newline) with the summary and every input's findings,
 * written when all inputs are done. Strings are escaped by JSON's rules, control characters included.
 */
final class JsonReport extends JsonDocumentReport {
    JsonReport(Settings settings) {
        super(settings);
    }

    @Override
    void write(JsonGenerator g, List<Outcome> outcomes, Summary s) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("valid", s.allValid());
        g.writeBooleanField("strict", settings.strict());
        g.writeObjectFieldStart("summary");
        g.writeNumberField("valid", s.valid());
        g.writeNumberField("invalid", s.invalid());
        g.writeNumberField("unreadable", s.unreadable());
        g.writeNumberField("skipped", s.skipped());
        g.writeNumberField("errors", s.errors());
        g.writeNumberField("warnings", s.warnings());
        g.writeEndObject();
        g.writeArrayFieldStart("documents");
        for (Outcome o : outcomes) {
            g.writeStartObject();
            g.writeStringField("source", o.source());
            g.writeStringField("kind", o.kind() != null ? o.kind().id() : o.report() != null ? "state-dir" : null);
            if (o.skipped() != null) {
                g.writeStringField("skipped", o.skipped());
                g.writeEndObject();
                continue;
            }
            if (o.unreadable() != null) {
                g.writeBooleanField("valid", false);
                g.writeStringField("error", o.unreadable());
                g.writeEndObject();
                continue;
            }
            g.writeBooleanField("valid", o.report().valid(settings.strict()));
            g.writeArrayFieldStart("findings");
            for (Finding f : settings.shown(o.report())) {
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
            settings.details().json(o.report(), g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
