package dev.pika.cli.render;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a Tart guest on Linux, for running rendered scripts under real bash: {@code My Shared Files/}
 * with {@code artifacts/}, {@code workspace/} (holding {@code guest-test.sh}) and {@code rust-toolchain/bin/}; a
 * fake Xcode Developer directory; and {@code bin/} with stand-ins for the macOS-only programs only
 * ({@code sudo}, {@code xcode-select}, {@code xcodebuild}, {@code mount_virtiofs}), each recording its argv in
 * {@code standins.log}. Everything else the script runs (bash, tee, date, mount, grep, cat) is the real thing.
 */
public final class GuestSandbox {
    /** The stand-ins put on PATH. */
    public static final List<String> STANDINS = List.of("sudo", "xcode-select", "xcodebuild", "mount_virtiofs");

    public final Path root;
    public final Path bin;
    public final Path developerDir;
    public final Path artifacts;
    public final Path workspace;
    public final Path rustToolchain;
    public final Path standinLog;

    private GuestSandbox(Path root) throws IOException {
        this.root = root;
        Path shared = Files.createDirectories(root.resolve("My Shared Files"));
        bin = Files.createDirectories(root.resolve("bin"));
        developerDir = Files.createDirectories(root.resolve("Xcode-16.4.0.app/Contents/Developer"));
        artifacts = Files.createDirectories(shared.resolve("artifacts"));
        workspace = Files.createDirectories(shared.resolve("workspace"));
        rustToolchain = Files.createDirectories(shared.resolve("rust-toolchain"));
        Files.createDirectories(rustToolchain.resolve("bin"));
        standinLog = root.resolve("standins.log");
        Files.createFile(standinLog);
        for (String standin : STANDINS) {
            install("standins/" + standin, bin.resolve(standin));
        }
        install("standins/xcodebuild", Files.createDirectories(developerDir.resolve("usr/bin")).resolve("xcodebuild"));
        install("guest-test.sh", workspace.resolve("guest-test.sh"));
    }

    /**
     * @param dir an empty directory (e.g. a JUnit {@code @TempDir})
     * @return the sandbox
     */
    public static GuestSandbox create(Path dir) {
        try {
            return new GuestSandbox(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the directory options of {@code pika render tart-guest-script} that point into this sandbox */
    public List<String> dirOptions() {
        return List.of("--artifacts-dir", artifacts.toString(), "--workspace-dir", workspace.toString(),
                "--rust-toolchain-dir", rustToolchain.toString());
    }

    /**
     * Runs a script the way Tart does ({@code bash -c SCRIPT}, without {@code -l}: a login shell would reset
     * PATH from /etc/profile) with the stand-ins first on PATH.
     *
     * @param script the script text
     * @return the finished bash process
     */
    public Proc.Result runScript(String script) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        env.put("PIKA_STANDIN_LOG", standinLog.toString());
        env.put("PIKA_STANDIN_DEVELOPER_DIR", developerDir.toString());
        for (String inherited : List.of("DEVELOPER_DIR", "SSL_CERT_FILE", "CURL_CA_BUNDLE", "CARGO_HTTP_CAINFO",
                "NIX_SSL_CERT_FILE", "BASH_ENV", "ENV")) {
            env.put(inherited, null);
        }
        return Proc.of(List.of(Require.tool("bash").toString(), "-c", script)).cwd(root).env(env).run();
    }

    /** @return the bytes of {@code artifacts/result.json} */
    public byte[] resultJson() {
        return read(artifacts.resolve("result.json"));
    }

    /** @return {@code artifacts/guest.log} */
    public String guestLog() {
        return new String(read(artifacts.resolve("guest.log")), StandardCharsets.UTF_8);
    }

    /** @return the stand-ins' argv records, one line per call, words in bash {@code %q} form */
    public List<String> standinCalls() {
        return new String(read(standinLog), StandardCharsets.UTF_8).lines().toList();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e, e);
        }
    }

    private static void install(String resource, Path target) throws IOException {
        try (InputStream in = GuestSandbox.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
