package dev.pika.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.contract.model.GuestRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of {@code build}, {@code import} and {@code build-import} (CONTRACT.md §7), with the fixes the
 * reference lacks: the new image is imported first and the alias is then moved to it in one API call, the old image
 * is deleted only after that; every remote value is quoted; remote temp dirs are always removed.
 *
 * <p>All commands go through a {@link Runner}, so a dry run prints exactly what a real run executes.
 */
final class ImageWorkflow {
    /** Template of the remote temp dir for {@code import} (as the reference). */
    static final String IMAGE_TMP_TEMPLATE = "/tmp/pika-incus-image.XXXXXX";
    /** Template of the remote temp dir for {@code build-import} (as the reference). */
    static final String SRC_TMP_TEMPLATE = "/tmp/pika-incus-src.XXXXXX";
    static final String NEW_FP = "<new-fingerprint>";
    static final String PREVIOUS_FP = "<previous-fingerprint>";

    /** Created on first use (Incus's JSON output): a mapper costs ~50 ms, and a dry run never needs one. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final Pattern IMPORTED = Pattern.compile("fingerprint:\\s*([0-9a-f]{64})");
    private static final Pattern SHA256 = Pattern.compile("([0-9a-f]{64})\\b.*", Pattern.DOTALL);
    private static final Pattern TMP_DIR = Pattern.compile("/tmp/pika-incus-(image|src)\\.[A-Za-z0-9]+");

    /** The subcommands. */
    enum Action {
        BUILD("build"), IMPORT("import"), BUILD_IMPORT("build-import");

        private final String word;

        Action(String word) {
            this.word = word;
        }

        /** @return the subcommand word */
        String word() {
            return word;
        }
    }

    /** When incus runs under sudo ({@code --sudo}). */
    enum SudoMode {
        /** sudo when the (remote or local) user is not root, as the reference. */
        AUTO,
        /** always sudo. */
        ALWAYS,
        /** never sudo. */
        NEVER
    }

    /**
     * Everything the user chose, validated.
     *
     * @param role     the guest role
     * @param action   the subcommand
     * @param local    run incus on this machine (no ssh/scp)
     * @param host     the ssh destination (ignored when local)
     * @param project  Incus project
     * @param alias    image alias
     * @param artifact directory holding metadata.tar.xz and disk.qcow2 (import)
     * @param flake    flake directory or reference (build, build-import)
     * @param system   Nix system, e.g. {@code x86_64-linux}
     * @param incusBin the Incus client program ({@code incus}, or LXD's {@code lxc})
     * @param sudo     sudo mode
     * @param keepOld  keep the image the alias pointed at before
     * @param sshKey   {@code PIKA_BUILD_SSH_KEY}, or null
     */
    record Settings(GuestRole role, Action action, boolean local, String host, String project, String alias,
                    String artifact, String flake, String system, String incusBin, SudoMode sudo, boolean keepOld,
                    String sshKey) {
        /** @return the flake's package installable, e.g. {@code .#packages.x86_64-linux.pikaci-runner-incus-image} */
        String installable(String flakeRef) {
            return flakeRef + "#packages." + system + "." + role.flakePackageAttr();
        }
    }

    /**
     * What an operation did (for the summary and the image record).
     *
     * @param fingerprint         the imported image, or null (build)
     * @param previousFingerprint the image the alias pointed at before, or null
     * @param aliasMoved          whether the alias now points somewhere else than before
     * @param previousDeleted     whether the previous image was deleted
     * @param builtPath           the local out-link ({@code build}), or null
     */
    record Outcome(String fingerprint, String previousFingerprint, boolean aliasMoved, boolean previousDeleted,
                   String builtPath) {
    }

    private final Settings s;
    private final Runner runner;
    private final Phases phases;
    private final Path cwd;
    private final Cleanup cleanup;
    private final PrintStream err;
    private final boolean quiet;
    private final Target target;
    /** Where the alias is: 0 not moved, 1 being moved (the incus call is running), 2 moved. Read on signals. */
    private volatile int aliasState;
    /** The alias's description, kept when it is retargeted. */
    private String previousDescription = "";

