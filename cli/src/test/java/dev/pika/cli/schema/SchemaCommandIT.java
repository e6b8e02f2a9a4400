package dev.pika.cli.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pika schema KIND} as a process: the printed schema, read by a real JSON Schema validator (networknt,
 * draft 2020-12), accepts the examples and rejects a violation; {@code -o} writes the file; usage errors exit 2.
 * The schemas' agreement with the validator over every fixture is {@code JsonSchemasTest} (contract).
 */
class SchemaCommandIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Schema schemaOf(String text) throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(MAPPER.readTree(text));
    }

    @Test
    void printedSchemaValidatesTheExamples() throws Exception {
        for (String[] kindAndExample : List.of(new String[] {"result", "result.json"},
                new String[] {"status", "status.json"}, new String[] {"spec", "spec.json"},
                new String[] {"request", "guest-request.json"})) {
            Proc.Result r = Proc.pika("schema", kindAndExample[0]).run();
            assertEquals(0, r.exit(), r.err());
            assertEquals("", r.err());
            JsonNode schema = MAPPER.readTree(r.out());
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
            Schema s = schemaOf(r.out());
            assertEquals(List.of(), s.validate(MAPPER.readTree(Repo.example(kindAndExample[1]).toFile())),
                    kindAndExample[1]);
        }
        Schema result = schemaOf(Proc.pika("schema", "result").run().out());
        assertFalse(result.validate(MAPPER.readTree(Repo.example("legacy-passed-result.json").toFile())).isEmpty(),
                "status `passed` is not a variant");
        Schema request = schemaOf(Proc.pika("schema", "request").run().out());
        assertFalse(request.validate(MAPPER.readTree(Repo.example("guest-request-v1.json").toFile())).isEmpty(),
                "the request denies unknown fields");
    }

    @Test
    void outputFileAndUsageErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("result.schema.json");
        Proc.Result r = Proc.pika("schema", "result", "-o", file.toString()).run();
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        assertEquals(Proc.pika("schema", "result").run().out(), Files.readString(file));

        Proc.Result bad = Proc.pika("schema", "nope").run();
        assertEquals(2, bad.exit());
        assertEquals("", bad.out());
        assertTrue(bad.err().contains("unknown kind `nope`: expected one of result, status, events, request, spec, "
                + "image-record, execution-record"), bad.err());
        assertEquals(2, Proc.pika("schema").run().exit(), "KIND is required");
        Proc.Result help = Proc.pika("schema", "--help").run();
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("draft 2020-12"), help.out());
    }
}
