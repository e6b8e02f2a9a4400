package dev.pika.cli.render;

import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.cli.common.OutputFileOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pika render tart-guest-script}: prints the bash script a Tart macOS guest runs (CONTRACT.md §8). */
@Command(name = "tart-guest-script",
        mixinStandardHelpOptions = true,
        description = {
            "Render the bash script a Tart macOS guest runs (`tart exec VM bash -lc SCRIPT`): it tees all output "
                    + "into ARTIFACTS/guest.log, sets up Xcode, DEVELOPER_DIR, the Nix store, the CA bundle and PATH, "
                    + "runs the command in the workspace and writes ARTIFACTS/result.json (terminal result, "
                    + "schema version 1).",
            "The command runs in a child shell, so nothing it does (exit, exec, set -e/-u, PATH, functions, "
                    + "read-only variables) can keep the script from writing a truthful result.json; a failure "
                    + "before it runs (no Xcode, missing workspace) writes a failed result that says where.",
            "With --reference-compatible and the default directories the output is byte-identical to the "
                    + "reference renderer for plain commands. In both modes a command with shell syntax (quotes, $, "
                    + "backslashes, newlines, ;, |, …) or a leading - or NAME= word is quoted so that it runs as "
                    + "given (see docs/render.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:rendered", " 2:usage error (empty command, relative directory), or FILE cannot be written"})
public final class TartGuestScriptCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--command", required = true, paramLabel = "CMD",
            description = "The guest command, as bash text (e.g. 'cargo test').")
    String command;

    @Option(names = "--run-as-root", description = "Run the command with `sudo --non-interactive`.")
    boolean runAsRoot;

    @Option(names = "--use-host-xcode",
            description = "Mount the host's Xcode (virtiofs tag pikaci-xcode) and /Library/Developer "
                    + "(pikaci-library-developer) instead of finding an Xcode in the guest.")
    boolean useHostXcode;

    @Option(names = "--use-host-rust-toolchain",
            description = "Mount the host's Nix store (pikaci-nix-store), put the shared Rust toolchain on PATH and "
                    + "point SSL_CERT_FILE & co. at /etc/ssl/cert.pem.")
    boolean useHostRustToolchain;

    @Option(names = "--artifacts-dir", paramLabel = "DIR", defaultValue = TartGuestScript.DEFAULT_ARTIFACTS_DIR,
            description = "Absolute guest directory for guest.log and result.json (default: ${DEFAULT-VALUE}).")
    String artifactsDir;

    @Option(names = "--workspace-dir", paramLabel = "DIR", defaultValue = TartGuestScript.DEFAULT_WORKSPACE_DIR,
            description = "Absolute guest directory the command runs in (default: ${DEFAULT-VALUE}).")
    String workspaceDir;

    @Option(names = "--rust-toolchain-dir", paramLabel = "DIR",
            defaultValue = TartGuestScript.DEFAULT_RUST_TOOLCHAIN_DIR,
            description = "Absolute guest directory whose bin/ goes on PATH with --use-host-rust-toolchain "
                    + "(default: ${DEFAULT-VALUE}).")
    String rustToolchainDir;

    @Option(names = "--reference-compatible",
            description = "Render the reference's script: byte-identical for plain commands, with its weaknesses "
                    + "(the command runs in the script's own shell, so `exit`, `exec`, `set -e`, a changed PATH or "
                    + "an overridden `cat`/`date` can leave no result.json or a false one).")
    boolean referenceCompatible;

    @Mixin
    OutputFileOption output;

    @Override
    public void run() {
        if (command.isBlank()) {
            throw new UserException(ExitCodes.USAGE, "--command must not be empty: the guest would run nothing "
                    + "and still report `completed`");
        }
        requireAbsolute("--artifacts-dir", artifactsDir);
        requireAbsolute("--workspace-dir", workspaceDir);
        requireAbsolute("--rust-toolchain-dir", rustToolchainDir);
        if (rustToolchainDir.contains(":")) {
            throw new UserException(ExitCodes.USAGE, "--rust-toolchain-dir \"" + rustToolchainDir
                    + "\" contains ':', which would split the PATH entry it becomes");
        }
        TartGuestScript script = new TartGuestScript(command, runAsRoot, useHostXcode, useHostRustToolchain,
                artifactsDir, workspaceDir, rustToolchainDir, referenceCompatible);
        output.emit(spec.commandLine(), script.render());
    }

    private static void requireAbsolute(String option, String dir) {
        if (!dir.startsWith("/")) {
            throw new UserException(ExitCodes.USAGE, option + " \"" + dir + "\" must be an absolute path: the "
                    + "script changes directory before it writes the result");
        }
    }
}
