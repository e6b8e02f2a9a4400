package dev.pika.cli.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.cli.common.Examples;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.OutputFileOption;
import dev.pika.cli.common.Standalone;
import dev.pika.cli.common.UserException;
import dev.pika.cli.validate.ValidateCommands;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.JsonSchemas;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pika schema KIND [-o FILE]}: the JSON Schema (draft 2020-12) of a document kind, generated from the
 * contract's type model ({@link JsonSchemas}), pretty-printed. Exit codes: 0 printed, 2 unknown kind, usage error
 * or FILE not writable.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft 2020-12) of a contract document kind, generated from pika's "
            + "model of the contract, for editors (a document's `$schema`, VS Code's json.schemas) and other "
            + "languages. A schema cannot express everything `pika validate` checks: duplicate keys, integers "
            + "written as -0 or 1.0, the value rules and the lint (docs/validation.md)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:printed", " 2:unknown kind, usage error, or FILE not writable"})
@Examples({"pika schema result -o result.schema.json", "pika schema spec"})
public final class SchemaCommand implements Callable<Integer>, Standalone {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "KIND", completionCandidates = ValidateCommands.KindCandidates.class,
            description = "Document kind: ${COMPLETION-CANDIDATES} (events: one line of the stream).")
    String kind;

    @Mixin
    OutputFileOption output;

    @Override
    public Integer call() {
        DocumentKind k = DocumentKind.fromId(kind).orElseThrow(() -> new UserException(ExitCodes.USAGE,
                "unknown kind `" + kind + "`: expected one of "
                        + String.join(", ", ValidateCommands.KindCandidates.ids())));
        String json;
        try {
            json = new ObjectMapper().writer(ContractCodec.serdePrettyPrinter())
                    .writeValueAsString(JsonSchemas.of(k)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        output.emit(spec.commandLine(), json);
        return ExitCodes.OK;
    }
}
