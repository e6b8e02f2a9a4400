package dev.pika.cli.completion;

import java.util.List;

/**
 * A program that completes like pika: {@code pika} itself, and the launchers in {@code bin/} that run a pika
 * command with fixed leading words (CONTRACT.md §7). The completion scripts of a launcher ask
 * {@code pika __complete -- PREFIX… WORDS…}, using the {@code pika} next to the launcher (else the one on
 * {@code PATH}); its man page is generated from the command the prefix names.
 *
 * <p>Assumption shared with the launchers: {@code incus-role-image ARGS} runs {@code pika image ARGS},
 * {@code incus-dev-image ARGS} runs {@code pika image --role managed-openclaw ARGS} and
 * {@code pikaci-incus-image ARGS} runs {@code pika image --role pikaci-runner ARGS}.
 *
 * @param name   the program name as typed, e.g. {@code incus-role-image}
 * @param prefix the pika words the launcher puts before its arguments; empty for {@code pika}
 * @param legacy whether this is a legacy entry point kept for old scripts
 */
public record Launcher(String name, List<String> prefix, boolean legacy) {
    /** {@code pika} itself. */
    public static final Launcher PIKA = new Launcher("pika", List.of(), false);

    /** @return every program that gets completion scripts, {@code pika} first */
    public static List<Launcher> all() {
        return List.of(PIKA,
                new Launcher("incus-role-image", List.of("image"), false),
                new Launcher("incus-dev-image", List.of("image", "--role", "managed-openclaw"), true),
                new Launcher("pikaci-incus-image", List.of("image", "--role", "pikaci-runner"), true));
    }

    /**
     * @param name a program name
     * @return the launcher of that name
     * @throws IllegalArgumentException when there is none
     */
    public static Launcher named(String name) {
        for (Launcher l : all()) {
            if (l.name.equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown program: " + name + " (expected one of " + names() + ")");
    }

    /**
     * @param name a program name
     * @return the launcher of that name, or null
     */
    public static Launcher find(String name) {
        for (Launcher l : all()) {
            if (l.name.equals(name)) {
                return l;
            }
        }
        return null;
    }

    /** @return the program names, comma-separated, for messages */
    public static String names() {
        return String.join(", ", all().stream().map(Launcher::name).toList());
    }

    /** @return the pika command line this launcher stands for, e.g. {@code pika image --role pikaci-runner} */
    public String pikaCommand() {
        return prefix.isEmpty() ? "pika" : "pika " + String.join(" ", prefix);
    }

    /** @return the name as a shell function identifier part, e.g. {@code incus_role_image} */
    public String identifier() {
        return name.replace('-', '_');
    }
}
