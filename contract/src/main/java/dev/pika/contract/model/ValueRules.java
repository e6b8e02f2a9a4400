package dev.pika.contract.model;

import dev.pika.contract.ContractConstants;
import dev.pika.contract.Rule;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The contract's value rules, written once: the checks the reference applies to a <em>decoded</em> value — the
 * guest's request checks (CONTRACT.md §3), {@code RuntimeSpec::validate} (§4, rules 1–5) and
 * {@code validate_canonical_paths} (§2). The model ({@link RuntimeSpec#validate()},
 * {@link IncusGuestRunRequest#guestProblems()}, {@link RuntimeArtifactPaths#validateCanonicalPaths(String)}, and
 * through them the Incus plan) and the streaming validator both call these, each through a {@link Values} view of
 * its own representation. Rule ids, severities and descriptions are in the registry, {@link Rule}.
 */
public final class ValueRules {
    private ValueRules() {
    }

    /** Read access to one decoded document by RFC 6901 pointer (e.g. {@code /paths/state_dir}, {@code /mounts/0}). */
    public interface Values {
        /**
         * @param pointer a JSON pointer into the document
         * @return the string there, or null when absent or not a string
         */
        String text(String pointer);

        /**
         * @param pointer a JSON pointer into the document
         * @return the integer there, or null when absent or not an integer
         */
        BigInteger integer(String pointer);

        /**
         * @param pointer a JSON pointer into the document
         * @return the number of items of the array there, 0 when absent or not an array
         */
        int size(String pointer);
    }

    /**
     * One broken value rule.
     *
     * @param rule    the registry entry
     * @param field   the field name the reference's message uses, e.g. {@code paths.status_path}
     * @param pointer where the offending value is, or would be when it was defaulted
     * @param value   the offending value, or null when the message does not quote it
     * @param message the reference's message
     * @param hint    how to fix it, or null
     * @param shownAt the pointer of the document value a finding should point at: {@code pointer}, except for a
     *                defaulted path that a custom {@code state_dir} no longer contains (then {@code /paths/state_dir})
     */
    public record Violation(Rule rule, String field, String pointer, String value, String message, String hint,
                            String shownAt) {
        public Violation {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(shownAt, "shownAt");
        }
    }

    /** The field names of {@code RuntimePaths} with their canonical defaults, in declaration order (§2, §4). */
    public static final Map<String, String> CANONICAL_PATHS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("state_dir", ContractConstants.RUNTIME_STATE_DIR);
        m.put("events_path", ContractConstants.EVENTS_PATH);
        m.put("status_path", ContractConstants.STATUS_PATH);
        m.put("result_path", ContractConstants.RESULT_PATH);
        m.put("guest_request_path", ContractConstants.GUEST_REQUEST_PATH);
        m.put("logs_dir", ContractConstants.LOGS_DIR);
        m.put("guest_log_path", ContractConstants.GUEST_LOG_PATH);
        m.put("artifacts_dir", ContractConstants.ARTIFACTS_DIR);
        CANONICAL_PATHS = java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The guest's own checks on a decoded v2 request (CONTRACT.md §3), with the guest's messages, in its order
     * (it stops at the first; this reports all): schema version 2 ({@link Rule#UNSUPPORTED_SCHEMA_VERSION}), a
     * non-empty {@code command} — the guest does not trim — ({@link Rule#EMPTY_COMMAND}), a positive
     * {@code timeout_secs} ({@link Rule#ZERO_TIMEOUT}).
     *
     * @param doc the request
     * @param out receives each violation
     */
    public static void guestRequest(Values doc, Consumer<Violation> out) {
        BigInteger v = doc.integer("/schema_version");
        if (v != null && !v.equals(BigInteger.valueOf(ContractConstants.INCUS_GUEST_RUN_REQUEST_SCHEMA_VERSION))) {
            out.accept(new Violation(Rule.UNSUPPORTED_SCHEMA_VERSION, "schema_version", "/schema_version",
                    v.toString(), "unsupported Incus guest request schema_version=" + v,
                    v.equals(BigInteger.ONE) ? IncusGuestRunRequest.V1_PATHS_HINT : null, "/schema_version"));
        }
        String command = doc.text("/command");
        if (command != null && command.isEmpty()) {
            out.accept(new Violation(Rule.EMPTY_COMMAND, "command", "/command", command,
                    "Incus guest request is missing non-empty string field `command`", null, "/command"));
        }
        BigInteger timeout = doc.integer("/timeout_secs");
        if (timeout != null && timeout.signum() == 0) {
            out.accept(new Violation(Rule.ZERO_TIMEOUT, "timeout_secs", "/timeout_secs", "0",
                    "Incus guest request is missing positive integer field `timeout_secs`", null, "/timeout_secs"));
        }
    }

    /**
     * The reference's {@code RuntimeSpec::validate} (CONTRACT.md §4), rules 1–5 in its order; absent
     * {@code paths.*} take their canonical defaults first. The reference stops at the first violation (the first
     * one reported here); the rest are reported too, one per field at most: a path that breaks rule 2 is not
     * checked against rule 3, and rule 3 is skipped when {@code state_dir} itself is invalid.
     *
     * @param doc the spec
     * @param out receives each violation
     */
    public static void runtimeSpec(Values doc, Consumer<Violation> out) {
        // 1. non-empty after Rust's trim()
        for (String f : List.of("identity.runtime_id", "identity.instance_name", "incus.project", "incus.profile",
                "incus.image_alias")) {
            nonEmpty(doc, f, "/" + f.replace('.', '/'), out);
        }
        // 2. every path non-empty, absolute, without `..`
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Boolean> defaulted = new HashMap<>();
        Map<String, Boolean> valid = new HashMap<>();
        for (Map.Entry<String, String> e : CANONICAL_PATHS.entrySet()) {
            String f = e.getKey();
            String pointer = "/paths/" + f;
            String value = doc.text(pointer);
            defaulted.put(f, value == null);
            values.put(f, value != null ? value : e.getValue());
            valid.put(f, value == null || absoluteNormalized(doc, "paths." + f, pointer, out));
        }
        // 3. every other path starts with state_dir: a plain string prefix, as the reference's
        //    `value.starts_with(state_dir)` (so `/run/pika-cloudX/…` passes under `/run/pika-cloud`)
        String stateDir = values.get("state_dir");
        if (valid.get("state_dir")) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                String f = e.getKey();
                String value = e.getValue();
                if (f.equals("state_dir") || !valid.get(f) || value.startsWith(stateDir)) {
                    continue;
                }
                String pointer = "/paths/" + f;
                String message = "runtime spec path `paths." + f + "` = `" + value
                        + "` is invalid: must stay under paths.state_dir";
                if (defaulted.get(f)) {
                    out.accept(new Violation(Rule.SPEC_INVALID_PATH, "paths." + f, pointer, value, message,
                            "`paths." + f + "` defaults to `" + value + "`: set it explicitly under `" + stateDir
                                    + "`", "/paths/state_dir"));
                } else {
                    out.accept(new Violation(Rule.SPEC_INVALID_PATH, "paths." + f, pointer, value, message,
                            "paths.state_dir is `" + stateDir + "`", pointer));
                }
            }
        }
        // 4. entry_command, when present
        nonEmpty(doc, "entry_command", "/entry_command", out);
        // 5. mounts: source non-empty, guest_path a valid path, guest paths unique (exact strings)
        Map<String, String> seen = new HashMap<>();
        for (int i = 0, n = doc.size("/mounts"); i < n; i++) {
            nonEmpty(doc, "mount.source", "/mounts/" + i + "/source", out);
            String pointer = "/mounts/" + i + "/guest_path";
            String guestPath = doc.text(pointer);
            if (guestPath == null || !absoluteNormalized(doc, "mount.guest_path", pointer, out)) {
                continue;
            }
            String first = seen.putIfAbsent(guestPath, pointer);
            if (first != null) {
                out.accept(new Violation(Rule.SPEC_DUPLICATE_MOUNT_GUEST_PATH, "mount.guest_path", pointer,
                        guestPath, "runtime spec mount guest_path `" + guestPath + "` must be unique",
                        "first used at " + first, pointer));
            }
        }
    }

    /**
     * The reference's {@code validate_canonical_paths(field_prefix)} on a {@code RuntimeArtifactPaths} value
     * (CONTRACT.md §2): each path equals its canonical constant, checked in the reference's order (status,
     * events, result). Message: {@code PREFIX.status_path must use canonical path "/run/pika-cloud/status.json",
     * got "/run/custom/status.json"} (quoted as Rust's {@code {:?}}, {@link RustText#debugQuote(String)}).
     *
     * @param fieldPrefix the name of the field holding the paths, e.g. {@code artifacts}
     * @param doc         the paths object (absent paths are canonical: the fields default)
     * @param out         receives each violation ({@link Rule#NON_CANONICAL_PATH})
     */
    public static void canonicalArtifactPaths(String fieldPrefix, Values doc, Consumer<Violation> out) {
        for (String f : List.of("status_path", "events_path", "result_path")) {
            String actual = doc.text("/" + f);
            String expected = CANONICAL_PATHS.get(f);
            if (actual != null && !actual.equals(expected)) {
                out.accept(new Violation(Rule.NON_CANONICAL_PATH, fieldPrefix + "." + f, "/" + f, actual,
                        fieldPrefix + "." + f + " must use canonical path " + RustText.debugQuote(expected)
                                + ", got " + RustText.debugQuote(actual), null, "/" + f));
            }
        }
    }

    private static boolean nonEmpty(Values doc, String field, String pointer, Consumer<Violation> out) {
        String value = doc.text(pointer);
        if (value != null && RustText.isBlank(value)) {
            out.accept(new Violation(Rule.SPEC_EMPTY_FIELD, field, pointer, null,
                    "runtime spec field `" + field + "` must be non-empty", null, pointer));
            return false;
        }
        return true;
    }

    /** The reference's {@code validate_absolute_normalized_path}: non-empty, absolute, no {@code ..} component. */
    private static boolean absoluteNormalized(Values doc, String field, String pointer, Consumer<Violation> out) {
        if (!nonEmpty(doc, field, pointer, out)) {
            return false;
        }
        String value = doc.text(pointer);
        String reason = null;
        if (!value.startsWith("/")) {
            reason = "must be absolute";
        } else if (List.of(value.split("/", -1)).contains("..")) {
            reason = "must not contain parent traversal";
        }
        if (reason != null) {
            out.accept(new Violation(Rule.SPEC_INVALID_PATH, field, pointer, value,
                    "runtime spec path `" + field + "` = `" + value + "` is invalid: " + reason, null, pointer));
            return false;
        }
        return true;
    }

    /** A {@link Values} view over a flat pointer → value map, for records (built by the model). */
    static final class MapValues implements Values {
        private final Map<String, Object> values = new HashMap<>();

        MapValues put(String pointer, Object value) {
            if (value != null) {
                values.put(pointer, value);
            }
            return this;
        }

        @Override
        public String text(String pointer) {
            return values.get(pointer) instanceof String s ? s : null;
        }

        @Override
        public BigInteger integer(String pointer) {
            Object v = values.get(pointer);
            if (v instanceof BigInteger b) {
                return b;
            }
            return v instanceof Number n ? BigInteger.valueOf(n.longValue()) : null;
        }

        @Override
        public int size(String pointer) {
            return values.get(pointer) instanceof List<?> l ? l.size() : 0;
        }
    }
}
