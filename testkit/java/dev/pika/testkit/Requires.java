package dev.pika.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tools and services every test of a class (or one test) needs, by {@link Require#tool} name:
 * {@code @Requires({"nix", "lxd", "sshd"})}. When one is missing each test is skipped and counted (with the reason
 * on the console), or fails under {@code CI=true}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RequiresCondition.class)
public @interface Requires {
    /** @return the names, e.g. {@code "nix"}, {@code "lxd"}, {@code "incus"}, {@code "sshd"}, {@code "zsh"} */
    String[] value();
}
