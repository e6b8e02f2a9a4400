package dev.pika.cli.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The one {@code --format} option of every pika command (a picocli mixin, like jbang's {@code FormatMixin}). The
 * command that mixes it in says which formats it writes with {@link Formats}: an enum whose constant names are the
 * values, the first one the default. Help ({@code ${COMPLETION-CANDIDATES}}), completion and the
 * check of the value all come from that enum, so adding a format to a command is adding an enum constant.
 */
public final class FormatOption {
    /** On a command that mixes in {@link FormatOption} (or a base class of it): the formats it writes. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Formats {
        /** @return the enum of the formats; its first constant is the default */
        Class<? extends Enum<?>> value();
    }

    /** The formats of a command that writes a text report or JSON for scripts. */
    public enum TextOrJson {
        /** Text for people. */
        text,
        /** JSON for scripts. */
        json
    }

    /** The option's name. */
    public static final String NAME = "--format";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private String value;

    @Option(names = NAME, paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
    void value(String v) {
        List<String> names = names(mixee);
        if (!names.isEmpty() && !names.contains(v)) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "invalid value for " + NAME + ": "
                    + Display.quoted(v) + " (expected one of " + String.join(", ", names) + ")");
        }
        value = v;
    }

    /**
     * @param type the command's {@link Formats} enum
     * @param <E>  the enum
     * @return the format given, or the enum's first constant
     */
    public <E extends Enum<E>> E get(Class<E> type) {
        return value == null ? type.getEnumConstants()[0] : Enum.valueOf(type, value);
    }

    /** @return the values {@code spec}'s command accepts, or an empty list when it declares none */
    static List<String> names(CommandSpec spec) {
        Object command = spec == null ? null : spec.userObject();
        Formats formats = command == null ? null : command.getClass().getAnnotation(Formats.class);
        if (formats != null) {
            return Arrays.stream(formats.value().getEnumConstants()).map(Enum::name).toList();
        }
        return List.of();
    }

    /**
     * Gives every {@code --format} option in the tree its command's values as completion candidates (picocli
     * instantiates a {@code completionCandidates} class without knowing the command, so this is done here).
     *
     * @param cl the root of a command tree
     */
    static void applyTo(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        OptionSpec option = spec.findOption(NAME);
        List<String> names = names(spec);
        if (option != null && !names.isEmpty()) {
            spec.remove(option);
            spec.addOption(option.toBuilder().completionCandidates(names).build());
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().parent() == spec) {
                applyTo(sub);
            }
        }
    }
}
