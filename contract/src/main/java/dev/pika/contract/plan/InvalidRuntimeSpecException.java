package dev.pika.contract.plan;

import dev.pika.contract.model.SpecViolation;
import java.util.List;

/**
 * A runtime spec that breaks a validation rule (CONTRACT.md §4) cannot be planned.
 * The message is the first violation's, which is the error the reference reports.
 */
public final class InvalidRuntimeSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<SpecViolation> violations;

    /**
     * @param violations what {@link dev.pika.contract.model.RuntimeSpec#validate()} found, at least one
     */
    public InvalidRuntimeSpecException(List<SpecViolation> violations) {
        super(violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    /** @return every violation, in rule order */
    public List<SpecViolation> violations() {
        return violations;
    }
}
