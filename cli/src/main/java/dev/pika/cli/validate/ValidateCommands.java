package dev.pika.cli.validate;

import dev.pika.cli.common.Examples;
import dev.pika.cli.record.RoleIds;
import dev.pika.contract.Finding;
import dev.pika.contract.lifecycle.StateDirChecks;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.validate.DocumentKind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code pika validate} and {@code pika validate-*} commands (CONTRACT.md §1–§4). Exit codes: 0 every
 * document valid, 1 at least one invalid, 2 usage error or an unreadable input.
 */
public final class ValidateCommands {
    private ValidateCommands() {
    }

    /** The name of a command bound to one kind: this prefix and the kind's id. */
    static final String PREFIX = "validate-";

    /** Base for the commands bound to one kind, {@code validate-KIND}. */
    abstract static class Fixed extends ValidateSupport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        /** @return the kind named by the command's name */
        DocumentKind kind() {
            return DocumentKind.fromId(spec.name().substring(PREFIX.length())).orElseThrow();
        }

        @Override
        protected DocumentKind kindFor(String file) {
            return kind();
        }

        @Override
        protected boolean picks(DocumentKind k) {
            return k == kind();
        }

        @Override
        public Integer call() {
            return execute(spec.commandLine().getOut(), spec.commandLine().getErr(), System.in);
        }
    }

    /** {@code pika validate-result}. */
    @Command(name = "validate-result",
            description = "Check terminal results (result.json, CONTRACT.md §2).")
    @Examples({"pika validate-result result.json",
        "pika validate-result --format json - < result.json"})
    public static final class Result extends Fixed {
    }

    /** {@code pika validate-status}. */
    @Command(name = "validate-status",
            description = "Check status snapshots (status.json, CONTRACT.md §2).")
    @Examples({"pika validate-status /run/pika-cloud/status.json"})
    public static final class Status extends Fixed {
    }

    /** {@code pika validate-events}. */
    @Command(name = "validate-events",
            description = {"Check lifecycle event streams (events.jsonl, CONTRACT.md §2): one JSON object per "
                + "line, blank lines skipped, line numbers are the stream's. Streams are read line by line in "
                + "constant memory."},
            exitCodeList = {" 0:every stream valid", " 1:at least one stream invalid", ValidateSupport.EXIT_USAGE})
    @Examples({"pika validate-events /run/pika-cloud/events.jsonl"})
    public static final class Events extends Fixed {
    }

    /** {@code pika validate-request}. */
    @Command(name = "validate-request",
            description = {"Check Incus guest run requests (guest-request.json, schema version 2, CONTRACT.md "
                + "§3): unknown fields are errors, and the guest's own checks apply (schema_version 2, "
                + "non-empty command, timeout_secs > 0)."})
    @Examples({"pika validate-request guest-request.json"})
    public static final class Request extends Fixed {
    }

    /** {@code pika validate-spec}. */
    @Command(name = "validate-spec",
            description = {"Check runtime specs (CONTRACT.md §4): the decoder's rules, then the spec's five "
                + "validation rules (non-empty identity/incus fields, absolute paths under paths.state_dir, "
                + "non-empty entry_command, valid and unique mount guest paths)."})
    @Examples({"pika validate-spec runtime-spec.json"})
    public static final class RuntimeSpec extends Fixed {
    }

    /** {@code pika validate}: the kind comes from the file name ({@link DocumentKind#FILE_NAME_RULE}) or {@code --kind}. */
    @Command(name = "validate",
            description = {"Check contract documents of any kind. The kind comes from --kind, or else from the "
                + "file name.", "", DocumentKind.FILE_NAME_RULE, "",
                "A directory that holds status.json, events.jsonl or result.json is a state directory: "
                    + "after its files, its documents are compared (warnings, errors under --strict): result "
                    + "status vs status state (state-result-vs-status), last event vs status "
                    + "(state-last-event-vs-status), boot_id (state-boot-id), result exit_code vs status "
                    + "details (state-exit-code), seq 1, 2, 3... (state-seq) and events.jsonl.seq "
                    + "(state-seq-file); --role managed-openclaw adds readiness. The directory counts as one "
                    + "document in the summary."},
            exitCodeList = {ValidateSupport.EXIT_VALID, ValidateSupport.EXIT_INVALID,
                " 2:usage error, unreadable input, or a file whose kind cannot be told"})
    @Examples({"pika validate /run/pika-cloud",
        "pika validate -r --role managed-openclaw collected-runs/",
        "pika validate --kind spec my-runtime.json"})
    public static final class Any extends ValidateSupport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--kind", paramLabel = "KIND", completionCandidates = KindCandidates.class,
                description = "Document kind for every file: ${COMPLETION-CANDIDATES}.")
        String kind;

        @Option(names = "--role", paramLabel = "ROLE", converter = RoleIds.Converter.class,
                completionCandidates = RoleIds.class,
                description = "The guest role of the state directories checked: managed-openclaw adds the "
                    + "server's readiness checks (CONTRACT.md §9, without the live boot id) as warnings when "
                    + "status.json claims ready or failed.")
        GuestRole role;

        @Override
        protected boolean picks(DocumentKind k) {
            return kind == null || kind.equals(k.id());
        }

        @Override
        protected boolean checksAcrossFiles() {
            return true;
        }

        @Override
        protected List<Finding> crossFileFindings(Path dir, StateDirChecks.Files files) {
            return StateDirChecks.check(files, role);
        }

        @Override
        protected DocumentKind kindFor(String file) {
            if (kind != null) {
                return DocumentKind.fromId(kind).orElseThrow(() -> new IllegalArgumentException(
                        "unknown --kind `" + kind + "`: expected one of " + String.join(", ", KindCandidates.IDS)));
            }
            String name = file.equals("-") ? "" : String.valueOf(Path.of(file).getFileName());
            List<DocumentKind> named = DocumentKind.namedBy(name);
            if (named.size() == 1) {
                return named.get(0);
            }
            String what = file.equals("-") ? "standard input" : file;
            String why = named.isEmpty() ? "its name names no kind"
                    : "its name names " + named.size() + " kinds (" + String.join(", ",
                            named.stream().map(DocumentKind::id).toList()) + ")";
            throw new IllegalArgumentException("cannot tell what kind of document " + what + " is: " + why
                    + "; pass --kind (" + String.join(", ", KindCandidates.IDS) + ")");
        }

        @Override
        public Integer call() {
            if (kind != null && DocumentKind.fromId(kind).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "unknown --kind `" + kind
                        + "`: expected one of " + String.join(", ", KindCandidates.IDS));
            }
            return execute(spec.commandLine().getOut(), spec.commandLine().getErr(), System.in);
        }
    }

    /** The {@code --kind} values, for help and completion. */
    public static final class KindCandidates implements Iterable<String> {
        static final List<String> IDS = Arrays.stream(DocumentKind.values())
                .map(DocumentKind::id).toList();

        /** @return the kind ids, in declaration order */
        public static List<String> ids() {
            return IDS;
        }

        @Override
        public Iterator<String> iterator() {
            return IDS.iterator();
        }
    }
}
