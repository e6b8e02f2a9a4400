package dev.pika.contract.model;

import dev.pika.contract.Rule;
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
        EMPTY_FIELD(Rule.SPEC_EMPTY_FIELD),
        /** Rules 2, 3, 5: {@code runtime spec path `F` = `V` is invalid: REASON}. */
        INVALID_PATH(Rule.SPEC_INVALID_PATH),
        /** Rule 5: {@code runtime spec mount guest_path `P` must be unique}. */
        DUPLICATE_MOUNT_GUEST_PATH(Rule.SPEC_DUPLICATE_MOUNT_GUEST_PATH);

        private final Rule rule;

        Kind(Rule rule) {
            this.rule = rule;
        }

        /** @return a stable kebab-case rule id for findings, e.g. {@code spec-invalid-path} */
        public String ruleId() {
            return rule.id();
        }
    }

    public SpecViolation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /**
     * @param v a violation of one of the spec rules ({@link ValueRules#runtimeSpec})
     * @return the same as a spec violation
     * @throws IllegalArgumentException when {@code v} is not a spec rule
     */
    static SpecViolation of(ValueRules.Violation v) {
        for (Kind k : Kind.values()) {
            if (k.rule == v.rule()) {
                return new SpecViolation(k, v.field(), v.pointer(), v.value(), v.message());
            }
        }
        throw new IllegalArgumentException("not a runtime spec rule: " + v.rule());
    }
}
