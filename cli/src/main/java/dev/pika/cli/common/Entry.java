package dev.pika.cli.common;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One environment variable or file a command reads or writes, declared as data (inside {@link Environment} or
 * {@link FilesUsed}): {@code --help} shows it as {@code "  NAME  text"}, the man page as a tagged paragraph.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Entry {
    /** @return the variable or file name, e.g. {@code PIKA_INCUS_BIN} or {@code ~/.local/state/pika/history} */
    String name();

    /** @return what it is, one sentence with a final period */
    String text();
}