    ImageWorkflow(Settings settings, Runner runner, Phases phases, Path cwd, Cleanup cleanup, PrintStream err,
                  boolean quiet) {
        this.s = settings;
        this.runner = runner;
        this.phases = phases;
        this.cwd = cwd;
        this.cleanup = cleanup;
        this.err = err;
        this.quiet = quiet;
        this.target = new Target(settings.local() ? null : settings.host(), settings.sshKey(), settings.incusBin());
    }

    /**
     * @param alias the alias's name
     * @return for the message after a signal: whether the alias was not moved, was being moved, or had moved
     */
    String aliasStateText(String alias) {
        return switch (aliasState) {
            case 0 -> "the alias " + alias + " was not moved";
            case 1 -> "the alias " + alias + " was being moved: it points at the previous or the new image";
            default -> "the alias " + alias + " had already moved to the new image";
        };
    }

    /** @return how many numbered phases {@code settings} will show */
    static int phaseCount(Settings s) {
        return switch (s.action()) {
            case BUILD -> 1;
            case IMPORT -> s.local() ? 2 : 5;
            case BUILD_IMPORT -> s.local() ? 3 : 6;
        };
    }

    /** @return what was done */
    Outcome run() {
        return switch (s.action()) {
            case BUILD -> build();
            case IMPORT -> importArtifacts();
            case BUILD_IMPORT -> s.local() ? buildImportLocal() : buildImportRemote();
        };
    }

    // ---- build ----------------------------------------------------------------------------------------------

    private Outcome build() {
        phases.begin("nix build (local)");
        must(new Step(List.of("nix", "build", s.installable(flakeRef())), null, ""), Runner.Output.STREAM,
                "nix build");
        phases.end();
        return new Outcome(null, null, false, false, "./result");
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
        String meta = s.artifact() + "/metadata.tar.xz";
        String disk = s.artifact() + "/disk.qcow2";
        if (!Files.isRegularFile(cwd.resolve(meta)) || !Files.isRegularFile(cwd.resolve(disk))) {
            throw new UserException(ExitCodes.FAILURE, "missing image artifacts under " + s.artifact());
        }
        if (s.local()) {
            phases.begin("import image (" + s.incusBin() + ", local)");
            decideSudo();
            aliasTarget(); // fails early on a wrong project or a missing incus
            return importLocked(absolute(meta), absolute(disk), () -> sha256(cwd.resolve(meta), cwd.resolve(disk)));
        }
        String tmp = prepareRemote(IMAGE_TMP_TEMPLATE);
        long size = size(cwd.resolve(meta)) + size(cwd.resolve(disk));
        phases.begin("upload image (scp to " + s.host() + ", " + humanBytes(size) + ")");
        must(target.scp(List.of(scpLocal(meta), scpLocal(disk)), tmp + "/"), Runner.Output.STREAM, "upload");
        return importRemote(tmp + "/metadata.tar.xz", tmp + "/disk.qcow2");
    }

    /** scp reads {@code a:b} as a remote path: a local path with a colon is made absolute first. */
    private String scpLocal(String path) {
        return path.contains(":") && !path.startsWith("/") ? absolute(path) : path;
    }

    private String absolute(String path) {
        return cwd.resolve(path).toAbsolutePath().normalize().toString();
    }

    // ---- build-import ---------------------------------------------------------------------------------------

