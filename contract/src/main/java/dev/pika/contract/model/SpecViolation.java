package dev.pika.contract.model;

import java.util.Objects;

/**
 * One broken runtime spec validation rule ({@code RuntimeSpecError}, CONTRACT.md §4 "Validation rules").
 *
 * @param kind    which reference error variant
 * @param field   the field name the reference's message uses, e.g. {@code identity.runtime_id},
 *                {@code paths.status_path}, {@code entry_command}, {@code mount.guest_path}
 * @param pointer RFC 6901 pointer of the offending value in the spec document, e.g. {@code /paths/status_path},
 *                {@code /mounts/1/guest_path} (for a defaulted field it points where the value would be)
 * @param value   the offending value (the path or guest path), or null for {@link Kind#EMPTY_FIELD}
 * @param message the reference's message, e.g.
 *                {@code runtime spec path `paths.status_path` = `/tmp/status.json` is invalid: must stay under paths.state_dir}
 */
public record SpecViolation(Kind kind, String field, String pointer, String value, String message) {

    /** The reference's error variants. */
    public enum Kind {
        /** Rules 1, 2, 4, 5: {@code runtime spec field `F` must be non-empty}. */
        EMPTY_FIELD("spec-empty-field"),
        /** Rules 2, 3, 5: {@code runtime spec path `F` = `V` is invalid: REASON}. */
        INVALID_PATH("spec-invalid-path"),
        /** Rule 5: {@code runtime spec mount guest_path `P` must be unique}. */
        DUPLICATE_MOUNT_GUEST_PATH("spec-duplicate-mount-guest-path");

        private final String ruleId;

        Kind(String ruleId) {
            this.ruleId = ruleId;
        }

        /** @return a stable kebab-case rule id for findings, e.g. {@code spec-invalid-path} */
        public String ruleId() {
            return ruleId;
        }
    }

    public SpecViolation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    static SpecViolation emptyField(String field, String pointer) {
        return new SpecViolation(Kind.EMPTY_FIELD, field, pointer, null,
                "runtime spec field `" + field + "` must be non-empty");
    }

    static SpecViolation invalidPath(String field, String pointer, String path, String reason) {
        return new SpecViolation(Kind.INVALID_PATH, field, pointer, path,
                "runtime spec path `" + field + "` = `" + path + "` is invalid: " + reason);
    }

    static SpecViolation duplicateMountGuestPath(String pointer, String guestPath) {
        return new SpecViolation(Kind.DUPLICATE_MOUNT_GUEST_PATH, "mount.guest_path", pointer, guestPath,
                "runtime spec mount guest_path `" + guestPath + "` must be unique");
    }
}
