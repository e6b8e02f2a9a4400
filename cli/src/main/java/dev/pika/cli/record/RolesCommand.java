package dev.pika.cli.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.cli.common.Examples;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.FormatOption;
import dev.pika.cli.common.Standalone;
import dev.pika.cli.common.UserException;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.GuestRole;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pika roles [ROLE]}: the guest role registry (CONTRACT.md §5) — id, default image alias, flake package
 * attribute, legacy package attribute and image disk size in MiB. Exit codes: 0 printed, 2 unknown role or usage.
 */
@Command(name = "roles", mixinStandardHelpOptions = true,
        description = {"Show the Incus guest roles (CONTRACT.md §5): role id, default image alias, flake package "
            + "attribute, legacy package attribute, image disk size in MiB. A role is recorded on an image record "
            + "only when the image uses the role's default alias."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:printed", " 2:unknown role or usage error"},
        footerHeading = "%nOutput:%n",
        footer = {
            "  text   a table: ROLE, DEFAULT ALIAS, FLAKE ATTRIBUTE, LEGACY ATTRIBUTE, DISK",
            "  json   an array of role objects (one object when ROLE is given):",
            "         {id, default_image_alias, flake_package_attr,",
            "          legacy_package_attr, image_disk_size_mib}"})
@Examples({"pika roles", "pika roles pikaci-runner --format json"})
@FormatOption.Formats(FormatOption.TextOrJson.class)
public final class RolesCommand implements Callable<Integer>, Standalone {
    /** jackson-core only: an ObjectMapper would load jackson-databind at every start (~50 ms). */
    private static final JsonFactory JSON_FACTORY = new JsonFactory();


    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ROLE", arity = "0..1", completionCandidates = RoleIds.class,
            description = "Show only this role (${COMPLETION-CANDIDATES}); surrounding whitespace is ignored.")
    String role;

    /** {@code text}: an aligned table; {@code json}: for scripts. */
    @Mixin
    FormatOption format;


    @Override
    public Integer call() {
        List<GuestRole> roles;
        if (role == null) {
            roles = List.of(GuestRole.values());
        } else {
            try {
                roles = List.of(GuestRole.parse(role));
            } catch (IllegalArgumentException e) {
                throw new UserException(ExitCodes.USAGE, e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.get(FormatOption.TextOrJson.class) == FormatOption.TextOrJson.json) {
            json(out, roles, role != null);
        } else {
            table(out, roles);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static void table(PrintWriter out, List<GuestRole> roles) {
        String[] header = {"ROLE", "DEFAULT ALIAS", "FLAKE ATTRIBUTE", "LEGACY ATTRIBUTE", "DISK"};
        String[][] rows = new String[roles.size()][];
        for (int i = 0; i < rows.length; i++) {
            GuestRole r = roles.get(i);
            rows[i] = new String[] {r.id(), r.defaultImageAlias(), r.flakePackageAttr(), r.legacyPackageAttr(),
                r.imageDiskSizeMib() + " MiB"};
        }
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        printRow(out, header, width);
        for (String[] row : rows) {
            printRow(out, row, width);
        }
    }

    private static void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            sb.append(cells[c]);
            if (c < cells.length - 1) {
                sb.append(" ".repeat(width[c] - cells[c].length() + 2));
            }
        }
        out.println(sb);
    }

    static void json(PrintWriter out, List<GuestRole> roles, boolean single) {
        try (JsonGenerator g = JSON_FACTORY.createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.setPrettyPrinter(ContractCodec.serdePrettyPrinter());
            if (!single) {
                g.writeStartArray();
            }
            for (GuestRole r : roles) {
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("default_image_alias", r.defaultImageAlias());
                g.writeStringField("flake_package_attr", r.flakePackageAttr());
                g.writeStringField("legacy_package_attr", r.legacyPackageAttr());
                g.writeNumberField("image_disk_size_mib", r.imageDiskSizeMib());
                g.writeEndObject();
            }
            if (!single) {
                g.writeEndArray();
            }
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
