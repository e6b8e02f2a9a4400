package dev.pika.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one {@code require(tool)} of the test suite. A test that needs a real tool or service asks for it here; when
 * it is missing the test is skipped with the reason on the console (see {@link SkipReport}), or, when the
 * environment says {@code CI=true}, it FAILS: CI installs everything with {@code .ci/setup-*.sh}, so a missing tool
 * there is a broken setup, never a silent skip.
 *
 * <p>Call it inside a test or {@code @BeforeEach}. In {@code @BeforeAll} an abort makes JUnit skip the class
 * without counting its tests; for a whole class use {@link Requires @Requires} instead, which counts every test
 * as skipped.
 *
 * <p>Known names (probe, and the setup script that provides it): {@code nix}, {@code lxd} ({@code lxc info}),
 * {@code incus} ({@code incus info}), {@code incus-remote} (the {@code pika-loopback} remote), {@code sshd}
 * (ssh to root@127.0.0.1 with {@code PIKA_BUILD_SSH_KEY}), and any program name (found on {@code PATH}).
 */
public final class Require {
    /** The key the loopback sshd accepts (installed by {@code .ci/setup-image.sh}). */
    public static final String SSH_KEY = Optional.ofNullable(System.getenv("PIKA_BUILD_SSH_KEY"))
            .orElse("/root/.ssh/pika-ci-image");

    private static final Map<String, Optional<String>> PROBED = new ConcurrentHashMap<>();

    /** Which setup script provides what (the default is {@code scripts/test.sh}, which runs them all). */
    private static final Map<String, String> SETUP = Map.ofEntries(
            Map.entry("nix", ".ci/setup-image.sh"), Map.entry("lxd", ".ci/setup-image.sh"),
            Map.entry("lxc", ".ci/setup-image.sh"), Map.entry("qemu-img", ".ci/setup-image.sh"),
            Map.entry("sshd", ".ci/setup-image.sh"), Map.entry("xz", ".ci/setup-image.sh"),
            Map.entry("git", ".ci/setup-image.sh"), Map.entry("incus", ".ci/setup-incus.sh"),
            Map.entry("incus-remote", ".ci/setup-incus.sh"), Map.entry("busybox", ".ci/setup-incus.sh"),
            Map.entry("shellcheck", ".ci/setup-render.sh"), Map.entry("zsh", ".ci/setup-shell.sh"),
            Map.entry("fish", ".ci/setup-shell.sh"), Map.entry("tmux", ".ci/setup-shell.sh"),
            Map.entry("mandoc", ".ci/setup-shell.sh"), Map.entry("man", ".ci/setup-shell.sh"),
            Map.entry("pre-commit", ".ci/setup-precommit.sh"));

    private Require() {
    }

    /** @return whether this run is CI ({@code CI=true}), where nothing may be skipped for a missing tool */
    public static boolean ci() {
        return "true".equals(System.getenv("CI"));
    }

    /**
     * Requires a tool or service by name (see the class comment).
     *
     * @param name a known name or a program on {@code PATH}
     * @return the program's absolute path when {@code name} is a program, else null
     */
    public static Path tool(String name) {
        Optional<String> missing = PROBED.computeIfAbsent(name, Require::probe);
        missing.ifPresent(why -> skip(name + " " + why, setupOf(name)));
        return onPath(name).orElse(null);
    }

    /** @return the reason {@code name} is unusable, or empty when it is usable (probed once per JVM) */
    public static Optional<String> missing(String name) {
        return PROBED.computeIfAbsent(name, Require::probe);
    }

    /**
     * Requires a condition the caller checked itself.
     *
     * @param what   what is needed, e.g. {@code "unshare with mount namespaces"}
     * @param usable whether it is there
     * @param setup  what provides it, e.g. {@code ".ci/setup-image.sh"}
     */
    public static void that(String what, boolean usable, String setup) {
        if (!usable) {
            skip(what + " is not available", setup);
        }
    }

    /** @return the message a missing requirement gives: what, and the command that installs it */
    static String message(String what, String setup) {
        return what + ": run `sudo scripts/test.sh` (installs everything, then tests)"
                + (setup == null ? "" : " or `sudo bash " + setup + "`");
    }

    static String setupOf(String name) {
        return SETUP.get(name);
    }

    private static void skip(String what, String setup) {
        String msg = message(what, setup);
        if (ci()) {
            Assertions.fail("CI=true and a required tool is missing, so this fails instead of skipping: " + msg);
        }
        Assumptions.abort(msg);
    }

    private static Optional<String> probe(String name) {
        return switch (name) {
            case "nix" -> works("nix", "--version");
            case "lxd" -> works("lxc", "info");
            case "incus" -> works("incus", "info");
            case "incus-remote" -> works("incus", "info", "pika-loopback:");
            case "sshd" -> Files.isReadable(Path.of(SSH_KEY))
                    ? works("ssh", "-i", SSH_KEY, "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=accept-new",
                            "-o", "ConnectTimeout=5", "root@127.0.0.1", "true")
                    : Optional.of("is not usable: no ssh key at " + SSH_KEY);
            default -> onPath(name).isPresent() ? Optional.empty() : Optional.of("is not installed (not on PATH)");
        };
    }

    private static Optional<String> works(String... argv) {
        if (onPath(argv[0]).isEmpty()) {
            return Optional.of("is not installed (" + argv[0] + " not on PATH)");
        }
        Proc.Result r = Proc.of(argv).timeout(Duration.ofSeconds(60)).outputToFiles().run();
        if (r.exit() == 0) {
            return Optional.empty();
        }
        String err = r.err().strip();
        int nl = err.indexOf('\n');
        return Optional.of("is not usable: `" + String.join(" ", List.of(argv)) + "` exits " + r.exit()
                + (err.isEmpty() ? "" : " (" + (nl < 0 ? err : err.substring(0, nl)) + ")"));
    }

    /** @return the program's absolute path on {@code PATH} */
    public static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
