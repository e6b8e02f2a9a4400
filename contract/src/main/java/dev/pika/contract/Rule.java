package dev.pika.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rule registry: every rule id a {@link Finding} can carry, with its severity and a one-line description.
 * The single list of rules; the rule table of {@code docs/validation.md} is generated from it
 * ({@code scripts/regen-docs.sh}, drift-tested), and the validator refuses (by assertion) an id not listed here.
 *
 * <p>Order: decoder errors, the reference's value checks (CONTRACT.md §3, §4, §2 canonical paths), pika's
 * limits, then lint (warnings).
 */
public enum Rule {
    SYNTAX_ERROR("syntax-error", Severity.ERROR, "malformed JSON, invalid UTF-8, lone surrogate, empty document"),
    ENCODING("encoding", Severity.ERROR, "byte order mark, UTF-16/32 input"),
    TRAILING_CHARACTERS("trailing-characters", Severity.ERROR,
            "anything but whitespace after the value (event lines: a second value)"),
    INVALID_TYPE("invalid-type", Severity.ERROR,
            "wrong JSON type (no coercion), incl. a top level that is not an object"),
    INTEGER_OUT_OF_RANGE("integer-out-of-range", Severity.ERROR, "outside u8/u32/u64/i32"),
    NUMBER_OUT_OF_RANGE("number-out-of-range", Severity.ERROR, "a float that overflows an f64"),
    UNKNOWN_VARIANT("unknown-variant", Severity.ERROR, "enum string not exact; `passed` gets the rename hint"),
    MISSING_FIELD("missing-field", Severity.ERROR, "required field absent"),
    DUPLICATE_FIELD("duplicate-field", Severity.ERROR, "a field twice (also `role` + `guest_role`)"),
    UNKNOWN_FIELD("unknown-field", null,
            "unknown field: an error in the request (it denies them, with the v1 → v2 hint), else a warning"),
    RECURSION_LIMIT("recursion-limit", Severity.ERROR, "deeper than serde_json allows (127 nested containers)"),
    UNSUPPORTED_SCHEMA_VERSION("unsupported-schema-version", Severity.ERROR,
            "request schema_version is not 2 (the guest's check, §3)"),
    EMPTY_COMMAND("empty-command", Severity.ERROR, "request `command` is the empty string (the guest's check, §3)"),
    ZERO_TIMEOUT("zero-timeout", Severity.ERROR, "request `timeout_secs` is 0 (the guest's check, §3)"),
    SPEC_EMPTY_FIELD("spec-empty-field", Severity.ERROR,
            "spec rules 1, 2, 4, 5 (§4): a required text blank after Rust's trim()"),
    SPEC_INVALID_PATH("spec-invalid-path", Severity.ERROR,
            "spec rules 2, 3, 5 (§4): a path not absolute, with `..`, or not under paths.state_dir"),
    SPEC_DUPLICATE_MOUNT_GUEST_PATH("spec-duplicate-mount-guest-path", Severity.ERROR,
            "spec rule 5 (§4): two mounts with the same guest_path"),
    NON_CANONICAL_PATH("non-canonical-path", Severity.ERROR,
            "a lifecycle artifact path that is not the canonical one (validate_canonical_paths, §2)"),
    DOCUMENT_TOO_LARGE("document-too-large", Severity.ERROR, "over pika's document size limit (see [Limits](#limits))"),
    LINE_TOO_LONG("line-too-long", Severity.ERROR, "an event line over pika's size limit (see [Limits](#limits))"),
    LIMIT_EXCEEDED("limit-exceeded", Severity.ERROR, "over one of pika's other limits (see [Limits](#limits))"),
    SCHEMA_VERSION("schema-version", Severity.WARNING, "lifecycle document with schema_version ≠ 1"),
    STATUS_EXIT_CODE("status-exit-code", Severity.WARNING, "`completed` with a non-zero exit code, `failed` with 0"),
    TIMESTAMP_FORMAT("timestamp-format", Severity.WARNING, "not RFC 3339"),
    SEQ_ORDER("seq-order", Severity.WARNING, "event `seq` not increasing"),
    LEGACY_FIELD("legacy-field", Severity.WARNING, "removed spec fields (`bootstrap`, `lifecycle_root`)"),
    LEGACY_ENTRY_COMMAND_LOST("legacy-entry-command-lost", Severity.WARNING,
            "the entry command a removed `bootstrap` carried is lost"),
    RECORDED_ROLE_CUSTOM_ALIAS("recorded-role-custom-alias", Severity.WARNING,
            "image record (§5): a role recorded with a custom alias; see [image-records.md](image-records.md)"),
    RECORDED_ROLE_MISMATCH("recorded-role-mismatch", Severity.WARNING,
            "image record (§5): a role recorded with another role's default alias"),
    FINGERPRINT_FORMAT("fingerprint-format", Severity.WARNING,
            "image record (§6): a fingerprint not 64 lowercase hex digits"),
    TOO_MANY_FINDINGS("too-many-findings", null,
            "more than 1,000 findings in one file; severity: as the dropped ones");

    private static final Map<String, Rule> BY_ID = new HashMap<>();

    static {
        for (Rule r : values()) {
            BY_ID.put(r.id, r);
        }
    }

    private final String id;
    private final Severity severity;
    private final String doc;

    Rule(String id, Severity severity, String doc) {
        this.id = id;
        this.severity = severity;
        this.doc = doc;
    }

    /** @return the stable kebab-case id findings carry, e.g. {@code spec-invalid-path} */
    public String id() {
        return id;
    }

    /** @return the severity of every finding under this rule, or empty when it depends on the case */
    public Optional<Severity> severity() {
        return Optional.ofNullable(severity);
    }

    /** @return one line saying what the rule catches (Markdown) */
    public String doc() {
        return doc;
    }

    /**
     * @param id a rule id
     * @return the rule with that id, or empty
     */
    public static Optional<Rule> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    @Override
    public String toString() {
        return id;
    }
}
