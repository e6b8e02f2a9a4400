package dev.pika.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Evaluates {@link Requires} for each test method (never for the class as a whole, so every skipped test is
 * counted); under {@code CI=true} a missing requirement throws, which fails the test.
 */
public final class RequiresCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("checked per test");
        }
        List<String> names = new ArrayList<>();
        context.getTestClass().ifPresent(c -> names.addAll(names(c)));
        context.getTestMethod().ifPresent(m -> names.addAll(names(m)));
        for (String name : names) {
            Optional<String> why = Require.missing(name);
            if (why.isPresent()) {
                String msg = Require.message(name + " " + why.get(), Require.setupOf(name));
                if (Require.ci()) {
                    throw new AssertionError("CI=true and a required tool is missing, so this fails instead of "
                            + "skipping: " + msg);
                }
                return ConditionEvaluationResult.disabled(msg);
            }
        }
        return ConditionEvaluationResult.enabled("all of " + names + " present");
    }

    private static List<String> names(AnnotatedElement e) {
        Requires r = e.getAnnotation(Requires.class);
        return r == null ? List.of() : List.of(r.value());
    }
}
