package dev.pika.cli.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command's examples, declared as data: {@link Cli#configure} renders them as the {@code Examples:} section of
 * {@code --help} (after the footer), and the man page generator reads the same annotation (EXAMPLES). A line that
 * starts with a program name ({@code pika}, {@code incus-role-image}, …) or with the prompt {@code $ } is a command; any other line describes
 * the commands after it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Examples {
    /** @return the example lines, without indentation */
    String[] value();
}
