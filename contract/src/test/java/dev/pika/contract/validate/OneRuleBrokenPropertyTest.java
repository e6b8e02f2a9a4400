package dev.pika.contract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pika.contract.Finding;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.Severity;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Property: a valid document of any kind, with exactly one rule broken, gets exactly that rule's finding at that
 * place (rule id, JSON pointer, line) and nothing else. Documents are built at random (a fixed seed per case, so a
 * failure names a reproducible case) from the contract's types in {@link Schemas}; the broken rules are found by
 * walking the document against its schema (every required field, typed value, enum, integer range, object) plus
 * each kind's value rules (request §3, spec rules 1-5 §4, and the lint).
 */
class OneRuleBrokenPropertyTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int DOCUMENTS_PER_KIND = 150;

    /** One broken rule: how to break it, and the finding it must give. */
    record Break(String what, String rule, Severity severity, String pointer, int line, Consumer<Doc> apply) {
    }

    /** A document under test: its JSON (one object, or event lines) and an optional duplicated field. */
    static final class Doc {
        final List<ObjectNode> objects;
        final boolean lines;
        String duplicatePointer;
        String duplicateField;
        int duplicateLine = -1;
        private int writing;
        String trailing = "";
        int trailingLine = -1;

        Doc(List<ObjectNode> objects, boolean lines) {
            this.objects = objects;
            this.lines = lines;
        }

        Doc copy() {
            List<ObjectNode> c = new ArrayList<>();
            objects.forEach(o -> c.add(o.deepCopy()));
            return new Doc(c, lines);
        }

        byte[] bytes() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < objects.size(); i++) {
                writing = i;
                write(objects.get(i), "", sb);
                if (i == trailingLine) {
                    sb.append(trailing);
                }
                sb.append('\n');
            }
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        private void write(JsonNode n, String pointer, StringBuilder sb) {
            if (n.isObject()) {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    String child = pointer + "/" + Node.escape(e.getKey());
                    for (int times = 0; times < (writing == duplicateLine
                            && pointer.equals(duplicatePointer) && e.getKey().equals(duplicateField) ? 2 : 1); times++) {
                        sb.append(first ? "" : ", ").append(F.textNode(e.getKey())).append(": ");
                        first = false;
                        write(e.getValue(), child, sb);
                    }
                }
                sb.append('}');
            } else if (n.isArray()) {
                sb.append('[');
                for (int i = 0; i < n.size(); i++) {
                    sb.append(i == 0 ? "" : ", ");
                    write(n.get(i), pointer + "/" + i, sb);
                }
                sb.append(']');
            } else {
                sb.append(n);
            }
        }
    }

    // ---- valid documents ---------------------------------------------------------------------------------

    private static String timestamp(Random r) {
        String t = String.format("20%02d-%02d-%02dT%02d:%02d:%02d", r.nextInt(100), 1 + r.nextInt(12),
                1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60));
        return t + switch (r.nextInt(4)) {
            case 0 -> "Z";
            case 1 -> "+00:00";
            case 2 -> ".123456789-05:30";
            default -> "+05:45";
        };
    }

    private static String text(Random r) {
        String[] words = {"cargo test", "launching guest command", "booted", "ok", "日本語", "tab\there", "quote\"d",
            "emoji 🦀", "back\\slash", "line\nbreak"};
        return words[r.nextInt(words.length)] + (r.nextBoolean() ? " " + r.nextInt(1000) : "");
    }

    private static String pick(Random r, List<String> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static JsonNode anyValue(Random r, int depth) {
        return switch (depth > 2 ? r.nextInt(4) : r.nextInt(6)) {
            case 0 -> F.textNode(text(r));
            case 1 -> F.numberNode(r.nextInt());
            case 2 -> F.booleanNode(r.nextBoolean());
            case 3 -> F.nullNode();
            case 4 -> {
                ObjectNode o = F.objectNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    o.set("k" + r.nextInt(100), anyValue(r, depth + 1));
                }
                yield o;
            }
            default -> {
                ArrayNode a = F.arrayNode();
                for (int i = r.nextInt(3); i > 0; i--) {
                    a.add(anyValue(r, depth + 1));
                }
                yield a;
            }
        };
    }

    private static ObjectNode result(Random r) {
        ObjectNode o = F.objectNode();
        boolean completed = r.nextBoolean();
        o.put("schema_version", 1);
        o.put("status", completed ? "completed" : "failed");
        o.put("finished_at", timestamp(r));
        o.put("message", text(r));
        if (!completed || r.nextBoolean()) {
            o.put("exit_code", completed ? 0 : 1 + r.nextInt(255));
        }
        if (r.nextBoolean()) {
            o.set("details", anyValue(r, 0));
        }
        return o;
    }

    private static ObjectNode status(Random r) {
        ObjectNode o = F.objectNode();
        o.put("schema_version", 1);
        o.put("state", pick(r, Schemas.RUNTIME_STATE.variants()));
        o.put("updated_at", timestamp(r));
        o.put("message", text(r));
        if (r.nextBoolean()) {
            o.put("boot_id", "46ce6850-048c-48cd-8469-88aa789f6265");
        }
        if (r.nextBoolean()) {
            o.set("details", anyValue(r, 0));
        }
        return o;
    }

    private static List<ObjectNode> events(Random r) {
        List<ObjectNode> lines = new ArrayList<>();
        long seq = r.nextInt(3);
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            ObjectNode o = status(r);
            o.remove("state");
            o.remove("updated_at");
            o.put("kind", pick(r, Schemas.RUNTIME_STATE.variants()));
            o.put("timestamp", timestamp(r));
            seq += 1 + r.nextInt(3);
            o.put("seq", seq);
            lines.add(o);
        }
        return lines;
    }

    private static ObjectNode request(Random r) {
        ObjectNode o = F.objectNode();
        o.put("schema_version", 2);
        o.put("command", r.nextBoolean() ? "cargo test" : "  " + text(r));
        o.put("timeout_secs", new BigInteger(64, r).max(BigInteger.ONE));
        o.put("run_as_root", r.nextBoolean());
        return o;
    }

    private static ObjectNode spec(Random r) {
        ObjectNode o = F.objectNode();
        o.putObject("identity").put("runtime_id", "runtime-" + r.nextInt(99)).put("instance_name", "pika-" + text(r));
        o.putObject("incus").put("project", "pika-managed-agents").put("profile", "default")
                .put("image_alias", "pikaci/dev");
        if (r.nextBoolean()) {
            ObjectNode res = o.putObject("resources");
            if (r.nextBoolean()) {
                res.put("vcpu_count", r.nextInt(256));
            }
            if (r.nextBoolean()) {
                res.put("memory_mib", 4096);
            }
            if (r.nextBoolean()) {
                res.put("root_disk_gib", 32);
            }
        }
        if (r.nextBoolean()) {
            ArrayNode mounts = o.putArray("mounts");
            for (int i = r.nextInt(4); i > 0; i--) {
                ObjectNode m = mounts.addObject();
                m.put("kind", pick(r, Schemas.MOUNT_KIND.variants()));
                m.put("guest_path", "/workspace/m" + i);
                m.put("source", "/var/tmp/src" + i);
                m.put("mode", pick(r, Schemas.MOUNT_MODE.variants()));
                if (r.nextBoolean()) {
                    m.put("required", r.nextBoolean());
                }
            }
        }
        if (r.nextBoolean()) {
            ObjectNode paths = o.putObject("paths");
            for (String f : Schemas.PATH_FIELDS) {
                if (r.nextBoolean()) {
                    paths.put(f, dev.pika.contract.model.ValueRules.CANONICAL_PATHS.get(f));
                }
            }
        }
        if (r.nextBoolean()) {
            ObjectNode p = o.putObject("policies");
            p.put("restart_policy", "never").put("retention_policy", "debug_keep");
            if (r.nextBoolean()) {
                ObjectNode oc = p.putObject("output_collection");
                oc.put("mode", "always");
                if (r.nextBoolean()) {
                    oc.put("include_logs", true);
                }
                if (r.nextBoolean()) {
                    oc.putArray("artifact_globs").add("*.log").add("target/**");
                }
            }
        }
        if (r.nextBoolean()) {
            o.put("entry_command", "/run/current-system/sw/bin/pikaci-incus-run");
        }
        if (r.nextBoolean()) {
            o.putObject("labels").put("customer_id", "cust-" + r.nextInt(999)).put("tier", text(r));
        }
        if (r.nextBoolean()) {
            o.putObject("metadata").set("anything", anyValue(r, 0));
        }
        return o;
    }

    private static ObjectNode imageRecord(Random r) {
        ObjectNode o = F.objectNode();
        GuestRole role = GuestRole.values()[r.nextInt(GuestRole.values().length)];
        boolean defaultAlias = r.nextBoolean();
        if (defaultAlias && r.nextBoolean()) {
            o.put("guest_role", role.id());
        }
        o.put("project", "pika-managed-agents");
        o.put("alias", defaultAlias ? role.defaultImageAlias() : "custom/" + r.nextInt(99));
        if (r.nextBoolean()) {
            o.put("fingerprint", String.format("%064x", new BigInteger(256, r)));
        }
        return o;
    }

    private static ObjectNode executionRecord(Random r) {
        ObjectNode o = F.objectNode();
        o.put("backend", "incus");
        if (r.nextBoolean()) {
            o.set("incus_image", imageRecord(r));
        }
        ArrayNode phases = o.putArray("phases");
        for (int i = r.nextInt(4); i > 0; i--) {
            phases.addObject().put("phase", pick(r, Schemas.EXECUTION_PHASE.variants()))
                    .put("started_at", timestamp(r)).put("finished_at", timestamp(r)).put("duration_ms", r.nextInt(Integer.MAX_VALUE));
        }
        return o;
    }

    private static Doc generate(DocumentKind kind, Random r) {
        return switch (kind) {
            case RESULT -> new Doc(List.of(result(r)), false);
            case STATUS -> new Doc(List.of(status(r)), false);
            case EVENTS -> new Doc(events(r), true);
            case REQUEST -> new Doc(List.of(request(r)), false);
            case SPEC -> new Doc(List.of(spec(r)), false);
            case IMAGE_RECORD -> new Doc(List.of(imageRecord(r)), false);
            case EXECUTION_RECORD -> new Doc(List.of(executionRecord(r)), false);
        };
    }

    // ---- broken rules ----------------------------------------------------------------------------------------

    /** Every way to break one decoder rule, found by walking each object against its schema. */
    private static List<Break> decoderBreaks(Doc doc, Schema.Obj schema) {
        List<Break> out = new ArrayList<>();
        for (int i = 0; i < doc.objects.size(); i++) {
            int index = i;
            int line = i + 1;
            walk(doc.objects.get(i), schema, "", line, out, d -> d.objects.get(index));
            out.add(new Break("trailing value", "trailing-characters", Severity.ERROR, "", line, d -> {
                d.trailing = " 1";
                d.trailingLine = index;
            }));
        }
        return out;
    }

    interface Locate {
        JsonNode in(Doc d);
    }

    private static void walk(JsonNode node, Schema.Type type, String pointer, int line, List<Break> out,
                             Locate locate) {
        if (type instanceof Schema.Obj obj && node.isObject()) {
            String name = "zz_unknown";
            out.add(new Break("unknown field at " + pointer, "unknown-field", obj.denyUnknown() ? Severity.ERROR
                    : Severity.WARNING, pointer + "/" + name, line, d -> ((ObjectNode) locate.in(d)).put(name, 1)));
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                Schema.Field f = obj.field(e.getKey());
                String child = pointer + "/" + e.getKey();
                Locate childAt = d -> locate.in(d).get(e.getKey());
                if (f.presence() == Schema.Presence.REQUIRED) {
                    out.add(new Break("remove " + child, "missing-field", Severity.ERROR, child, line,
                            d -> ((ObjectNode) locate.in(d)).remove(e.getKey())));
                }
                out.add(new Break("duplicate " + child, "duplicate-field", Severity.ERROR, child, line, d -> {
                    d.duplicateLine = line - 1;
                    d.duplicatePointer = pointer;
                    d.duplicateField = e.getKey();
                }));
                value(e.getValue(), f.type(), child, line, out, childAt,
                        v -> d -> ((ObjectNode) locate.in(d)).set(e.getKey(), v));
            }
        } else if (type instanceof Schema.Array arr) {
            for (int i = 0; i < node.size(); i++) {
                int index = i;
                value(node.get(i), arr.element(), pointer + "/" + i, line, out, d -> locate.in(d).get(index),
                        v -> d -> ((ArrayNode) locate.in(d)).set(index, v));
            }
        } else if (type instanceof Schema.MapOf map) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                value(e.getValue(), map.value(), pointer + "/" + e.getKey(), line, out,
                        d -> locate.in(d).get(e.getKey()), v -> d -> ((ObjectNode) locate.in(d)).set(e.getKey(), v));
            }
        }
    }

    interface Replace {
        Consumer<Doc> with(JsonNode v);
    }

    private static void value(JsonNode node, Schema.Type type, String pointer, int line, List<Break> out,
                              Locate locate, Replace replace) {
        if (type instanceof Schema.Any) {
            return;
        }
        JsonNode wrong = type instanceof Schema.Str || type instanceof Schema.Enum ? F.numberNode(7)
                : type instanceof Schema.Bool ? F.textNode("true") : type instanceof Schema.Int ? F.textNode("7")
                : F.booleanNode(true);
        out.add(new Break("wrong type at " + pointer, "invalid-type", Severity.ERROR, pointer, line,
                replace.with(wrong)));
        if (type instanceof Schema.Enum en) {
            out.add(new Break("unknown variant at " + pointer, "unknown-variant", Severity.ERROR, pointer, line,
                    replace.with(F.textNode(en.variants().get(0).toUpperCase(java.util.Locale.ROOT)))));
        } else if (type instanceof Schema.Int it) {
            out.add(new Break("above range at " + pointer, "integer-out-of-range", Severity.ERROR, pointer, line,
                    replace.with(F.numberNode(it.max().add(BigInteger.ONE)))));
            out.add(new Break("below range at " + pointer, "integer-out-of-range", Severity.ERROR, pointer, line,
                    replace.with(F.numberNode(it.min().subtract(BigInteger.ONE)))));
        }
        walk(node, type, pointer, line, out, locate);
    }

    /** The value rules and the lint of each kind, where the document has the field they look at. */
    private static List<Break> valueBreaks(DocumentKind kind, Doc doc) {
        List<Break> out = new ArrayList<>();
        ObjectNode o = doc.objects.get(0);
        switch (kind) {
            case RESULT -> {
                out.add(set("schema-version", Severity.WARNING, "/schema_version", "schema_version", F.numberNode(2)));
                out.add(set("timestamp-format", Severity.WARNING, "/finished_at", "finished_at",
                        F.textNode("yesterday")));
                boolean completed = o.get("status").asText().equals("completed");
                out.add(set("status-exit-code", Severity.WARNING, "/status", "exit_code",
                        F.numberNode(completed ? 3 : 0)));
            }
            case STATUS -> {
                out.add(set("schema-version", Severity.WARNING, "/schema_version", "schema_version", F.numberNode(0)));
                out.add(set("timestamp-format", Severity.WARNING, "/updated_at", "updated_at",
                        F.textNode("2026-03-25 20:00:00")));
            }
            case EVENTS -> {
                int last = doc.objects.size() - 1;
                out.add(new Break("timestamp", "timestamp-format", Severity.WARNING, "/timestamp", last + 1,
                        d -> d.objects.get(last).put("timestamp", "now")));
                if (last > 0) {
                    out.add(new Break("seq order", "seq-order", Severity.WARNING, "/seq", last + 1,
                            d -> d.objects.get(last).set("seq", d.objects.get(last - 1).get("seq"))));
                }
            }
            case REQUEST -> {
                out.add(set("unsupported-schema-version", Severity.ERROR, "/schema_version", "schema_version",
                        F.numberNode(1)));
                out.add(set("empty-command", Severity.ERROR, "/command", "command", F.textNode("")));
                out.add(set("zero-timeout", Severity.ERROR, "/timeout_secs", "timeout_secs", F.numberNode(0)));
            }
            case SPEC -> {
                out.add(new Break("blank runtime_id", "spec-empty-field", Severity.ERROR, "/identity/runtime_id", 1,
                        d -> ((ObjectNode) d.objects.get(0).get("identity")).put("runtime_id", " \u3000")));
                out.add(new Break("blank image_alias", "spec-empty-field", Severity.ERROR, "/incus/image_alias", 1,
                        d -> ((ObjectNode) d.objects.get(0).get("incus")).put("image_alias", "")));
                out.add(new Break("logs_dir outside state_dir", "spec-invalid-path", Severity.ERROR,
                        "/paths/logs_dir", 1, d -> {
                            ObjectNode root = d.objects.get(0);
                            if (!root.has("paths")) {
                                root.putObject("paths");
                            }
                            ((ObjectNode) root.get("paths")).put("logs_dir", "/var/log/pika");
                        }));
                if (o.has("entry_command")) {
                    out.add(set("spec-empty-field", Severity.ERROR, "/entry_command", "entry_command",
                            F.textNode("\t")));
                }
                JsonNode mounts = o.get("mounts");
                for (int i = 0; mounts != null && i < mounts.size(); i++) {
                    int m = i;
                    out.add(new Break("relative guest path", "spec-invalid-path", Severity.ERROR,
                            "/mounts/" + m + "/guest_path", 1, d -> mount(d, m).put("guest_path", "workspace")));
                    out.add(new Break("traversal", "spec-invalid-path", Severity.ERROR,
                            "/mounts/" + m + "/guest_path", 1, d -> mount(d, m).put("guest_path", "/a/../b")));
                    out.add(new Break("blank source", "spec-empty-field", Severity.ERROR,
                            "/mounts/" + m + "/source", 1, d -> mount(d, m).put("source", " ")));
                    if (m > 0) {
                        out.add(new Break("duplicate guest path", "spec-duplicate-mount-guest-path", Severity.ERROR,
                                "/mounts/" + m + "/guest_path", 1,
                                d -> mount(d, m).set("guest_path", mount(d, 0).get("guest_path"))));
                    }
                }
            }
            case IMAGE_RECORD, EXECUTION_RECORD -> {
                boolean nested = kind == DocumentKind.EXECUTION_RECORD;
                ObjectNode image = nested ? (ObjectNode) o.get("incus_image") : o;
                if (image != null) {
                    String at = nested ? "/incus_image" : "";
                    if (image.has("fingerprint")) {
                        out.add(new Break("upper-case fingerprint", "fingerprint-format", Severity.WARNING,
                                at + "/fingerprint", 1, d -> image(d, nested).put("fingerprint",
                                        image.get("fingerprint").asText().toUpperCase(java.util.Locale.ROOT))));
                    }
                    boolean custom = GuestRole.forDefaultAlias(image.get("alias").asText()).isEmpty();
                    out.add(new Break("role with a custom alias", "recorded-role-custom-alias", Severity.WARNING,
                            at + "/guest_role", 1, d -> image(d, nested).put("guest_role", "pikaci-runner")
                                    .put("alias", custom ? image.get("alias").asText() : "custom/x")));
                    out.add(new Break("role of the other alias", "recorded-role-mismatch", Severity.WARNING,
                            at + "/guest_role", 1, d -> image(d, nested).put("guest_role", "pikaci-runner")
                                    .put("alias", GuestRole.MANAGED_OPENCLAW.defaultImageAlias())));
                }
            }
            default -> throw new AssertionError(kind);
        }
        return out;
    }

    private static Break set(String rule, Severity severity, String pointer, String field, JsonNode v) {
        return new Break("set " + field + " to " + v, rule, severity, pointer, 1, d -> d.objects.get(0).set(field, v));
    }

    private static ObjectNode mount(Doc d, int i) {
        return (ObjectNode) d.objects.get(0).get("mounts").get(i);
    }

    private static ObjectNode image(Doc d, boolean nested) {
        return nested ? (ObjectNode) d.objects.get(0).get("incus_image") : d.objects.get(0);
    }

    // ---- the property ----------------------------------------------------------------------------------------

    @Test
    void oneBrokenRuleGivesExactlyThatFinding() throws Exception {
        Map<DocumentKind, Integer> checked = new EnumMap<>(DocumentKind.class);
        for (DocumentKind kind : DocumentKind.values()) {
            for (int seed = 0; seed < DOCUMENTS_PER_KIND; seed++) {
                Random r = new Random(kind.ordinal() * 1_000_003L + seed);
                Doc valid = generate(kind, r);
                String label = kind.id() + " seed " + seed;
                ValidationReport base = Validator.validate(kind, "p", valid.bytes());
                assertEquals(List.of(), base.findings(), () -> label + ": the generated document is valid:\n"
                        + new String(valid.bytes(), StandardCharsets.UTF_8));
                List<Break> breaks = decoderBreaks(valid, Validator.schema(kind));
                breaks.addAll(valueBreaks(kind, valid));
                // every break of the first documents, then a few at random: all sites are covered many times
                List<Break> chosen = seed < 5 ? breaks : List.of(breaks.get(r.nextInt(breaks.size())),
                        breaks.get(r.nextInt(breaks.size())), breaks.get(r.nextInt(breaks.size())));
                for (Break b : chosen) {
                    Doc broken = valid.copy();
                    b.apply().accept(broken);
                    byte[] bytes = broken.bytes();
                    List<Finding> findings = Validator.validate(kind, "p", bytes).findings();
                    String context = label + ", " + b.what() + ":\n" + new String(bytes, StandardCharsets.UTF_8)
                            + "\n" + findings;
                    assertEquals(1, findings.size(), context);
                    Finding f = findings.get(0);
                    assertEquals(b.rule(), f.rule(), context);
                    assertEquals(b.severity(), f.severity(), context);
                    assertEquals(b.pointer(), f.pointer(), context);
                    assertEquals(b.line(), f.line(), context);
                    checked.merge(kind, 1, Integer::sum);
                }
            }
        }
        for (DocumentKind kind : DocumentKind.values()) {
            assertTrue(checked.getOrDefault(kind, 0) > 100, kind + ": " + checked);
        }
    }
}
