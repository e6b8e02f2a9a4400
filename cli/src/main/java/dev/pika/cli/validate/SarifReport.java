package dev.pika.cli.validate;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.cli.common.VersionProvider;
import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format sarif}: a SARIF 2.1.0 log (OASIS; what GitHub code scanning and other code-scanning uploads
 * take), written when all inputs are done. One run of the tool {@code pika}; {@code tool.driver.rules} lists the
 * rule ids that occur, in order of first occurrence; one {@code result} per finding shown: {@code ruleId},
 * {@code ruleIndex}, {@code level} ({@code error} or {@code warning}, after {@code --strict}), the message with the
 * JSON pointer and the hint, and a physical location: the path as given, as a relative URI reference, and the
 * region from the finding's first byte ({@code startLine}, {@code startColumn}) to its last ({@code endLine},
 * {@code endColumn} one past it, as SARIF counts). Columns count bytes, as in every pika format: the same as
 * SARIF's default UTF-16 columns on ASCII lines. The pointer and the hint are also in the result's
 * {@code properties}. An input that could not be read or classified is a {@code toolExecutionNotification} of
 * level {@code error}, and makes the invocation's {@code executionSuccessful} false. Strings are escaped by JSON's
 * rules.
 */
final class SarifReport extends JsonDocumentReport {
    /** The schema a SARIF 2.1.0 log names. */
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    SarifReport(Settings settings) {
        super(settings);
    }

    @Override
    void write(JsonGenerator g, List<Outcome> outcomes, Summary s) throws IOException {
        Map<String, Integer> rules = new LinkedHashMap<>();
        List<Finding> results = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.report() != null) {
                for (Finding f : settings.shown(o.report())) {
                    rules.putIfAbsent(f.rule(), rules.size());
                    results.add(f);
                }
            }
        }
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA);
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        tool(g, rules);
        invocation(g, outcomes);
        g.writeArrayFieldStart("results");
        for (Finding f : results) {
            result(g, f, rules.get(f.rule()));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void tool(JsonGenerator g, Map<String, Integer> rules) throws IOException {
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "pika");
        g.writeStringField("version", VersionProvider.version());
        g.writeArrayFieldStart("rules");
        for (String id : rules.keySet()) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void invocation(JsonGenerator g, List<Outcome> outcomes) throws IOException {
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        boolean ok = outcomes.stream().allMatch(o -> o.unreadable() == null);
        g.writeBooleanField("executionSuccessful", ok);
        g.writeArrayFieldStart("toolExecutionNotifications");
        for (Outcome o : outcomes) {
            if (o.unreadable() != null) {
                g.writeStartObject();
                g.writeStringField("level", "error");
                g.writeObjectFieldStart("message");
                g.writeStringField("text", o.unreadable());
                g.writeEndObject();
                g.writeArrayFieldStart("locations");
                g.writeStartObject();
                g.writeObjectFieldStart("physicalLocation");
                artifact(g, o.source());
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void result(JsonGenerator g, Finding f, int ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", f.severity() == Severity.ERROR ? "error" : "warning");
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message() + (f.pointer().isEmpty() ? "" : " (at " + f.pointer() + ")")
                + (f.hint() == null || f.hint().isEmpty() ? "" : "\nhint: " + f.hint()));
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        artifact(g, f.source());
        if (f.line() > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", f.line());
            if (f.column() > 0) {
                g.writeNumberField("startColumn", f.column());
            }
            if (f.endLine() >= f.line()) {
                g.writeNumberField("endLine", f.endLine());
                if (f.endColumn() > 0) {
                    // SARIF's endColumn is the column after the last character; pika's is the last byte's
                    g.writeNumberField("endColumn", f.endColumn() + 1);
                }
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("properties");
        g.writeStringField("pointer", f.pointer());
        if (f.hint() != null) {
            g.writeStringField("hint", f.hint());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** The input as an artifact location: a relative URI reference (RFC 3986: spaces and the like percent-encoded). */
    private static void artifact(JsonGenerator g, String source) throws IOException {
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(source));
        g.writeEndObject();
    }

    /** @return {@code path} as a URI reference: unreserved characters and {@code /} kept, the rest percent-encoded */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
