package dev.pika.cli.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The files a command reads or writes, declared as data: {@link Cli#configure} renders them as the {@code Files:}
 * section of {@code --help} (after {@link Environment}) and the man page generator reads the same annotation (FILES).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FilesUsed {
    /** @return the files, in order */
    Entry[] value();
}
