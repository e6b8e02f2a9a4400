package dev.pika.contract.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.contract.model.LifecycleStatus;
import dev.pika.contract.model.RuntimeState;
import dev.pika.contract.model.RustText;

/**
 * The server's readiness checks for a managed-openclaw guest (CONTRACT.md §9), in the server's order: the first
 * failing check names the reason the server gives ({@code missing boot_id}, {@code boot_id mismatch}, …). When every
 * check passes, the status yields the server's signal (guest ready, startup probe satisfied, runtime failed), and
 * with the instance's run state the agent phase ({@code error}, {@code ready}, {@code creating}).
 */
public final class Readiness {
    /** The details' {@code agent_kind} the server expects. */
    public static final String AGENT_KIND = "openclaw";
    /** The details' {@code backend_mode} the server expects. */
    public static final String BACKEND_MODE = "native";
    /** The details' {@code service_kind} the server expects. */
    public static final String SERVICE_KIND = "openclaw_gateway";

    private Readiness() {
    }

    /** The reasons the server gives, in the order it checks them; {@link #wire()} is its text. */
    public enum Reason {
        /** {@code status.json} is missing, unreadable or does not decode: the server says "not ready". */
        NO_STATUS("no readable status.json"),
        /** Check 1. */
        MISSING_BOOT_ID("missing boot_id"),
        /** Check 2 (an empty current boot id fails too). */
        BOOT_ID_MISMATCH("boot_id mismatch"),
        /** Check 3. */
        MISSING_DETAILS("missing details"),
        /** Check 3: not an object, or a field of the wrong type. */
        MALFORMED_DETAILS("malformed details"),
        /** Check 4. */
        MISMATCHED_AGENT_KIND("mismatched agent_kind"),
        /** Check 4. */
        MISMATCHED_BACKEND_MODE("mismatched backend_mode"),
        /** Check 4. */
        MISMATCHED_SERVICE_KIND("mismatched service_kind"),
        /** Check 5: state {@code failed} without a non-empty {@code failure_reason}. */
        MISSING_FAILURE_REASON("missing failure_reason"),
        /** Check 6: state {@code ready} without a non-empty {@code probe}. */
        MISSING_READINESS_PROBE("missing readiness probe");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        /** @return the server's text, e.g. {@code boot_id mismatch} */
        public String wire() {
            return wire;
        }
    }

    /**
     * The outcome of the checks.
     *
     * @param reason                the first failing check, or null when all pass
     * @param guestReady            state {@code ready} with a probe (false when a check failed)
     * @param startupProbeSatisfied the details' {@code service_probe_satisfied} (false when a check failed)
     * @param runtimeFailed         state {@code failed} or {@code completed} (false when a check failed)
     * @param failureReason         the details' trimmed {@code failure_reason}, or null
     */
    public record Verdict(Reason reason, boolean guestReady, boolean startupProbeSatisfied, boolean runtimeFailed,
                          String failureReason) {
        /**
         * The agent phase the server derives: runtime failed → {@code error}; running and guest ready →
         * {@code ready}; otherwise {@code creating}.
         *
         * @param running whether the instance is running
         * @return {@code error}, {@code ready} or {@code creating}
         */
        public String phase(boolean running) {
            return runtimeFailed ? "error" : running && guestReady ? "ready" : "creating";
        }

        /** @return true when every check passed */
        public boolean passed() {
            return reason == null;
        }
    }

    /** @return the verdict when there is no readable status */
    public static Verdict noStatus() {
        return new Verdict(Reason.NO_STATUS, false, false, false, null);
    }

    /**
     * Applies the checks.
     *
     * @param status        the decoded status
     * @param currentBootId the guest's current boot id ({@code /proc/sys/kernel/random/boot_id}), "" when it could
     *                      not be read (check 2 then fails, as on the server), or null to skip check 2 (offline:
     *                      {@code pika validate DIR} has no live guest)
     * @return the verdict
     */
    public static Verdict check(LifecycleStatus status, String currentBootId) {
        String bootId = status.bootId() == null ? "" : RustText.trim(status.bootId());
        if (bootId.isEmpty()) {
            return fail(Reason.MISSING_BOOT_ID);
        }
        if (currentBootId != null) {
            String current = RustText.trim(currentBootId);
            if (current.isEmpty() || !current.equals(bootId)) {
                return fail(Reason.BOOT_ID_MISMATCH);
            }
        }
        JsonNode d = status.details();
        if (d == null) {
            return fail(Reason.MISSING_DETAILS);
        }
        if (!d.isObject() || !optionalString(d, "agent_kind") || !optionalString(d, "backend_mode")
                || !optionalString(d, "service_kind") || !optionalString(d, "probe")
                || !optionalString(d, "failure_reason")
                || d.has("service_probe_satisfied") && !d.get("service_probe_satisfied").isBoolean()) {
            return fail(Reason.MALFORMED_DETAILS);
        }
        if (!AGENT_KIND.equals(text(d, "agent_kind"))) {
            return fail(Reason.MISMATCHED_AGENT_KIND);
        }
        if (!BACKEND_MODE.equals(text(d, "backend_mode"))) {
            return fail(Reason.MISMATCHED_BACKEND_MODE);
        }
        if (!SERVICE_KIND.equals(text(d, "service_kind"))) {
            return fail(Reason.MISMATCHED_SERVICE_KIND);
        }
        String failureReason = trimmed(d, "failure_reason");
        if (status.state() == RuntimeState.FAILED && failureReason == null) {
            return fail(Reason.MISSING_FAILURE_REASON);
        }
        boolean probe = trimmed(d, "probe") != null;
        if (status.state() == RuntimeState.READY && !probe) {
            return fail(Reason.MISSING_READINESS_PROBE);
        }
        boolean satisfied = d.has("service_probe_satisfied") && d.get("service_probe_satisfied").booleanValue();
        return new Verdict(null, status.state() == RuntimeState.READY, satisfied,
                status.state() == RuntimeState.FAILED || status.state() == RuntimeState.COMPLETED, failureReason);
    }

    private static Verdict fail(Reason reason) {
        return new Verdict(reason, false, false, false, null);
    }

    /** serde's {@code Option<String>}: missing, null or a string. */
    private static boolean optionalString(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() || v.isTextual();
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? null : v.textValue();
    }

    private static String trimmed(JsonNode d, String field) {
        String t = text(d, field);
        if (t == null) {
            return null;
        }
        String s = RustText.trim(t);
        return s.isEmpty() ? null : s;
    }
}
