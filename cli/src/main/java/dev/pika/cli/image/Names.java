package dev.pika.cli.image;

import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import java.util.regex.Pattern;

/**
 * Up-front checks of the values {@code incus-role-image} passes to ssh, scp and Incus. Everything that reaches a
 * shell is also quoted ({@link ShellQuote}); these checks give a clear error before anything runs, and keep values
 * out that ssh would read as options or Incus would reject half-way.
 */
public final class Names {
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+/@-]{0,254}");
    private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,62}");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9._-]{0,63}@)?[A-Za-z0-9_][A-Za-z0-9._-]{0,252}");
    private static final Pattern INCUS_BIN = Pattern.compile("[A-Za-z0-9_./+-]+");
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern REMOTE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private Names() {
    }

    /**
     * An Incus image alias: 1-255 characters, letters, digits and {@code . _ + / @ -}, starting with a letter or
     * digit (so it is never read as an option; {@code :} would name a remote in the Incus CLI).
     *
     * @param alias the {@code --alias} value
     * @return the alias
     * @throws UserException exit code 2 naming the option, the value and the rule
     */
    public static String alias(String alias) {
        return check("--alias", alias, ALIAS,
                "an image alias is 1-255 letters, digits and . _ + / @ -, starting with a letter or digit");
    }

    /**
     * An Incus project name: 1-63 characters, letters, digits and {@code . _ + -}, starting with a letter or digit.
     *
     * @param project the {@code --project} value
     * @return the project
     * @throws UserException exit code 2
     */
    public static String project(String project) {
        return check("--project", project, PROJECT,
                "a project name is 1-63 letters, digits and . _ + -, starting with a letter or digit");
    }

    /**
     * An ssh destination: {@code HOST} or {@code USER@HOST}, where HOST is a host name, an IPv4 address or a
     * {@code Host} alias from the ssh config (letters, digits, {@code . _ -}); never starting with {@code -}.
     * IPv6 addresses need an ssh config alias, because scp would read their colons as the path separator.
     *
     * @param host the {@code --remote-host} value
     * @return the host
     * @throws UserException exit code 2
     */
    public static String host(String host) {
        return check("--remote-host", host, HOST,
                "a remote host is HOST or USER@HOST with letters, digits and . _ -, not starting with -"
                        + " (use an ssh config alias for IPv6)");
    }

    /**
     * The Incus client program: a command name or path without whitespace or shell syntax.
     *
     * @param bin the {@code --incus-bin} / {@code PIKA_INCUS_BIN} value
     * @return the program
     * @throws UserException exit code 2
     */
    public static String incusBin(String bin) {
        if (bin != null && bin.startsWith("-")) {
            throw invalid("--incus-bin", bin, "a program name or path, not starting with -");
        }
        return check("--incus-bin", bin, INCUS_BIN, "a program name or path (letters, digits and . _ / + -)");
    }

    /**
     * An Incus remote name, as {@code incus remote list} shows it: 1-63 letters, digits and {@code . _ -}, starting
     * with a letter or digit (a {@code :} would end it).
     *
     * @param remote the {@code --remote} value
     * @return the name
     * @throws UserException exit code 2
     */
    public static String remote(String remote) {
        return check("--remote", remote, REMOTE,
                "an Incus remote is a name from `incus remote list`: letters, digits and . _ -");
    }

    /**
     * A fingerprint given by the user ({@code --to}): exactly 64 lowercase hex digits.
     *
     * @param option the option, for the message
     * @param value  the value
     * @return the fingerprint
     * @throws UserException exit code 2
     */
    public static String fingerprintOption(String option, String value) {
        return check(option, value, FINGERPRINT, "an image fingerprint is 64 hex digits (lowercase)");
    }

    /**
     * A fingerprint read from a tool (Incus's JSON, its import output, sha256sum): used in argv words and API paths
     * only when it is exactly 64 lowercase hex digits. Anything else (say {@code -f} or
     * {@code ../../1.0/instances/x}) stops the run.
     *
     * @param value the value read
     * @param where what printed it, for the message
     * @return the fingerprint
     * @throws UserException exit code 1
     */
    public static String fingerprint(String value, String where) {
        if (value == null || !FINGERPRINT.matcher(value).matches()) {
            throw new UserException(ExitCodes.FAILURE, where + " gave " + printable(Texts.abbreviate(
                    String.valueOf(value), 80)) + " where an image fingerprint (64 hex digits) belongs: refusing to use it");
        }
        return value;
    }

    /** @return whether {@code value} is 64 lowercase hex digits */
    static boolean isFingerprint(String value) {
        return value != null && FINGERPRINT.matcher(value).matches();
    }

    private static String check(String option, String value, Pattern pattern, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(option, value, rule);
        }
        return value;
    }

    private static UserException invalid(String option, String value, String rule) {
        return new UserException(ExitCodes.USAGE, "invalid " + option + " " + printable(value) + ": " + rule);
    }

    /** @return the value in double quotes with control characters escaped, safe to print on a terminal */
    public static String printable(String value) {
        if (value == null) {
            return "<unset>";
        }
        StringBuilder sb = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.append('"').toString();
    }
}
