package dev.pika.cli.instance;

import dev.pika.cli.common.Display;
import dev.pika.contract.Finding;
import dev.pika.contract.model.LifecycleEvent;
import dev.pika.contract.validate.ValidationReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code --format text} of {@code pika instance inspect}: a short summary for people; every value escaped. */
final class InspectionText {
    /** Events shown: the last few. */
    static final int LAST_EVENTS = 5;

    private InspectionText() {
    }

    /** @return the last {@link #LAST_EVENTS} events */
    static List<LifecycleEvent> lastEvents(Inspection i) {
        List<LifecycleEvent> e = i.events();
        return e.subList(Math.max(0, e.size() - LAST_EVENTS), e.size());
    }

    /**
     * @param i       an inspection
     * @param project its project
     * @param where   where incus ran
     * @param out     standard output
     */
    static void print(Inspection i, String project, String where, PrintWriter out) {
        row(out, "instance", i.name() + " (" + i.type() + ", project " + project + ", on " + where + ")");
        row(out, "state", i.state());
        row(out, "role", i.role() == null ? (i.recordedRole() == null ? "- (no user.pika.guest_role)"
                : "- (unknown user.pika.guest_role " + Display.quoted(i.recordedRole()) + ")")
                : i.role().id() + " (" + i.roleSource() + ")");
        String statusBoot = i.status() == null || i.status().bootId() == null ? "-" : i.status().bootId();
        row(out, "boot id", "current " + (i.currentBootId() != null ? i.currentBootId() : "unknown ("
                + i.bootIdError() + ")") + ", status.json " + statusBoot + " (" + i.bootMatch() + ")");
        row(out, "status", i.status() == null ? describe(i, "status.json") : i.status().state().wire() + " at "
                + i.status().updatedAt() + ": " + i.status().message()
                + (i.status().details() == null ? "" : " " + i.status().details()));
        if (i.events().isEmpty()) {
            row(out, "events", describe(i, "events.jsonl"));
        } else {
            row(out, "events", i.events().size() + (i.events().size() == 1 ? " event" : " events")
                    + (i.events().size() > LAST_EVENTS ? ", the last " + LAST_EVENTS : ""));
            for (LifecycleEvent e : lastEvents(i)) {
                row(out, "", "#" + Long.toUnsignedString(e.seq()) + " " + e.kind().wire() + " at " + e.timestamp()
                        + ": " + e.message());
            }
        }
        row(out, "result", i.result() == null ? describe(i, "result.json") : i.result().status().wire()
                + (i.result().exitCode() == null ? "" : ", exit code " + i.result().exitCode()) + " at "
                + i.result().finishedAt() + ": " + i.result().message());
        row(out, "request", describe(i, "guest-request.json"));
        List<Finding> all = new ArrayList<>();
        for (ValidationReport r : i.reports().values()) {
            all.addAll(r.findings());
        }
        all.addAll(i.crossFindings());
        row(out, "findings", all.isEmpty() ? "none" : all.size() + "");
        for (Finding f : all) {
            for (String line : f.toCompilerString().split("\n")) {
                row(out, "", line);
            }
        }
        if (i.runStatus() != null) {
            row(out, "run status", i.runStatus() + " (result " + i.result().status().wire() + ")");
        }
        row(out, "verdict", i.verdict());
        out.flush();
    }

    /** @return a file's state in a few words: missing, unreadable (why), valid, or invalid */
    private static String describe(Inspection i, String file) {
        Inspection.FileRead f = i.files().get(file);
        if (f.missing()) {
            return "missing (" + file + ")";
        }
        if (f.error() != null) {
            return "unreadable (" + file + "): " + f.error();
        }
        ValidationReport r = i.reports().get(file);
        return r != null && !r.valid(false) ? "invalid (" + file + ", see findings)" : "present, valid";
    }

    private static void row(PrintWriter out, String label, String value) {
        out.println(label + " ".repeat(Math.max(1, 12 - label.length())) + Display.escape(value));
    }

    /**
     * The fleet view: one line an instance, columns aligned.
     *
     * @param all the inspections, in name order
     * @param out standard output
     */
    static void table(List<Inspection> all, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "ROLE", "STATE", "BOOT", "VERDICT"});
        for (Inspection i : all) {
            rows.add(new String[] {i.name(), i.role() == null ? "-" : i.role().id(), i.state(), i.bootMatch(),
                i.verdict() + (i.documentsValid() ? "" : " [invalid documents]")});
        }
        int[] width = new int[4];
        for (String[] r : rows) {
            for (int c = 0; c < 4; c++) {
                width[c] = Math.max(width[c], Display.escape(r[c]).length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < 4; c++) {
                String v = Display.escape(r[c]);
                sb.append(v).append(" ".repeat(width[c] - v.length() + 2));
            }
            out.println(sb.append(Display.escape(r[4])));
        }
        out.flush();
    }
}
