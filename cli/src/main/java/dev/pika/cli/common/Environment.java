package dev.pika.cli.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The environment variables a command reads, declared as data: {@link Cli#configure} renders them as the
 * {@code Environment:} section of {@code --help} (after the footer) and the man page generator reads the same
 * annotation (ENVIRONMENT). Inherited, so a base class declares them once for its subcommands; an empty value says
 * a subcommand reads none of them.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Environment {
    /** @return the variables, in order */
    Entry[] value();
}