    private Outcome buildImportRemote() {
        Path flakeDir = localFlakeDir();
        String tmp = prepareRemote(SRC_TMP_TEMPLATE);
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
        Step unpack = target.shell("mkdir -p " + sq(tmp) + " && tar -xf - -C " + sq(tmp), null, "");
        Runner.Result sent = runner.pipe(list, archive, unpack);
        if (!sent.ok()) {
            throw failure("upload source", unpack, sent);
        }
        if (!runner.dryRun()) {
            phases.detail("sent " + humanBytes(sent.bytes()) + " (" + sent.bytes() + " bytes)");
        }
        phases.begin("nix build (remote " + s.host() + ")");
        must(target.shell("cd " + sq(tmp) + " && " + ShellQuote.join(
                        List.of("nix", "build", s.installable("."), "--out-link", "result")), null, ""),
                Runner.Output.STREAM, "remote nix build");
        return importRemote(tmp + "/result/metadata.tar.xz", tmp + "/result/disk.qcow2");
    }

    private Outcome buildImportLocal() {
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
            cleanup.register(() -> deleteTree(dir));
        }
        phases.begin("nix build (local)");
        String outLink = tmp.resolve("result").toString();
        must(new Step(List.of("nix", "build", s.installable(flakeRef()), "--out-link", outLink),
                "the out-link lives in a temp dir that is removed at the end", ""), Runner.Output.STREAM, "nix build");
        phases.begin("import image (" + s.incusBin() + ", local)");
        decideSudo();
        Path meta = tmp.resolve("result/metadata.tar.xz");
        Path disk = tmp.resolve("result/disk.qcow2");
        return importLocked(meta.toString(), disk.toString(), () -> sha256(meta, disk));
    }

    private Path localFlakeDir() {
        Path dir = cwd.resolve(s.flake()).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserException(ExitCodes.USAGE, "--flake " + s.flake()
                    + ": not a directory (build-import uploads a local source tree)");
        }
        return dir;
    }

    // ---- remote import steps --------------------------------------------------------------------------------

    /** Phase 1 of the remote operations: sudo probe, alias check (fails early on a bad project), temp dir. */
    private String prepareRemote(String template) {
        phases.begin("prepare remote (ssh " + s.host() + ")");
        decideSudo();
        aliasTarget(); // fails early on a wrong project or a missing incus; looked up again under the lock
        Runner.Result made = must(target.shell("mktemp -d " + template,
                "the temp dir; the plan shows it as its template", template), Runner.Output.CAPTURE, "mktemp");
        String tmp = made.stdout().strip();
        if (!TMP_DIR.matcher(tmp).matches()) {
            throw new UserException(ExitCodes.FAILURE, "mktemp on " + s.host() + " printed an unexpected temp dir: "
                    + Names.printable(tmp));
        }
        Step remove = target.shell("rm -rf " + sq(tmp), "cleanup: always runs (success, failure, Ctrl-C, SIGTERM)", "");
        cleanup.register(() -> {
            if (!quiet && !runner.dryRun()) {
                err.println("      removing " + tmp + " on " + s.host());
            }
            Runner.Result r = runner.run(remove, Runner.Output.STREAM);
            if (!r.ok()) {
                r = runner.run(remove, Runner.Output.STREAM); // once more: a signal may have hit the first try
            }
            if (!r.ok()) {
                err.println("warning: could not remove " + tmp + " on " + s.host() + ": " + lastLine(r.stderr()));
            }
        });
        return tmp;
    }

    private Outcome importRemote(String meta, String disk) {
        phases.begin("import image (" + s.incusBin() + " on " + s.host() + ")");
        Outcome o = importLocked(meta, disk, () -> {
            Runner.Result r = must(target.shell("cat " + sq(meta) + " " + sq(disk) + " | sha256sum",
                    "only when the image already exists: its fingerprint", ""), Runner.Output.CAPTURE,
                    "fingerprint");
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

    // ---- the alias lock ---------------------------------------------------------------------------------------

    /** Printed by the lock command once the lock is held. */
    static final String LOCKED = "pika-alias-lock: held";

    /**
     * Takes the alias lock: an exclusive {@code flock} on {@code /tmp/pika-incus-alias.HASH.lock} on the machine
     * that runs incus (HASH: the first 16 hex digits of SHA-256 of {@code PROJECT\nALIAS}). Two imports of one alias
     * then look up the previous image, import and move the alias one after the other, never interleaved. The lock
     * holder is {@code sh} waiting on its stdin, so the lock is released when we are done, fail, or are killed
     * (the ssh session ends). On a normal release the holder deletes the lock file while still holding it; a
     * waiter that then finds its file gone (not the same inode as its descriptor) opens the new one and waits
     * again, so no two holders ever run at once and no lock files pile up.
     *
     * @return the held lock
     */
    private Runner.Held lockAlias() {
        String file = lockFile(s.project(), s.alias());
        String script = "f=" + sq(file) + "; while :; do exec 9>>\"$f\" && { flock -n 9 || { echo waiting "
                + "&& flock 9; }; } || exit 1; [ \"$f\" -ef /proc/self/fd/9 ] && break; done; echo " + sq(LOCKED)
                + "; cat >/dev/null; rm -f \"$f\"";
        Step step = target.host == null
                ? new Step(List.of("sh", "-c", script), LOCK_NOTE, LOCKED)
                : target.shell("sh -c " + sq(script), LOCK_NOTE, LOCKED);
        return runner.hold(step, LOCKED, line -> phases.detail("waiting: another import of " + s.alias()
                + " (project " + s.project() + ") holds " + file));
    }

    /**
     * @param project the Incus project
     * @param alias   the image alias
     * @return the alias lock's file on the incus host
     */
    static String lockFile(String project, String alias) {
        return "/tmp/pika-incus-alias." + sha256Hex((project + "\n" + alias).getBytes(StandardCharsets.UTF_8))
                .substring(0, 16) + ".lock";
    }

    private static final String LOCK_NOTE = "the alias lock, held (stdin open) until the alias has moved: concurrent "
            + "imports of one alias run one after the other";

    private static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Under the alias lock: looks up the alias's image again, imports, moves the alias. */
    private Outcome importLocked(String meta, String disk, java.util.function.Supplier<String> fingerprint) {
        try (Runner.Held lock = lockAlias()) {
            String previous = aliasTarget();
            String fp = importImage(meta, disk, fingerprint);
            return moveAlias(fp, previous);
        }
    }

    // ---- incus steps (local or remote) ----------------------------------------------------------------------

    private void decideSudo() {
        switch (s.sudo()) {
            case ALWAYS -> target.sudo = true;
            case NEVER -> target.sudo = false;
            case AUTO -> {
                if (target.host == null) {
                    target.sudo = localUid() != 0;
                } else {
                    Runner.Result r = must(target.shell("id -u",
                            "--sudo auto: incus runs under sudo when this prints a uid other than 0", "0"),
                            Runner.Output.CAPTURE, "id -u");
                    target.sudo = !r.stdout().strip().equals("0");
                }
            }
            default -> throw new IllegalStateException();
        }
    }

    private static int localUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : 1000;
        }
    }

    /** @return the fingerprint the alias points at now, or null when the alias does not exist */
    private String aliasTarget() {
        Step q = target.incus("does the alias exist? (not found = a first import)",
                "{\"name\":\"" + s.alias() + "\",\"target\":\"" + PREVIOUS_FP + "\",\"description\":\"\"}",
                "query", aliasUrl());
        Runner.Result r = runner.run(q, Runner.Output.PROBE);
        if (!r.ok()) {
            // "Image alias not found" (Incus and LXD) means a first import; a missing project or a missing incus
            // ("incus: command not found", exit 127) is an error, found before anything is uploaded
            String said = r.stderr().toLowerCase(Locale.ROOT);
            if (said.contains("not found") && !said.contains("command not found") && !said.contains("project")
                    && r.exitCode() != 127) {
                return null;
            }
            throw failure("alias lookup", q, r, true);
        }
        JsonNode node = parse(r.stdout(), q);
        previousDescription = node.path("description").asText("");
        String fp = node.path("target").asText(null);
        if (fp == null) {
            throw new UserException(ExitCodes.FAILURE, "alias lookup: " + s.incusBin() + " answered without a target");
        }
        return fp;
    }

    /** Imports without an alias; an identical image already present is success. */
    private String importImage(String meta, String disk, java.util.function.Supplier<String> fingerprint) {
        Step imp = target.incus("imported without an alias: the alias moves only after this succeeded",
                "Image imported with fingerprint: " + NEW_FP,
                "image", "import", "--project", s.project(), meta, disk);
        Runner.Result r = runner.run(imp, Runner.Output.PROBE);
        if (r.ok()) {
            if (!quiet && !runner.dryRun()) {
                err.print(r.stdout());
            }
            Matcher m = IMPORTED.matcher(r.stdout());
            if (runner.dryRun()) {
                return NEW_FP;
            }
            if (!m.find()) {
                throw new UserException(ExitCodes.FAILURE, "import: " + s.incusBin()
                        + " did not print the new fingerprint (" + lastLine(r.stdout()) + ")");
            }
            String fp = m.group(1);
            forgetIfNotAliased(fp);
            return fp;
        }
        String said = (r.stderr() + "\n" + r.stdout()).toLowerCase(Locale.ROOT);
        if (said.contains("same fingerprint already exists")) {
            String fp = fingerprint.get();
            phases.detail("identical image already present: " + fp);
            return fp;
        }
        throw failure("import", imp, r, true);
    }

    /**
     * A freshly imported image that the alias never reached (a failure or a signal before the alias moved) is
     * deleted again at cleanup, so that no image is left behind without an alias. While the alias is being moved
     * the image is kept: the alias may already point at it.
     */
    private void forgetIfNotAliased(String fp) {
        Step delete = target.incus("cleanup: the new image never got the alias", "",
                "image", "delete", "--project", s.project(), fp);
        cleanup.register(() -> {
            if (aliasState != 0) {
                return;
            }
            if (!quiet) {
                err.println("      removing the new image " + fp + ": the alias never reached it");
            }
            Runner.Result r = runner.run(delete, Runner.Output.STREAM);
            if (!r.ok()) {
                err.println("warning: could not remove the new image " + fp + ": " + lastLine(r.stderr()));
            }
        });
    }

    /** Points the alias at {@code fp} in one step, then deletes the previous image when nothing else uses it. */
    private Outcome moveAlias(String fp, String previous) {
        phases.begin("move alias " + s.alias() + " (project " + s.project() + ")");
        if (fp.equals(previous)) {
            aliasState = 2;
            phases.detail("alias already points at " + fp);
            return new Outcome(fp, previous, false, false, null);
        }
        aliasState = 1;
        if (previous != null) {
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("target", fp);
            body.put("description", previousDescription);
            must(target.incus("the alias exists: retarget it in one API call, it never goes missing (a first import"
                    + " runs `image alias create --project PROJECT ALIAS FINGERPRINT` instead)", "",
                    "query", "-X", "PUT", "-d", body.toString(), aliasUrl()), Runner.Output.STREAM, "alias update");
        } else {
            must(target.incus("only when the alias did not exist", "",
                    "image", "alias", "create", "--project", s.project(), s.alias(), fp),
                    Runner.Output.STREAM, "alias create");
        }
        aliasState = 2;
        boolean deleted = false;
        if (previous != null && !s.keepOld()) {
            Step q = target.incus("prune: is the previous image still named by another alias?",
                    "{\"fingerprint\":\"" + PREVIOUS_FP + "\",\"aliases\":[]}",
                    "query", "/1.0/images/" + previous + "?project=" + urlEncode(s.project()));
            Runner.Result r = runner.run(q, Runner.Output.PROBE);
            if (r.ok()) {
                JsonNode aliases = parse(r.stdout(), q).path("aliases");
                if (aliases.isArray() && aliases.size() > 0) {
                    List<String> names = new ArrayList<>();
                    aliases.forEach(a -> names.add(a.path("name").asText()));
                    phases.detail("kept previous image " + previous + ": still has aliases " + names);
                } else {
                    must(target.incus("deletes the previous image only now that the alias has moved (--keep-old keeps it)",
                            "", "image", "delete", "--project", s.project(), previous), Runner.Output.STREAM,
                            "delete previous image");
                    deleted = true;
                }
            } else {
                phases.detail("previous image " + previous + " is already gone");
            }
        }
        return new Outcome(fp, previous, true, deleted, null);
    }

    private String aliasUrl() {
        return "/1.0/images/aliases/" + urlEncode(s.alias()) + "?project=" + urlEncode(s.project());
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Runner.Result must(Step step, Runner.Output output, String what) {
        Runner.Result r = runner.run(step, output);
        if (!r.ok()) {
            throw failure(what, step, r);
        }
        return r;
    }

    private UserException failure(String what, Step step, Runner.Result r) {
        return failure(what, step, r, false);
    }

    /** @param captured whether the tool's stderr was kept back (then it is shown now, as it was not streamed) */
    private UserException failure(String what, Step step, Runner.Result r, boolean captured) {
        if ((quiet || captured) && !r.stderr().isBlank()) {
            err.print(r.stderr().endsWith("\n") ? r.stderr() : r.stderr() + "\n");
        }
        String phase = phases.current() == null ? "" : " in phase \"" + phases.current() + "\"";
        String last = lastLine(r.stderr());
        return new UserException(ExitCodes.FAILURE, what + " failed" + phase + ": " + step.program() + " exited with "
                + r.exitCode() + (last.isEmpty() ? "" : " (" + last + ")"));
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }

    private JsonNode parse(String json, Step step) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UserException(ExitCodes.FAILURE, step.program() + " printed something that is not JSON: "
                    + lastLine(json), e);
        }
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters (so {@code /} in an alias stays one segment). */
    static String urlEncode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    /** Always single-quotes, as the reference writes remote temp paths. */
    private static String sq(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static String sha256(Path... files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        md.update(buf, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UserException(ExitCodes.FAILURE, "cannot read the image files: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** @return a byte count for people: {@code 812 B}, {@code 10.0 KiB}, {@code 812.4 MiB}, {@code 1.2 GiB} */
    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes / 1024.0;
        int i = 0;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Where incus runs: this machine, or an ssh destination (with the reference's ssh/scp options). */
    static final class Target {
        final String host;
        private final List<String> sshOpts;
        private final String incusBin;
        boolean sudo;

        Target(String host, String sshKey, String incusBin) {
            this.host = host;
            List<String> opts = new ArrayList<>();
            if (sshKey != null && !sshKey.isEmpty()) {
                opts.add("-i");
                opts.add(sshKey);
            }
            opts.add("-o");
            opts.add("StrictHostKeyChecking=accept-new");
            this.sshOpts = List.copyOf(opts);
            this.incusBin = incusBin;
        }

        /** An incus command, under sudo when decided, over ssh when remote (every word quoted). */
        Step incus(String note, String dryRunOutput, String... args) {
            List<String> words = new ArrayList<>();
            if (sudo) {
                words.add("sudo");
            }
            words.add(incusBin);
            words.addAll(List.of(args));
            if (host == null) {
                return new Step(words, note, dryRunOutput);
            }
            Step ssh = shell(ShellQuote.join(words), note, dryRunOutput);
            return new Step(ssh.argv(), note, dryRunOutput, words);
        }

        /** A remote shell command line (its values already quoted by the caller). */
        Step shell(String remoteCommand, String note, String dryRunOutput) {
            List<String> argv = new ArrayList<>();
            argv.add("ssh");
            argv.addAll(sshOpts);
            argv.add(host);
            argv.add(remoteCommand);
            return new Step(argv, note, dryRunOutput);
        }

        /** scp of local files into a remote directory. */
        Step scp(List<String> files, String remoteDir) {
            List<String> argv = new ArrayList<>();
            argv.add("scp");
            argv.addAll(sshOpts);
            argv.addAll(files);
            argv.add(host + ":" + remoteDir);
            return new Step(argv, null, "");
        }
    }
}
