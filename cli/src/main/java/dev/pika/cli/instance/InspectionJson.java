package dev.pika.cli.instance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pika.contract.Finding;
import dev.pika.contract.lifecycle.Readiness;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.LifecycleEvent;
import dev.pika.contract.validate.ValidationReport;
import java.util.List;
import java.util.Map;

/** {@code --format json} of {@code pika instance inspect} (one object) and {@code list} (one object a line's worth). */
final class InspectionJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private InspectionJson() {
    }

    /**
     * @param i       an inspection
     * @param project its project
     * @return {@code {name, type, state, project, role, role_source, recorded_role, current_boot_id,
     *     boot_id_error, boot_id_match, files: {NAME: {present, error?, valid?, findings?}}, status, events: {count,
     *     last}, result, cross_findings, readiness, run_status, verdict}}
     */
    static ObjectNode full(Inspection i, String project) {
        ObjectNode o = summary(i);
        o.put("project", project);
        o.put("role_source", i.roleSource());
        o.put("recorded_role", i.recordedRole());
        o.put("current_boot_id", i.currentBootId());
        o.put("boot_id_error", i.bootIdError());
        ObjectNode files = o.putObject("files");
        for (Map.Entry<String, Inspection.FileRead> e : i.files().entrySet()) {
            ObjectNode f = files.putObject(e.getKey());
            f.put("present", e.getValue().bytes() != null);
            if (e.getValue().error() != null) {
                f.put("error", e.getValue().error());
            }
            ValidationReport r = i.reports().get(e.getKey());
            if (r != null) {
                f.put("valid", r.valid(false));
                f.set("findings", findings(r.findings()));
            }
        }
        o.set("status", i.status() == null ? null : ContractCodec.toTree(i.status()));
        ObjectNode events = o.putObject("events");
        events.put("count", i.events().size());
        ArrayNode last = events.putArray("last");
        for (LifecycleEvent e : InspectionText.lastEvents(i)) {
            last.add(ContractCodec.toTree(e));
        }
        o.set("result", i.result() == null ? null : ContractCodec.toTree(i.result()));
        o.set("cross_findings", findings(i.crossFindings()));
        Readiness.Verdict v = i.readiness();
        if (v == null) {
            o.putNull("readiness");
        } else {
            ObjectNode r = readiness(o.putObject("readiness"), i);
            r.put("startup_probe_satisfied", v.startupProbeSatisfied());
            r.put("runtime_failed", v.runtimeFailed());
            r.put("failure_reason", v.failureReason());
        }
        // keep the verdict last, as in the text
        o.remove("verdict");
        o.put("run_status", i.runStatus());
        o.put("verdict", i.verdict());
        return o;
    }

    /**
     * @param i an inspection
     * @return {@code {name, type, state, role, boot_id_match, boot_id_error, ready, reason, phase, run_status, valid,
     *     verdict}}
     */
    static ObjectNode summary(Inspection i) {
        ObjectNode o = JSON.objectNode();
        o.put("name", i.name());
        o.put("type", i.type());
        o.put("state", i.state());
        o.put("role", i.role() == null ? null : i.role().id());
        o.put("boot_id_match", i.bootMatch());
        o.put("boot_id_error", i.bootIdError());
        if (i.readiness() != null) {
            readiness(o, i);
        }
        o.put("run_status", i.runStatus());
        o.put("valid", i.documentsValid());
        o.put("verdict", i.verdict());
        return o;
    }

    /** Puts {@code ready}, {@code reason} and {@code phase} of a readiness verdict into {@code o}. */
    private static ObjectNode readiness(ObjectNode o, Inspection i) {
        Readiness.Verdict v = i.readiness();
        o.put("ready", v.passed() && v.guestReady());
        o.put("reason", v.passed() ? null : v.reason().wire());
        o.put("phase", i.phase());
        return o;
    }

    private static ArrayNode findings(List<Finding> findings) {
        ArrayNode a = JSON.arrayNode();
        for (Finding f : findings) {
            ObjectNode o = a.addObject();
            o.put("severity", f.severity().label());
            o.put("rule", f.rule());
            o.put("source", f.source());
            o.put("line", f.line());
            o.put("column", f.column());
            o.put("pointer", f.pointer());
            o.put("message", f.message());
            if (f.hint() != null) {
                o.put("hint", f.hint());
            }
        }
        return a;
    }
}
