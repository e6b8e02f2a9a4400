package dev.pika.cli.instance;

import dev.pika.contract.Finding;
import dev.pika.contract.lifecycle.Readiness;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.model.LifecycleEvent;
import dev.pika.contract.model.LifecycleStatus;
import dev.pika.contract.model.RustText;
import dev.pika.contract.model.TerminalResult;
import dev.pika.contract.validate.ValidationReport;
import java.util.List;
import java.util.Map;

/**
 * What {@code pika instance inspect} found on one instance: what the hosts read (CONTRACT.md §9) and what pika
 * makes of it.
 *
 * @param name          the instance
 * @param type          {@code container} or {@code virtual-machine}
 * @param state         Incus's status, e.g. {@code Running}, {@code Stopped}
 * @param role          the guest role used for the verdict, or null
 * @param roleSource    where the role came from: {@code user.pika.guest_role}, {@code --role}, or null
 * @param recordedRole  the raw {@code user.pika.guest_role} value, or null when unset
 * @param currentBootId the guest's boot id (trimmed), or null when not running or unreadable
 * @param bootIdError   why the boot id could not be read, or null
 * @param files         file name → what reading it gave, in {@link InstanceReader#FILES} order
 * @param reports       file name → its validation report (files that were read)
 * @param crossFindings the state directory's cross-file lint
 * @param status        the decoded status, or null
 * @param events        the decoded events (empty when absent or invalid)
 * @param result        the decoded result, or null
 * @param readiness     the server's readiness verdict (managed-openclaw only), or null
 */
record Inspection(String name, String type, String state, GuestRole role, String roleSource, String recordedRole,
                  String currentBootId, String bootIdError, Map<String, FileRead> files,
                  Map<String, ValidationReport> reports, List<Finding> crossFindings, LifecycleStatus status,
                  List<LifecycleEvent> events, TerminalResult result, Readiness.Verdict readiness) {

    /**
     * One file read through the Incus file API.
     *
     * @param bytes its content, or null
     * @param error why it could not be read (not "missing"), or null
     */
    record FileRead(byte[] bytes, String error) {
        boolean missing() {
            return bytes == null && error == null;
        }
    }

    /** @return whether Incus says the instance is running */
    boolean running() {
        return "Running".equalsIgnoreCase(state);
    }

    /** @return {@code match}, {@code mismatch} or {@code unknown}: status.json's boot_id against the current one */
    String bootMatch() {
        if (currentBootId == null || status == null || status.bootId() == null) {
            return "unknown";
        }
        return RustText.trim(status.bootId()).equals(currentBootId) ? "match" : "mismatch";
    }

    /** @return the run status the CI executor derives: {@code passed}, {@code failed}, or null without a result */
    String runStatus() {
        if (result == null) {
            return null;
        }
        return result.status().wire().equals("completed") ? "passed" : "failed";
    }

    /** @return the agent phase (managed-openclaw), or null */
    String phase() {
        return readiness == null ? null : readiness.phase(running());
    }

    /** @return whether every file read is valid (no error findings) */
    boolean documentsValid() {
        return reports.values().stream().allMatch(r -> r.valid(false));
    }

    /** @return the one-line verdict: readiness for the managed role, run status for CI, else what is there */
    String verdict() {
        if (readiness != null) {
            String what;
            if (!readiness.passed()) {
                what = "not ready: " + readiness.reason().wire();
            } else if (readiness.guestReady()) {
                what = "ready";
            } else if (readiness.runtimeFailed()) {
                what = status.state().wire() + (readiness.failureReason() == null ? ""
                        : ": " + readiness.failureReason());
            } else {
                what = "not ready: state " + status.state().wire();
            }
            return what + " (phase " + phase() + ")";
        }
        String run = runStatus();
        if (run != null) {
            return "run " + run;
        }
        if (files.get("result.json") != null && !files.get("result.json").missing()) {
            return "run status unknown: result.json does not decode";
        }
        if (status != null) {
            return "no result; state " + status.state().wire();
        }
        boolean none = files.values().stream().allMatch(FileRead::missing);
        return none ? "no lifecycle files" : "no readable status or result";
    }
}
