package dev.pika.cli.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The bash script a Tart macOS guest runs ({@code tart exec VM bash -lc SCRIPT}, CONTRACT.md §8): tees all output
 * into {@code ARTIFACTS/guest.log}, sets up Xcode, {@code DEVELOPER_DIR}, the Nix store, the CA bundle and
 * {@code PATH}, enters the workspace, runs the guest command with {@code set +e}, and writes
 * {@code ARTIFACTS/result.json} with {@link ResultFragment}.
 *
 * <p>With the default directories and a plain command ({@link Shell#isPlain}) the output is byte-identical to the
 * reference's {@code render_tart_guest_script}, including its quirks (lines holding only {@code \}, the trailing
 * {@code EOF\n\n}; see docs/render.md). A command that is not plain is passed to bash quoted, so that it runs as
 * given: {@code eval $'CMD'} in the script's own shell, or {@code sudo --non-interactive bash -c $'CMD'} as root.
 *
 * @param command              the guest command, shell text; not blank
 * @param runAsRoot            run the command with {@code sudo --non-interactive}
 * @param useHostXcode         mount the host's Xcode and {@code /Library/Developer} over virtiofs instead of
 *                             using the guest's own Xcode
 * @param useHostRustToolchain mount the host's Nix store, use its Rust toolchain and the macOS CA bundle
 * @param artifactsDir         guest directory for {@code guest.log} and {@code result.json}; absolute
 * @param workspaceDir         guest directory the command runs in; absolute
 * @param rustToolchainDir     guest directory whose {@code bin} is put on {@code PATH} with
 *                             {@code useHostRustToolchain}; absolute, without {@code :}
 * @param referenceCompatible  the reference's script (byte-identical for plain commands, with its weaknesses:
 *                             the command runs in the script's own shell, so it can end the script before the
 *                             result is written or change what is written); otherwise pika's honest script, see
 *                             {@link #render()}
 */
public record TartGuestScript(String command, boolean runAsRoot, boolean useHostXcode, boolean useHostRustToolchain,
                              String artifactsDir, String workspaceDir, String rustToolchainDir,
                              boolean referenceCompatible) {
    /** The shared-folder root of a Tart guest. */
    public static final String SHARED_FILES = "/Volumes/My Shared Files";
    /** Default {@link #artifactsDir()}. */
    public static final String DEFAULT_ARTIFACTS_DIR = SHARED_FILES + "/artifacts";
    /** Default {@link #workspaceDir()}. */
    public static final String DEFAULT_WORKSPACE_DIR = SHARED_FILES + "/workspace";
    /** Default {@link #rustToolchainDir()} ({@code TART_RUST_TOOLCHAIN_NAME}). */
    public static final String DEFAULT_RUST_TOOLCHAIN_DIR = SHARED_FILES + "/rust-toolchain";
    /** virtiofs tag of the host's Xcode app. */
    public static final String XCODE_TAG = "pikaci-xcode";
    /** virtiofs tag of the host's {@code /Library/Developer}. */
    public static final String LIBRARY_DEVELOPER_TAG = "pikaci-library-developer";
    /** virtiofs tag of the host's Nix store. */
    public static final String NIX_STORE_TAG = "pikaci-nix-store";
    /** What {@code run_as_root} puts before the command. */
    public static final String SUDO = "sudo --non-interactive";

    private static final Template SCRIPT = Template.load("tart-guest-script.sh.in");
    private static final Template HONEST_SCRIPT = Template.load("tart-guest-script-honest.sh.in");
    private static final Template XCODE_MOUNTS = Template.load("tart-xcode-mounts.sh.in");
    private static final Template DEVELOPER_DIR_HOST = Template.load("tart-developer-dir-host-xcode.sh.in");
    private static final Template DEVELOPER_DIR_GUEST = Template.load("tart-developer-dir-guest-xcode.sh.in");
    private static final Template NIX_STORE_MOUNT = Template.load("tart-nix-store-mount.sh.in");
    private static final Template CA_BUNDLE = Template.load("tart-ca-bundle.sh.in");

    public TartGuestScript {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(artifactsDir, "artifactsDir");
        Objects.requireNonNull(workspaceDir, "workspaceDir");
        Objects.requireNonNull(rustToolchainDir, "rustToolchainDir");
    }

    /**
     * The reference's inputs with the default {@code /Volumes/My Shared Files/…} directories, reference-compatible.
     *
     * @param command              the guest command
     * @param runAsRoot            run with sudo
     * @param useHostXcode         mount the host's Xcode
     * @param useHostRustToolchain mount the host's Nix store and Rust toolchain
     * @return the script description
     */
    public static TartGuestScript withDefaultDirs(String command, boolean runAsRoot, boolean useHostXcode,
                                                  boolean useHostRustToolchain) {
        return new TartGuestScript(command, runAsRoot, useHostXcode, useHostRustToolchain, DEFAULT_ARTIFACTS_DIR,
                DEFAULT_WORKSPACE_DIR, DEFAULT_RUST_TOOLCHAIN_DIR, true);
    }

    /** @return the result fragment this script ends with: it writes {@code artifactsDir/result.json} */
    public ResultFragment resultFragment() {
        return new ResultFragment(artifactsDir + "/result.json", referenceCompatible);
    }

    /**
     * The line that runs the guest command. Reference-compatible and plain ({@link Shell#isPlain}): the command
     * itself, prefixed with {@value #SUDO} for root, as the reference splices it. Otherwise ANSI-C quoted:
     * {@code eval -- $'CMD'}, or as root {@code sudo --non-interactive bash -c -- $'CMD'}; the honest script always
     * uses that root form, so a builtin ({@code exit 3}, {@code cd}) runs as bash runs it rather than as a program
     * sudo cannot find. The {@code --} keeps a command that starts with {@code -} from being read as options.
     *
     * @return one line of bash
     */
    public String commandLine() {
        boolean plain = Shell.isPlain(command);
        if (plain && (!runAsRoot || referenceCompatible)) {
            return runAsRoot ? SUDO + " " + command : command;
        }
        String quoted = Shell.ansiCQuoted(command);
        return runAsRoot ? SUDO + " bash -c -- " + quoted : "eval -- " + quoted;
    }

    /**
     * The script text (no shebang: it is run as {@code bash -lc SCRIPT}). Reference-compatible: the reference's
     * template, ending in {@code EOF\n\n}. Otherwise the same setup, and: the result writer
     * ({@link ResultFragment#writer()}) is defined first; an {@code EXIT} trap writes a {@code failed} result naming
     * the setup stage when the script stops before the command ran (no Xcode, missing workspace, a failed mount);
     * the command runs in a child shell {@code ( set +euo pipefail; CMD )}, so its {@code exit}, {@code exec},
     * {@code set} options, functions, variables and {@code PATH} end with it; then the result is written from its
     * exit status.
     *
     * @return the script
     */
    public String render() {
        String xcodeMounts = useHostXcode
                ? XCODE_MOUNTS.render(Map.of("xcode_tag", XCODE_TAG, "library_developer_tag", LIBRARY_DEVELOPER_TAG))
                : "";
        String developerDir = (useHostXcode ? DEVELOPER_DIR_HOST : DEVELOPER_DIR_GUEST).text();
        String nixStore = useHostRustToolchain ? NIX_STORE_MOUNT.render(Map.of("nix_store_tag", NIX_STORE_TAG)) : "";
        String caBundle = useHostRustToolchain ? CA_BUNDLE.text() : "";
        String toolchainPath = useHostRustToolchain ? Shell.insideDoubleQuotes(rustToolchainDir) + "/bin:" : "";
        Map<String, String> values = new HashMap<>(Map.of(
                "artifacts_dir", Shell.insideDoubleQuotes(artifactsDir),
                "timestamp_command", ResultFragment.TIMESTAMP_COMMAND,
                "xcode_setup", xcodeMounts,
                "developer_dir_setup", developerDir,
                "nix_store_setup", nixStore,
                "ca_bundle_setup", caBundle,
                "rust_toolchain_path_entry", toolchainPath,
                "workspace_dir", Shell.insideDoubleQuotes(workspaceDir),
                "user_command", commandLine()));
        if (referenceCompatible) {
            values.put("result_fragment", resultFragment().render());
            return SCRIPT.render(values);
        }
        values.put("result_writer", resultFragment().writer());
        return HONEST_SCRIPT.render(values);
    }
}
