package dev.pika.cli.image;

import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.cli.common.VersionProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of {@code build}, {@code import} and {@code build-import} (CONTRACT.md §7), with the fixes the
 * reference lacks: the new image is imported first and the alias is then moved to it in one API call, older images
 * are pruned only after that (keeping {@code --keep N}); every remote value is quoted; remote temp dirs are always
 * removed; every image carries its provenance ({@link Provenance}).
 *
 * <p>All commands go through a {@link Runner}, so a dry run prints exactly what a real run executes.
 */
final class ImageWorkflow {
    /** Template of the remote temp dir for {@code import} (as the reference). */
    static final String IMAGE_TMP_TEMPLATE = "/tmp/pika-incus-image.XXXXXX";
    /** Template of the remote temp dir for {@code build-import} (as the reference). */
    static final String SRC_TMP_TEMPLATE = "/tmp/pika-incus-src.XXXXXX";
    static final String NEW_FP = IncusOps.NEW_FP;
    static final String PREVIOUS_FP = IncusOps.PREVIOUS_FP;

    private static final Pattern IMPORTED = Pattern.compile("fingerprint:\\s*([0-9a-f]{64})");
    private static final Pattern SHA256 = Pattern.compile("([0-9a-f]{64})\\b.*", Pattern.DOTALL);
    private static final Pattern TMP_DIR = Pattern.compile("/tmp/pika-incus-(image|src)\\.[A-Za-z0-9]+");
    private static final Pattern STORE_PATH = Pattern.compile("/nix/store/[0-9a-z]{32}-[A-Za-z0-9+._?=-]+");

    /**
     * What an import did (for the summary and the image record).
     *
     * @param fingerprint         the imported image, or null (build)
     * @param previousFingerprint the image the alias pointed at before, or null
     * @param aliasMoved          whether the alias now points somewhere else than before
     * @param previousDeleted     whether the previous image was deleted (by the prune)
     * @param builtPath           the local out-link ({@code build}), or null
     * @param provenance          the properties stamped on the image (empty for build)
     * @param pruned              older images deleted after the alias moved
     * @param warning             a problem after the alias moved that did not undo the import (a failed prune), or null
     */
    record Outcome(String fingerprint, String previousFingerprint, boolean aliasMoved, boolean previousDeleted,
                   String builtPath, Map<String, String> provenance, List<String> pruned, String warning) {
    }

    private final ImageSettings s;
    private final IncusOps ops;
    private final Runner runner;
    private final Phases phases;
    private final Path cwd;
    private final Cleanup cleanup;
    private final Map<String, String> provenance = new LinkedHashMap<>();

    ImageWorkflow(ImageSettings settings, IncusOps ops, Path cwd) {
        this.s = settings;
        this.ops = ops;
        this.runner = ops.runner;
        this.phases = ops.phases;
        this.cwd = cwd;
        this.cleanup = ops.cleanup;
    }

    /**
     * @return for the message after a signal: whether the alias was not moved, was being moved, or had moved
     */
    String aliasStateText() {
        return switch (ops.aliasState) {
            case 0 -> "the alias " + s.alias() + " was not moved";
            case 1 -> "the alias " + s.alias() + " was being moved: it points at the previous or the new image";
            default -> "the alias " + s.alias() + " had already moved to the new image";
        };
    }

    /** @return how many numbered phases {@code settings} will show */
    static int phaseCount(ImageSettings s) {
        return switch (s.action()) {
            case BUILD -> 1;
            case IMPORT -> s.local() ? 2 : 5;
            case BUILD_IMPORT -> s.local() ? 3 : 6;
            default -> ImageHistory.phaseCount(s);
        };
    }

    /** @return what was done */
    Outcome run() {
        return switch (s.action()) {
            case BUILD -> build();
            case IMPORT -> importArtifacts();
            case BUILD_IMPORT -> s.local() ? buildImportLocal() : buildImportRemote();
            default -> throw new IllegalStateException(s.action().word());
        };
    }

    // ---- build ----------------------------------------------------------------------------------------------

