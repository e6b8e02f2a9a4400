package dev.pika.cli.instance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.contract.ContractConstants;
import dev.pika.contract.Finding;
import dev.pika.contract.lifecycle.Readiness;
import dev.pika.contract.lifecycle.StateDirChecks;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.ContractDecodeException;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.model.LifecycleEvent;
import dev.pika.contract.model.LifecycleStatus;
import dev.pika.contract.model.RustText;
import dev.pika.contract.model.TerminalResult;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.ValidationReport;
import dev.pika.contract.validate.Validator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one instance the way the hosts do (CONTRACT.md §9): its lifecycle files through the Incus file API
 * ({@code incus file pull}, works on stopped instances too), its current boot id through {@code incus exec … cat
 * /proc/sys/kernel/random/boot_id} (running instances only), and its {@code user.pika.guest_role}; then validates
 * each document, compares them ({@link StateDirChecks}) and applies the server's readiness checks
 * ({@link Readiness}) for a managed-openclaw guest.
 */
final class InstanceReader {
    /** The files read, in this order: the state directory's canonical names and the event stream's seq file. */
    static final List<String> FILES = List.of("status.json", "events.jsonl", "result.json", "guest-request.json",
            StateDirChecks.SEQ_FILE);
    /** The guest's boot id. */
    static final String BOOT_ID_PATH = "/proc/sys/kernel/random/boot_id";

    private final IncusAccess incus;
    private final GuestRole roleOverride;

    /**
     * @param incus        where incus runs
     * @param roleOverride {@code --role}, or null to use the instance's {@code user.pika.guest_role}
     */
    InstanceReader(IncusAccess incus, GuestRole roleOverride) {
        this.incus = incus;
        this.roleOverride = roleOverride;
    }

    /**
     * @param name an instance name
     * @return the instance's API object ({@code incus query /1.0/instances/NAME})
     * @throws UserException exit 1 when there is no such instance or incus fails
     */
    JsonNode instance(String name) {
        return query("/1.0/instances/" + enc(name) + "?project=" + enc(incus.project), "instance " + name);
    }

    /** @return every instance of the project, with config and status ({@code recursion=1}) */
    JsonNode instances() {
        return query("/1.0/instances?recursion=1&project=" + enc(incus.project), "the instances");
    }

    private JsonNode query(String path, String what) {
        IncusAccess.Result r = incus.incus("query", incus.on(path));
        if (!r.ok()) {
            throw new UserException(ExitCodes.FAILURE, "cannot read " + what + " in project " + incus.project
                    + " on " + incus.where() + ": " + r.error());
        }
        try {
            return ContractCodec.readTree("incus query", r.stdout());
        } catch (ContractDecodeException e) {
            throw new UserException(ExitCodes.FAILURE, "incus query printed no JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @param instance the instance's API object
     * @return everything read and derived
     */
    Inspection inspect(JsonNode instance) {
        String name = instance.path("name").asText();
        String state = instance.path("status").asText();
        String type = instance.path("type").asText("container");
        JsonNode recorded = instance.path("config").get(GuestRole.INSTANCE_CONFIG_KEY);
        String recordedRole = recorded == null || recorded.isNull() ? null : recorded.asText();
        GuestRole role = roleOverride;
        String roleSource = roleOverride != null ? "--role" : null;
        if (role == null && recordedRole != null) {
            role = GuestRole.fromId(RustText.trim(recordedRole)).orElse(null);
            roleSource = role == null ? null : GuestRole.INSTANCE_CONFIG_KEY;
        }
        String dir = name + ":" + ContractConstants.RUNTIME_STATE_DIR;
        Map<String, Inspection.FileRead> files = new LinkedHashMap<>();
        for (String f : FILES) {
            files.put(f, pull(name, f));
        }
        String bootId = null;
        String bootError = null;
        if ("Running".equalsIgnoreCase(state)) {
            // up to 3 tries: under load `incus exec` can fail transiently (seen with 8 in parallel), and a failed
            // read would otherwise show as the server's "boot_id mismatch"
            for (int attempt = 1; attempt <= 3; attempt++) {
                IncusAccess.Result r = incus.incus("exec", "--project", incus.project, incus.on(name), "--", "cat",
                        BOOT_ID_PATH);
                if (r.ok() && !RustText.trim(r.text()).isEmpty()) {
                    bootId = RustText.trim(r.text());
                    bootError = null;
                    break;
                }
                bootError = r.ok() ? BOOT_ID_PATH + " was empty" : r.error();
            }
        } else {
            bootError = "the instance is not running";
        }
        Map<String, ValidationReport> reports = new LinkedHashMap<>();
        for (String f : FILES) {
            DocumentKind kind = DocumentKind.fromCanonicalFileName(f).orElse(null);
            byte[] bytes = files.get(f).bytes();
            if (kind != null && bytes != null) {
                reports.put(f, Validator.validate(kind, dir + "/" + f, bytes));
            }
        }
        List<Finding> cross = StateDirChecks.check(new StateDirChecks.Files(dir, bytes(files, "status.json"),
                bytes(files, "events.jsonl"), bytes(files, "result.json"), bytes(files, StateDirChecks.SEQ_FILE)),
                null);
        LifecycleStatus status = decoded(reports, files, "status.json", LifecycleStatus.class);
        TerminalResult result = decoded(reports, files, "result.json", TerminalResult.class);
        List<LifecycleEvent> events = List.of();
        if (reports.containsKey("events.jsonl") && reports.get("events.jsonl").valid(false)) {
            try {
                events = ContractCodec.decodeEvents(dir + "/events.jsonl",
                        new String(files.get("events.jsonl").bytes(), StandardCharsets.UTF_8));
            } catch (ContractDecodeException e) {
                events = List.of();
            }
        }
        Readiness.Verdict readiness = null;
        if (role == GuestRole.MANAGED_OPENCLAW) {
            // the server execs into the guest for the boot id; when it cannot, the current id is empty
            readiness = status == null ? Readiness.noStatus()
                    : Readiness.check(status, bootId == null ? "" : bootId);
        }
        return new Inspection(name, type, state, role, roleSource, recordedRole, bootId, bootError, files, reports,
                cross, status, events, result, readiness);
    }

    private Inspection.FileRead pull(String name, String file) {
        IncusAccess.Result r = incus.incus("file", "pull", "--project", incus.project,
                incus.on(name + ContractConstants.RUNTIME_STATE_DIR + "/" + file), "-");
        if (r.ok()) {
            if (r.stdout().length >= IncusAccess.MAX_OUTPUT) {
                return new Inspection.FileRead(null, "larger than " + (IncusAccess.MAX_OUTPUT >> 20) + " MiB");
            }
            return new Inspection.FileRead(r.stdout(), null);
        }
        String err = r.error().toLowerCase(Locale.ROOT);
        if (err.contains("not exist") || err.contains("not found") || err.contains("no such file")) {
            return new Inspection.FileRead(null, null);
        }
        return new Inspection.FileRead(null, r.error());
    }

    private static byte[] bytes(Map<String, Inspection.FileRead> files, String name) {
        return files.get(name).bytes();
    }

    private static <T> T decoded(Map<String, ValidationReport> reports, Map<String, Inspection.FileRead> files,
                                 String name, Class<T> type) {
        ValidationReport r = reports.get(name);
        if (r == null || !r.valid(false)) {
            return null;
        }
        try {
            return ContractCodec.decode(type, r.source(), files.get(name).bytes());
        } catch (ContractDecodeException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
