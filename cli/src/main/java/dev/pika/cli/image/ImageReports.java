package dev.pika.cli.image;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.contract.model.ContractCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the image commands print on stdout (data) and, for the closing summary, stderr: the dry-run plan, the
 * import summary, the alias's image list, rollback and prune results, and the JSON error object — each as text
 * or JSON ({@code --format}). JSON is written with jackson-core only (an ObjectMapper would load
 * jackson-databind at every start, ~50 ms), pretty-printed like serde_json.
 */
final class ImageReports {
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private ImageReports() {
    }

    static String json(JsonBody body) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON_FACTORY.createGenerator(w).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.setPrettyPrinter(ContractCodec.serdePrettyPrinter());
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void map(JsonGenerator g, String field, Map<String, String> values) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : values.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** {@code {"error": {"message", "exit_code"}, "action", "role"}}: printed on stdout under --format json. */
    static String error(String action, String role, String message, String hint, int exitCode) {
        return json(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("message", message);
            nullable(g, "hint", hint);
            g.writeNumberField("exit_code", exitCode);
            g.writeEndObject();
            nullable(g, "action", action);
            nullable(g, "role", role);
            g.writeEndObject();
        });
    }

    // ---- dry-run plan ---------------------------------------------------------------------------------------

    static void plan(PrintStream out, List<Runner.Planned> plan, ImageSettings s, Path recordOut, boolean json) {
        if (json) {
            out.println(planJson(plan, s, recordOut));
            return;
        }
        out.println("# " + s.action().word() + " --role " + s.role().id() + ": dry run, nothing was executed");
        out.println("# temp dirs are shown as their mktemp template; fingerprints as " + IncusOps.NEW_FP
                + " / " + IncusOps.PREVIOUS_FP);
        String lastPhase = null;
        for (Runner.Planned planned : plan) {
            List<Step> pipeline = planned.pipeline();
            if (planned.phase() != null && !planned.phase().equals(lastPhase)) {
                out.println();
                out.println("# " + planned.phase());
                lastPhase = planned.phase();
            }
            for (Step step : pipeline) {
                if (step.note() != null && !step.note().isEmpty()) {
                    out.println("# " + step.note());
                }
            }
            out.println(String.join(" | ", pipeline.stream().map(Step::shellLine).toList()));
        }
        if (recordOut != null) {
            out.println("# then write the image record to " + recordOut);
        }
    }

    private static String planJson(List<Runner.Planned> plan, ImageSettings s, Path recordOut) {
        return json(g -> {
            g.writeStartObject();
            g.writeBooleanField("dry_run", true);
            g.writeStringField("action", s.action().word());
            g.writeStringField("role", s.role().id());
            g.writeArrayFieldStart("plan");
            for (Runner.Planned planned : plan) {
                g.writeStartObject();
                if (planned.phase() != null) {
                    g.writeStringField("phase", planned.phase());
                }
                g.writeArrayFieldStart("pipeline");
                for (Step step : planned.pipeline()) {
                    g.writeStartObject();
                    strings(g, "argv", step.argv());
                    if (step.remoteArgv() != null) {
                        strings(g, "remote_argv", step.remoteArgv());
                    }
                    if (step.note() != null && !step.note().isEmpty()) {
                        g.writeStringField("note", step.note());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (recordOut != null) {
                g.writeStringField("record_out", recordOut.toString());
            }
            g.writeEndObject();
        });
    }

    // ---- build / import summary -----------------------------------------------------------------------------

    private static double ms(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    static String summaryJson(ImageSettings s, ImageWorkflow.Outcome o, List<Phases.Timing> phases,
                              Path recordOut, double seconds) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("action", s.action().word());
            g.writeStringField("role", s.role().id());
            if (s.action() == ImageSettings.Action.BUILD) {
                g.writeStringField("installable", s.installable(s.flake()));
                g.writeStringField("out_link", o.builtPath());
            } else {
                nullable(g, "remote_host", s.local() ? null : s.host());
                nullable(g, "remote", s.remote());
                g.writeStringField("project", s.project());
                g.writeStringField("alias", s.alias());
                g.writeStringField("fingerprint", o.fingerprint());
                nullable(g, "previous_fingerprint", o.previousFingerprint());
                g.writeBooleanField("alias_moved", o.aliasMoved());
                g.writeBooleanField("previous_deleted", o.previousDeleted());
                strings(g, "pruned", o.pruned());
                map(g, "provenance", o.provenance());
                if (o.warning() != null) {
                    g.writeStringField("warning", o.warning());
                }
                if (recordOut != null) {
                    g.writeStringField("record_out", recordOut.toString());
                }
            }
            phasesJson(g, phases);
            g.writeNumberField("seconds", ms(seconds));
            g.writeEndObject();
        });
    }

    private static void phasesJson(JsonGenerator g, List<Phases.Timing> phases) throws IOException {
        g.writeArrayFieldStart("phases");
        for (Phases.Timing t : phases) {
            g.writeStartObject();
            g.writeNumberField("number", t.number());
            g.writeStringField("phase", t.name());
            g.writeNumberField("seconds", ms(t.seconds()));
            g.writeNumberField("tool_seconds", ms(t.toolSeconds()));
            g.writeNumberField("overhead_seconds", ms(t.overheadSeconds()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static String summaryText(ImageSettings s, ImageWorkflow.Outcome o, double seconds) {
        String took = String.format(Locale.ROOT, " (%.1fs)", seconds);
        if (s.action() == ImageSettings.Action.BUILD) {
            return "built " + o.builtPath() + took;
        }
        StringBuilder sb = new StringBuilder("alias " + s.alias() + " (project " + s.project() + ") -> "
                + o.fingerprint());
        if (o.previousFingerprint() == null) {
            sb.append(", new alias");
        } else if (!o.aliasMoved()) {
            sb.append(", unchanged");
        } else {
            sb.append(", was ").append(o.previousFingerprint())
                    .append(o.previousDeleted() ? " (deleted)" : " (kept)");
        }
        if (!o.pruned().isEmpty()) {
            sb.append("; pruned ").append(o.pruned().size()).append(" older image(s)");
        }
        return sb.append(took).toString();
    }

    /** @return one line: pika's own time per phase next to the tools' ({@code overhead: 0.12s of 4.9s: …}) */
    static String overheadText(List<Phases.Timing> phases) {
        double total = 0;
        double own = 0;
        StringBuilder per = new StringBuilder();
        for (Phases.Timing t : phases) {
            total += t.seconds();
            own += t.overheadSeconds();
            per.append(per.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "[%d] %.2fs/%.2fs",
                    t.number(), t.overheadSeconds(), t.seconds()));
        }
        return String.format(Locale.ROOT, "pika's own time %.2fs of %.2fs (tools %.2fs); per phase own/total: %s",
                own, total, total - own, per);
    }

    // ---- list / rollback / prune ----------------------------------------------------------------------------

    static String listJson(ImageSettings s, ImageHistory.Listing l) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("role", s.role().id());
            g.writeStringField("project", s.project());
            g.writeStringField("alias", s.alias());
            nullable(g, "remote_host", s.local() ? null : s.host());
            nullable(g, "remote", s.remote());
            nullable(g, "target", l.target());
            g.writeArrayFieldStart("images");
            for (ImageHistory.Entry e : l.entries()) {
                g.writeStartObject();
                g.writeStringField("fingerprint", e.image().fingerprint());
                g.writeBooleanField("current", e.current());
                g.writeStringField("uploaded_at", e.image().uploadedAt());
                strings(g, "aliases", e.image().aliases());
                g.writeBooleanField("used_by_instance", e.used());
                g.writeObjectFieldStart("provenance");
                for (String k : Provenance.KEYS) {
                    String v = e.image().properties().get(k);
                    if (v != null) {
                        g.writeStringField(k, v);
                    }
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String listText(ImageSettings s, ImageHistory.Listing l) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  %-12s  %-20s  %-20s  %-14s  %s%n", "FINGERPRINT", "IMPORTED",
                "REVISION", "BUILD HOST", "NOTES"));
        for (ImageHistory.Entry e : l.entries()) {
            Map<String, String> p = e.image().properties();
            String rev = p.getOrDefault(Provenance.REVISION, "-");
            rev = rev.length() > 12 ? rev.substring(0, 12) : rev;
            if ("true".equals(p.get(Provenance.DIRTY))) {
                rev += " (dirty)";
            }
            String imported = p.getOrDefault(Provenance.IMPORTED_AT, e.image().uploadedAt());
            imported = imported.length() > 20 ? imported.substring(0, 19) + "Z" : imported;
            StringBuilder notes = new StringBuilder();
            if (e.current()) {
                notes.append("alias ").append(s.alias());
            }
            if (e.used()) {
                notes.append(notes.length() == 0 ? "" : "; ").append("used by an instance");
            }
            if (!p.containsKey(Provenance.ALIAS)) {
                notes.append(notes.length() == 0 ? "" : "; ").append("no provenance");
            }
            sb.append(String.format(Locale.ROOT, "%s %-12s  %-20s  %-20s  %-14s  %s%n", e.current() ? "*" : " ",
                    e.image().fingerprint().substring(0, 12), imported, rev,
                    Texts.abbreviate(p.getOrDefault(Provenance.BUILD_HOST, "-"), 14), notes));
        }
        return sb.toString();
    }

    static String rollbackJson(ImageSettings s, ImageHistory.Rollback r, boolean dryRun) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("action", "rollback");
            g.writeStringField("project", s.project());
            g.writeStringField("alias", s.alias());
            nullable(g, "remote", s.remote());
            g.writeStringField("from", r.from());
            g.writeStringField("to", r.to());
            g.writeBooleanField("moved", r.moved());
            g.writeBooleanField("dry_run", dryRun);
            g.writeEndObject();
        });
    }

    static String rollbackText(ImageSettings s, ImageHistory.Rollback r, boolean dryRun) {
        if (r.from().equals(r.to())) {
            return "alias " + s.alias() + " (project " + s.project() + ") already points at " + r.to();
        }
        return (dryRun ? "would move " : "moved ") + "alias " + s.alias() + " (project " + s.project() + ") from "
                + r.from() + " to " + r.to() + "; nothing deleted";
    }

    static String pruneJson(ImageSettings s, IncusOps.Pruned p, boolean dryRun) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("action", "prune");
            g.writeStringField("project", s.project());
            g.writeStringField("alias", s.alias());
            nullable(g, "remote", s.remote());
            g.writeNumberField("keep", s.keep());
            g.writeBooleanField("dry_run", dryRun);
            strings(g, "deleted", p.deleted());
            strings(g, "kept", p.kept());
            g.writeEndObject();
        });
    }

    static String pruneText(IncusOps.Pruned p, boolean dryRun) {
        StringBuilder sb = new StringBuilder();
        for (String fp : p.deleted()) {
            sb.append(dryRun ? "would delete " : "deleted ").append(fp).append('\n');
        }
        for (String k : p.kept()) {
            sb.append("kept ").append(k).append('\n');
        }
        if (p.deleted().isEmpty()) {
            sb.append("nothing to prune\n");
        }
        return sb.toString();
    }

    /**
     * @param recordJson the §6 image record as {@code ImageRecord.toPrettyJson()} writes it (string fields only)
     * @param provenance the import's provenance
     * @return the record with a {@code provenance} object added (readers of §6 ignore unknown fields)
     */
    static String recordWithProvenance(String recordJson, Map<String, String> provenance) {
        com.fasterxml.jackson.databind.JsonNode record = IncusJson.parse(recordJson, "the image record");
        return json(g -> {
            g.writeStartObject();
            var fields = record.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                g.writeStringField(f.getKey(), f.getValue().asText());
            }
            map(g, "provenance", provenance);
            g.writeEndObject();
        }) + (recordJson.endsWith("\n") ? "\n" : "");
    }
}