    private Outcome build() {
        phases.begin("nix build (local)");
        ops.must(new Step(List.of("nix", "build", s.installable(flakeRef())), null, ""), Runner.Output.STREAM,
                "nix build");
        phases.end();
        return new Outcome(null, null, false, false, "./result", Map.of(), List.of(), null);
    }

    /** The flake reference for a local build: a path is made explicit ({@code ./dir}) so Nix never reads it as a registry name. */
    private String flakeRef() {
        String f = s.flake();
        if (f.equals(".") || f.startsWith("/") || f.startsWith("./") || f.startsWith("../") || f.contains(":")) {
            return f;
        }
        return "./" + f;
    }

    // ---- import ---------------------------------------------------------------------------------------------

    private Outcome importArtifacts() {
        Path dir = cwd.resolve(s.artifact()).toAbsolutePath().normalize();
        Path meta = dir.resolve("metadata.tar.xz");
        Path disk = dir.resolve("disk.qcow2");
        if (!Files.isRegularFile(meta) || !Files.isRegularFile(disk)) {
            List<String> missing = new ArrayList<>();
            if (!Files.isRegularFile(meta)) {
                missing.add("metadata.tar.xz");
            }
            if (!Files.isRegularFile(disk)) {
                missing.add("disk.qcow2");
            }
            // the first line is the reference's message; the second says what to do
            throw new HintedFailure(ExitCodes.FAILURE, "missing image artifacts under " + s.artifact(),
                    "not found: " + String.join(", ", missing) + " in " + dir + "; run build first (`incus-role-image"
                    + " --role " + s.role().id() + " build`), or name the directory with --artifact PATH");
        }
        if (s.local()) {
            phases.begin("import image (" + s.incusBin() + ", " + (s.remote() != null ? "remote " + s.remote()
                    : "local") + ")");
            stampSource(cwd, null, storePath(dir));
            ops.decideSudo();
            ops.aliasTarget(); // fails early on a wrong project or a missing incus
            return importLocked(meta.toString(), disk.toString(), () -> Hashes.sha256(meta, disk));
        }
        String tmp = prepareRemote(IMAGE_TMP_TEMPLATE);
        stampSource(cwd, null, storePath(dir));
        long size = LocalFiles.size(meta) + LocalFiles.size(disk);
        phases.begin("upload image (scp to " + s.host() + ", " + Texts.humanBytes(size) + ")");
        // absolute local paths: a relative --artifact starting with - never reaches scp as an option
        ops.must(ops.target.scp(List.of(meta.toString(), disk.toString()), tmp + "/"), Runner.Output.STREAM, "upload");
        return importRemote(tmp, tmp + "/metadata.tar.xz", tmp + "/disk.qcow2");
    }

