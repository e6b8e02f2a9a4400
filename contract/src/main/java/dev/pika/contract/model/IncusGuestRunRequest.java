package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.pika.contract.ContractConstants;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Incus guest run request, {@code guest-request.json}, schema version 2 ({@code IncusGuestRunRequest},
 * CONTRACT.md §3).
 *
 * <p>JSON shape, in this field order: <pre>{ "schema_version": u32, "command": string, "timeout_secs": u64,
 * "run_as_root": bool }</pre> All four are required, and the type <b>denies unknown fields</b>: the decoder
 * rejects any other key (in particular the version-1 directory fields, see {@link #REMOVED_V1_FIELDS}).
 *
 * <p>A decodable request can still be refused by the guest: see {@link #guestProblems()}.
 *
 * @param schemaVersion u32; the guest accepts only {@link ContractConstants#INCUS_GUEST_RUN_REQUEST_SCHEMA_VERSION}
 * @param command       the shell command the guest runs; the guest refuses an empty string
 * @param timeoutSecs   u64 timeout in seconds, held with unsigned meaning (see {@link Unsigned}); the guest
 *                      refuses 0
 * @param runAsRoot     whether the guest runs the command as root (else as the unprivileged CI user)
 */
@Serde.Rust("IncusGuestRunRequest")
@Serde.Removed(value = {"workspace_dir", "cargo_home_dir", "target_dir", "xdg_state_home_dir", "home_dir"},
        hint = IncusGuestRunRequest.V1_PATHS_HINT)
@JsonPropertyOrder({"schema_version", "command", "timeout_secs", "run_as_root"})
public record IncusGuestRunRequest(
        @Serde.Rust("u32") @JsonProperty(value = "schema_version", required = true) long schemaVersion,
        @JsonProperty(value = "command", required = true) String command,
        @Serde.Rust("u64") @JsonProperty(value = "timeout_secs", required = true)
        @JsonSerialize(using = Unsigned.U64Serializer.class)
        @JsonDeserialize(using = Unsigned.U64Deserializer.class) long timeoutSecs,
        @JsonProperty(value = "run_as_root", required = true) boolean runAsRoot) {

    /** The hint for a version-1 request: which guest-owned paths replaced its directory fields. */
    public static final String V1_PATHS_HINT = "schema version 2 removed the host-supplied directories (workspace_dir, "
            + "cargo_home_dir, target_dir, xdg_state_home_dir, home_dir): the guest image owns those paths now "
            + "(/workspace/snapshot, /cargo-home, /cargo-target, /run/pika-cloud/xdg-state, /root for root, "
            + "/home/pikaci otherwise); drop the field and set schema_version to 2 (CONTRACT.md §3)";

    /**
     * The version-1 fields that version 2 removed, each with the guest-owned path that replaced it
     * (CONTRACT.md §3). {@code home_dir} is {@code /root} for root and {@code /home/pikaci} otherwise.
     */
    public static final Map<String, String> REMOVED_V1_FIELDS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("workspace_dir", "/workspace/snapshot");
        m.put("cargo_home_dir", "/cargo-home");
        m.put("target_dir", "/cargo-target");
        m.put("xdg_state_home_dir", "/run/pika-cloud/xdg-state");
        m.put("home_dir", "/root (run_as_root) or /home/pikaci");
        REMOVED_V1_FIELDS = java.util.Collections.unmodifiableMap(m);
    }

    /**
     * @throws IllegalArgumentException when {@code schemaVersion} is not a u32
     * @throws NullPointerException     when {@code command} is null
     */
    public IncusGuestRunRequest {
        Unsigned.requireU32("schema_version", schemaVersion);
        Objects.requireNonNull(command, "command");
    }

    /**
     * A version-2 request.
     *
     * @param command     the command
     * @param timeoutSecs the timeout in seconds (u64, unsigned meaning)
     * @param runAsRoot   whether to run as root
     * @return the request
     */
    public static IncusGuestRunRequest v2(String command, long timeoutSecs, boolean runAsRoot) {
        return new IncusGuestRunRequest(ContractConstants.INCUS_GUEST_RUN_REQUEST_SCHEMA_VERSION, command,
                timeoutSecs, runAsRoot);
    }

    /**
     * The guest's own checks, which it applies after decoding (CONTRACT.md §3), with the guest's messages, in the
     * guest's order (it stops at the first; this lists all):
     * <ol>
     *   <li>{@code unsupported Incus guest request schema_version=N} when the version is not 2;</li>
     *   <li>{@code Incus guest request is missing non-empty string field `command`} when {@code command} is
     *       the empty string (the guest does not trim);</li>
     *   <li>{@code Incus guest request is missing positive integer field `timeout_secs`} when it is 0.</li>
     * </ol>
     * {@code run_as_root} is a boolean by type, so the guest's boolean check always holds here.
     *
     * @return the problems, empty when the guest would run this request
     */
    public List<String> guestProblems() {
        ValueRules.MapValues doc = new ValueRules.MapValues()
                .put("/schema_version", schemaVersion)
                .put("/command", command)
                .put("/timeout_secs", new BigInteger(Long.toUnsignedString(timeoutSecs)));
        List<String> problems = new ArrayList<>();
        ValueRules.guestRequest(doc, v -> problems.add(v.message()));
        return List.copyOf(problems);
    }
}
