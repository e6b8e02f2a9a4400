package dev.pika.cli.record;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.cli.common.CommandGroup;
import dev.pika.cli.common.Entry;
import dev.pika.cli.common.Environment;
import dev.pika.cli.common.Examples;
import dev.pika.cli.common.Display;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.image.Names;
import dev.pika.cli.common.OutputFileOption;
import dev.pika.cli.validate.ValidateSupport;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.model.ImageRecord;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.ImageRecords;
import dev.pika.contract.validate.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pika image-record}: image records (CONTRACT.md §6) — check and explain them ({@code inspect}), or write
 * the record of an image Incus holds ({@code from-incus}).
 */
@Command(name = "image-record", mixinStandardHelpOptions = true,
        description = {"Image records (CONTRACT.md §6): which Incus image (project, alias, fingerprint) a guest "
            + "role's VMs start from, as the CI host stores it standalone or under `incus_image` in an execution "
            + "record."},
        subcommands = {ImageRecordCommand.Inspect.class, ImageRecordCommand.FromIncus.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:success", " 1:invalid record, or the Incus query failed", " 2:usage error or "
            + "unreadable input"})
public final class ImageRecordCommand extends CommandGroup {

    /** {@code pika image-record inspect FILE…}. */
    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = {"Check image records and show what they say. A file holds one image record or one "
                + "execution record (its image record is `incus_image`). A top-level JSON array is one record in "
                + "serde's positional form, as the reference reads it (warning positional-struct). Many records "
                + "at once: JSON Lines, one record per line (--lines, or a FILE named *.jsonl). The reference "
                + "decoder's verdict decides validity; the legacy key `role` is accepted for `guest_role`.",
                "",
                "Lint (warnings; errors under --strict):",
                "  " + ImageRecords.RULE_ROLE_CUSTOM_ALIAS + "  role recorded with an alias that is no",
                "                              role's default (the reference never does)",
                "  " + ImageRecords.RULE_ROLE_MISMATCH + "      role recorded with the other role's alias",
                "  " + ImageRecords.RULE_FINGERPRINT_FORMAT + "          fingerprint not 64 lowercase hex digits"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {" 0:every record valid", " 1:at least one record invalid",
                " 2:usage error or unreadable input"},
            footerHeading = "%nOutput:%n",
            footer = {
                "  text  findings (PATH:LINE:COL: warning[rule-id]: message (at /pointer)),",
                "        then per record: alias, project, fingerprint (first 12 digits),",
                "        guest role (recorded), implied role (whose default alias it is),",
                "        whether the alias is the role's default; then a summary line.",
                "  json  {valid, strict, summary, documents: [{source, kind, valid,",
                "        findings, lines, records: [{line, pointer, kind, image_pointer, alias,",
                "        project, fingerprint, short_fingerprint, guest_role, implied_role,",
                "        uses_default_alias}]}]}"})
    @Examples({
        "pika image-record inspect image-record.json",
        "pika image-record inspect --lines records.txt",
        "pika image-record from-incus --role pikaci-runner --local \\",
        "    | pika image-record inspect -"})
    public static final class Inspect extends ValidateSupport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--kind", paramLabel = "KIND", defaultValue = "auto",
                completionCandidates = KindCandidates.class,
                description = "Check every record as ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: an "
                    + "object with backend, phases or incus_image is an execution record, anything else an "
                    + "image record).")
        String kind;

        @Option(names = "--lines", description = "Read every FILE as JSON Lines: each line that is not blank is "
                + "one record (a FILE named *.jsonl is always read so).")
        boolean lines;

        private final Map<ValidationReport, ImageRecords.Inspection> inspections =
                Collections.synchronizedMap(new IdentityHashMap<>());

        @Override
        protected DocumentKind kindFor(String file) {
            return "auto".equals(kind) ? null : DocumentKind.fromId(kind).orElseThrow();
        }

        @Override
        protected boolean picks(DocumentKind k) {
            return k == DocumentKind.IMAGE_RECORD || k == DocumentKind.EXECUTION_RECORD;
        }

        @Override
        protected ValidationReport validate(DocumentKind forced, String source, InputStream in) throws IOException {
            ImageRecords.Inspection inspection = lines || source.endsWith(".jsonl")
                    ? ImageRecords.inspectLines(source, in, forced, limits())
                    : ImageRecords.inspect(source, in, forced, limits());
            inspections.put(inspection.report(), inspection);
            return inspection.report();
        }

        @Override
        protected void printDetails(ValidationReport report, PrintWriter out) {
            ImageRecords.Inspection inspection = inspections.get(report);
            for (ImageRecords.Entry e : inspection.entries()) {
                out.println(Display.escape(report.source()) + (inspection.lines() ? ":" + e.line() : "") + ": "
                        + e.kind().title());
                if (!e.hasImage()) {
                    out.println("  no image record (incus_image is missing or null)");
                    continue;
                }
                ImageRecord image = e.image();
                row(out, "alias", shown(image.alias()));
                row(out, "project", shown(image.project()));
                row(out, "fingerprint", image.fingerprint() == null ? "- (not recorded)"
                        : shown(e.shortFingerprint()));
                row(out, "guest role", image.guestRole() == null ? "- (not recorded)" : image.guestRole().id());
                row(out, "implied role", e.impliedRole().map(GuestRole::id).orElse("- (custom alias)"));
                row(out, "default alias", e.usesDefaultAlias() ? "yes" : "no");
            }
        }

        private static void row(PrintWriter out, String label, String value) {
            out.println("  " + label + " ".repeat(15 - label.length()) + value);
        }

        /** @return the value with control characters escaped (safe on a terminal), or {@code -} when absent */
        static String shown(String value) {
            if (value == null) {
                return "-";
            }
            return Display.escape(value);
        }

        @Override
        protected void writeDetails(ValidationReport report, JsonGenerator g) throws IOException {
            ImageRecords.Inspection inspection = inspections.get(report);
            g.writeBooleanField("lines", inspection.lines());
            g.writeArrayFieldStart("records");
            for (ImageRecords.Entry e : inspection.entries()) {
                g.writeStartObject();
                g.writeNumberField("line", e.line());
                g.writeStringField("pointer", e.pointer());
                g.writeStringField("kind", e.kind().id());
                g.writeStringField("image_pointer", e.imagePointer());
                ImageRecord image = e.image();
                g.writeStringField("alias", image == null ? null : image.alias());
                g.writeStringField("project", image == null ? null : image.project());
                g.writeStringField("fingerprint", image == null ? null : image.fingerprint());
                g.writeStringField("short_fingerprint", e.shortFingerprint());
                g.writeStringField("guest_role", image == null || image.guestRole() == null ? null
                        : image.guestRole().id());
                g.writeStringField("implied_role", e.impliedRole().map(GuestRole::id).orElse(null));
                g.writeBooleanField("uses_default_alias", e.usesDefaultAlias());
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        @Override
        public Integer call() {
            if (!KindCandidates.IDS.contains(kind)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown --kind `" + kind
                        + "`: expected one of " + String.join(", ", KindCandidates.IDS));
            }
            return execute(spec.commandLine().getOut(), spec.commandLine().getErr(), System.in);
        }
    }

    /** The {@code --kind} values of {@code inspect}. */
    public static final class KindCandidates implements Iterable<String> {
        static final List<String> IDS = List.of("auto", DocumentKind.IMAGE_RECORD.id(),
                DocumentKind.EXECUTION_RECORD.id());

        @Override
        public java.util.Iterator<String> iterator() {
            return IDS.iterator();
        }
    }

    /** {@code pika image-record from-incus}. */
    @Command(name = "from-incus", mixinStandardHelpOptions = true,
            description = {"Print the image record the CI host would store for a role's image: runs `INCUS image "
                + "list --project PROJECT ALIAS --format json` (on HOST over ssh, or here with --local), takes the "
                + "image with an alias named exactly ALIAS, and prints {guest_role?, project, alias, fingerprint} "
                + "as the reference encodes it. The role is recorded only when ALIAS is the role's default alias "
                + "(CONTRACT.md §5)."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {" 0:record printed", " 1:no image with that alias (or two), or incus/ssh failed",
                " 2:usage error"})
    @Environment({
        @Entry(name = "PIKA_BUILD_SSH_KEY", text = "The ssh identity file (-i); ssh also always gets "
                + "-o StrictHostKeyChecking=accept-new -o BatchMode=yes -o ConnectTimeout=10."),
        @Entry(name = "PIKA_INCUS_BIN", text = "The default of --incus-bin.")
    })
    @Examples({
        "pika image-record from-incus --role pikaci-runner",
        "pika image-record from-incus --role pikaci-runner --local --incus-bin lxc \\",
        "    -o image-record.json"})
    public static final class FromIncus implements Callable<Integer> {
        static final String DEFAULT_HOST = "pika-build";
        static final String DEFAULT_PROJECT = "pika-managed-agents";

        @Spec
        CommandSpec spec;

        @Option(names = "--role", paramLabel = "ROLE", required = true, converter = RoleIds.Converter.class,
                completionCandidates = RoleIds.class,
                description = "Guest role of the image: ${COMPLETION-CANDIDATES}.")
        GuestRole role;

        @Option(names = "--project", paramLabel = "PROJECT", defaultValue = DEFAULT_PROJECT,
                description = "Incus project (default: ${DEFAULT-VALUE}).")
        String project;

        @Option(names = "--alias", paramLabel = "ALIAS",
                description = "Image alias (default: the role's default alias).")
        String alias;

        /** Where incus runs. */
        static final class Where {
            @Option(names = "--local", required = true, description = "Run incus on this machine.")
            boolean local;

            @Option(names = "--remote-host", paramLabel = "HOST", required = true,
                    description = "Run incus on HOST over ssh (default: " + DEFAULT_HOST + ").")
            String host;
        }

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Where where;

        @Option(names = "--incus-bin", paramLabel = "PROGRAM", defaultValue = "${env:PIKA_INCUS_BIN:-incus}",
                description = "The Incus client (default: $PIKA_INCUS_BIN or incus; LXD's is lxc).")
        String incusBin;

        @Option(names = "--sudo", paramLabel = "WHEN", defaultValue = "auto",
                description = "auto (sudo -n when the user running incus is not root), always or never "
                        + "(default: ${DEFAULT-VALUE}).")
        String sudo;

        @Mixin
        OutputFileOption output;

        private final Map<String, String> env;
        private final IncusImageList.Exec exec;

        /** The real command: the process environment, real processes. */
        public FromIncus() {
            this(System.getenv(), IncusImageList.PROCESS);
        }

        /**
         * @param env  the environment ({@code PIKA_BUILD_SSH_KEY})
         * @param exec runs the query
         */
        FromIncus(Map<String, String> env, IncusImageList.Exec exec) {
            this.env = env;
            this.exec = exec;
        }

        @Override
        public Integer call() {
            String a = Names.alias(alias != null ? alias : role.defaultImageAlias());
            String p = Names.project(project);
            String bin = Names.incusBin(incusBin);
            boolean local = where != null && where.local;
            String host = local ? null : Names.host(where != null && where.host != null ? where.host : DEFAULT_HOST);
            IncusImageList.Sudo mode = switch (sudo) {
                case "auto" -> IncusImageList.Sudo.AUTO;
                case "always" -> IncusImageList.Sudo.ALWAYS;
                case "never" -> IncusImageList.Sudo.NEVER;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--sudo: expected auto, always or never, got " + dev.pika.cli.image.Names.printable(sudo));
            };
            IncusImageList.Target target = new IncusImageList.Target(host, env.get("PIKA_BUILD_SSH_KEY"), bin, mode);
            String fingerprint = IncusImageList.fingerprint(exec, target, p, a);
            ImageRecord record = ImageRecord.forImport(role, p, a, fingerprint);
            output.emit(spec.commandLine(), ContractCodec.encodePretty(record) + "\n");
            return ExitCodes.OK;
        }
    }
}