    /** @return the Nix store path {@code dir} resolves to (an out-link), or null */
    private static String storePath(Path dir) {
        try {
            String real = dir.toRealPath().toString();
            return STORE_PATH.matcher(real).matches() ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    // ---- build-import ---------------------------------------------------------------------------------------

    private Outcome buildImportRemote() {
        Path flakeDir = localFlakeDir();
        String tmp = prepareRemote(SRC_TMP_TEMPLATE);
        stampSource(flakeDir, s.installable("."), null);
        provenance.put(Provenance.BUILD_HOST, Provenance.clean(s.host()));
        phases.begin("upload source (git ls-files | tar | ssh " + s.host() + ")");
        // with the default --flake . the argv is the reference's; another directory is named with -C
        List<String> at = flakeDir.equals(cwd.toAbsolutePath().normalize()) ? List.of() : List.of("-C", flakeDir.toString());
        List<String> git = new ArrayList<>(List.of("git"));
        git.addAll(at);
        git.addAll(List.of("ls-files", "-co", "--exclude-standard", "-z"));
        List<String> tar = new ArrayList<>(List.of("tar"));
        tar.addAll(at);
        tar.addAll(List.of("--null", "-T", "-", "-cf", "-"));
        Step list = new Step(git, "the source: tracked and untracked-but-not-ignored files", "");
        Step archive = new Step(tar, null, "");
        Step unpack = ops.target.shell("mkdir -p " + Texts.sq(tmp) + " && tar -xf - -C " + Texts.sq(tmp), null, "");
        Runner.Result sent = runner.pipe(list, archive, unpack);
        if (!sent.ok()) {
            String what = sent.failedProgram() == null ? "upload source"
                    : "listing the source (" + sent.failedProgram() + ", in " + flakeDir + ")";
            throw ops.failure(what, unpack, sent, sent.failedProgram() != null);
        }
        if (!runner.dryRun()) {
            phases.detail("sent " + Texts.humanBytes(sent.bytes()) + " (" + sent.bytes() + " bytes)");
        }
        phases.begin("nix build (remote " + s.host() + ")");
        ops.must(ops.target.shell("cd " + Texts.sq(tmp) + " && " + ShellQuote.join(
                        List.of("nix", "build", s.installable("."), "--out-link", "result")), null, ""),
                Runner.Output.STREAM, "remote nix build");
        Runner.Result out = runner.run(ops.target.command(List.of("readlink", "-f", "--", tmp + "/result"),
                "provenance: the Nix output path", "/nix/store/<hash>-" + s.role().flakePackageAttr()),
                Runner.Output.PROBE);
        String path = out.stdout().strip();
        if (out.ok() && STORE_PATH.matcher(path).matches()) {
            provenance.put(Provenance.OUT_PATH, path);
        }
        return importRemote(tmp, tmp + "/result/metadata.tar.xz", tmp + "/result/disk.qcow2");
    }

    private Outcome buildImportLocal() {
        Path flakeDir = localFlakeDir();
        Path tmp;
        if (runner.dryRun()) {
            tmp = Path.of("/tmp/pika-incus-build.XXXXXX");
        } else {
            try {
                tmp = Files.createTempDirectory("pika-incus-build.");
            } catch (IOException e) {
                throw new UserException(ExitCodes.FAILURE, "cannot create a local temp dir: " + e.getMessage(), e);
            }
            Path dir = tmp;
            cleanup.register(() -> LocalFiles.deleteTree(dir));
        }
        phases.begin("nix build (local)");
        stampSource(flakeDir, s.installable("."), null);
        String outLink = tmp.resolve("result").toString();
        ops.must(new Step(List.of("nix", "build", s.installable(flakeRef()), "--out-link", outLink),
                "the out-link lives in a temp dir that is removed at the end", ""), Runner.Output.STREAM, "nix build");
        String path = runner.dryRun() ? null : storePath(tmp.resolve("result"));
        if (path != null) {
            provenance.put(Provenance.OUT_PATH, path);
        }
        phases.begin("import image (" + s.incusBin() + ", " + (s.remote() != null ? "remote " + s.remote()
                : "local") + ")");
        ops.decideSudo();
        Path meta = tmp.resolve("result/metadata.tar.xz");
        Path disk = tmp.resolve("result/disk.qcow2");
        return importLocked(meta.toString(), disk.toString(), () -> Hashes.sha256(meta, disk));
    }

    private Path localFlakeDir() {
        Path dir = cwd.resolve(s.flake()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserException(ExitCodes.USAGE, "--flake " + s.flake()
                    + ": not a directory (build-import uploads a local source tree)");
        }
        return dir;
    }

    // ---- provenance -----------------------------------------------------------------------------------------

    /**
     * Fills the provenance that is known before the import: role, alias, the source's git revision and dirty flag
     * ({@code unknown} when {@code dir} is not a git checkout with a commit), the build host (this machine unless
     * the build is remote), the installable and out path when known, the tool version. The import time is set
     * when the import starts.
     */
    private void stampSource(Path dir, String installable, String outPath) {
        provenance.put(Provenance.ROLE, s.role().id());
        provenance.put(Provenance.ALIAS, s.alias());
        Runner.Result rev = runner.run(new Step(List.of("git", "-C", dir.toString(), "rev-parse", "--verify",
                "HEAD"), "provenance: the source revision (unknown outside a git checkout)", "<git-revision>"),
                Runner.Output.PROBE);
        String revision = rev.ok() ? rev.stdout().strip() : "";
        provenance.put(Provenance.REVISION, runner.dryRun() ? "<git-revision>"
                : revision.matches("[0-9a-f]{40}([0-9a-f]{24})?") ? revision : "unknown");
        Runner.Result status = runner.run(new Step(List.of("git", "-C", dir.toString(), "status", "--porcelain",
                "--untracked-files=no"), "provenance: uncommitted changes make the source dirty", ""),
                Runner.Output.PROBE);
        provenance.put(Provenance.DIRTY, !rev.ok() || !status.ok() ? "unknown"
                : Boolean.toString(!status.stdout().isBlank()));
        provenance.put(Provenance.BUILD_HOST, Provenance.clean(localHostName()));
        if (installable != null) {
            provenance.put(Provenance.INSTALLABLE, Provenance.clean(installable));
        }
        if (outPath != null) {
            provenance.put(Provenance.OUT_PATH, outPath);
        }
        provenance.put(Provenance.TOOL_VERSION, Provenance.clean(VersionProvider.version()));
    }

    private static String localHostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ---- remote import steps --------------------------------------------------------------------------------

    /** Phase 1 of the remote operations: shared connection, sudo probe, alias check (fails early), temp dir. */
    private String prepareRemote(String template) {
        phases.begin("prepare remote (ssh " + s.host() + ")");
        ops.connect();
        ops.decideSudo();
        ops.aliasTarget(); // fails early on a wrong project or a missing incus; looked up again under the lock
        Runner.Result made = ops.must(ops.target.command(List.of("mktemp", "-d", template),
                "the temp dir; the plan shows it as its template", template), Runner.Output.CAPTURE, "mktemp");
        String tmp = made.stdout().strip();
        if (!TMP_DIR.matcher(tmp).matches()) {
            throw new UserException(ExitCodes.FAILURE, "mktemp on " + s.host() + " printed an unexpected temp dir: "
                    + Names.printable(Texts.abbreviate(tmp, 200)));
        }
        Step remove = ops.target.command(List.of("rm", "-rf", "--", tmp),
                "cleanup: always runs (success, failure, Ctrl-C, SIGTERM)", "");
        cleanup.register(() -> {
            if (!ops.quiet && !runner.dryRun()) {
                ops.err.println("      removing " + tmp + " on " + s.host());
            }
            Runner.Result r = runner.run(remove, Runner.Output.STREAM);
            if (!r.ok()) {
                r = runner.run(remove, Runner.Output.STREAM); // once more: a signal may have hit the first try
            }
            if (!r.ok()) {
                ops.err.println("warning: could not remove " + tmp + " on " + s.host() + ": " + Texts.lastLine(r.stderr()));
            }
        });
        return tmp;
    }

    private Outcome importRemote(String tmp, String meta, String disk) {
        phases.begin("import image (" + s.incusBin() + " on " + s.host() + ")");
        Outcome o = importLocked(meta, disk, () -> {
            Runner.Result r = ops.must(ops.target.shell("cat -- " + Texts.sq(meta) + " " + Texts.sq(disk)
                    + " | sha256sum", "only when the image already exists: its fingerprint", ""),
                    Runner.Output.CAPTURE, "fingerprint");
            Matcher m = SHA256.matcher(r.stdout().strip());
            if (!m.matches()) {
                throw new UserException(ExitCodes.FAILURE, "sha256sum on " + s.host() + " printed no fingerprint");
            }
            return m.group(1);
        });
        phases.begin("cleanup (ssh " + s.host() + ")");
        cleanup.runAll();
        phases.end();
        return o;
    }

    /** Under the alias lock: looks up the alias's image again, imports, moves the alias, prunes. */
    private Outcome importLocked(String meta, String disk, Supplier<String> fingerprint) {
        try (Runner.Held lock = ops.lock()) {
            String previous = ops.aliasTarget();
            String fp = importImage(meta, disk, fingerprint);
            return moveAliasAndPrune(fp, previous);
        }
    }

    /** Imports without an alias, stamped with the provenance; an identical image already present is success. */
    private String importImage(String meta, String disk, Supplier<String> fingerprint) {
        provenance.put(Provenance.IMPORTED_AT, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        List<String> args = new ArrayList<>(List.of("image", "import", "--project", s.project(), "--", meta, disk));
        if (s.remote() != null) {
            args.add(s.remote() + ":");
        }
        provenance.forEach((k, v) -> args.add(k + "=" + v));
        Step imp = ops.target.incus("imported without an alias, with its provenance as properties: the alias moves"
                + " only after this succeeded", "Image imported with fingerprint: " + NEW_FP, args.toArray(String[]::new));
        Runner.Result r = runner.run(imp, Runner.Output.PROBE);
        if (r.ok()) {
            if (!ops.quiet && !runner.dryRun()) {
                ops.err.print(Texts.abbreviate(r.stdout(), 4096));
            }
            if (runner.dryRun()) {
                return NEW_FP;
            }
            Matcher m = IMPORTED.matcher(r.stdout());
            if (!m.find()) {
                throw new UserException(ExitCodes.FAILURE, "import: " + s.incusBin()
                        + " did not print the new fingerprint (" + Texts.lastLine(r.stdout()) + ")");
            }
            String fp = m.group(1);
            forgetIfNotAliased(fp);
            return fp;
        }
        String said = (r.stderr() + "\n" + r.stdout()).toLowerCase(java.util.Locale.ROOT);
        if (said.contains("same fingerprint already exists")) {
            String fp = Names.fingerprint(fingerprint.get(), "sha256sum");
            phases.detail("identical image already present: " + fp + " (its properties are the first import's)");
            return fp;
        }
        throw ops.failure("import", imp, r, true);
    }

    /**
     * A freshly imported image that the alias never reached (a failure or a signal before the alias moved) is
     * deleted again at cleanup, so that no image is left behind without an alias. While the alias is being moved
     * the image is kept: the alias may already point at it.
     */
    private void forgetIfNotAliased(String fp) {
        Step delete = ops.target.incus("cleanup: the new image never got the alias", "",
                "image", "delete", "--project", s.project(), "--", ops.target.on(fp));
        cleanup.register(() -> {
            if (ops.aliasState != 0) {
                return;
            }
            if (!ops.quiet) {
                ops.err.println("      removing the new image " + fp + ": the alias never reached it");
            }
            Runner.Result r = runner.run(delete, Runner.Output.STREAM);
            if (!r.ok()) {
                ops.err.println("warning: could not remove the new image " + fp + ": " + Texts.lastLine(r.stderr()));
            }
        });
    }

    /**
     * Points the alias at {@code fp} in one step, then prunes the alias's older images beyond {@code --keep}.
     * A failing prune does not undo the import: it becomes the outcome's warning.
     */
    private Outcome moveAliasAndPrune(String fp, String previous) {
        phases.begin("move alias " + s.alias() + " (project " + s.project() + ")");
        if (fp.equals(previous)) {
            ops.aliasState = 2;
            phases.detail("alias already points at " + fp);
            return new Outcome(fp, previous, false, false, null, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance)), List.of(), null);
        }
        ops.moveAlias(fp, previous, "the alias exists: retarget it in one API call, it never goes missing (a first"
                + " import runs `image alias create --project PROJECT -- ALIAS FINGERPRINT` instead)");
        List<String> pruned = List.of();
        String warning = null;
        if (s.keep() >= 0) {
            try {
                pruned = ops.prune(s.keep(), fp, previous, false).deleted();
                if (!pruned.isEmpty()) {
                    phases.detail("pruned " + pruned.size() + " older image(s) beyond --keep " + s.keep() + ": "
                            + String.join(", ", pruned));
                }
            } catch (UserException e) {
                warning = "the alias moved, but pruning older images failed: " + e.getMessage();
            }
        }
        return new Outcome(fp, previous, true, previous != null && pruned.contains(previous), null,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance)), pruned, warning);
    }
}
