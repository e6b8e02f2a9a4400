package dev.pika.contract.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.contract.model.LifecycleStatus;
import dev.pika.contract.model.RuntimeState;
import dev.pika.contract.model.Serde;
import dev.pika.contract.validate.Schema;
import dev.pika.contract.validate.Schemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator's type model ({@code validate/Schemas.java}) is generated from the model records: the checked-in
 * constants are what the records say now, adding a component to a record is one generated line, and a stale
 * generated file fails the drift check.
 */
class TypeModelTest {

    /** {@link LifecycleStatus} with one more optional component: what "add a field to status.json" is. */
    @Serde.Rust("LifecycleStatus")
    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusWithRunner(
            @Serde.Rust("u32") @JsonProperty(value = "schema_version", required = true) long schemaVersion,
            @JsonProperty(value = "state", required = true) RuntimeState state,
            @JsonProperty(value = "updated_at", required = true) String updatedAt,
            @JsonProperty(value = "message", required = true) String message,
            @JsonProperty("boot_id") String bootId,
            @JsonProperty("details") JsonNode details,
            @JsonProperty("runner") String runner) {
    }

    @Test
    void theCheckedInConstantsAreTheRecords() {
        TypeModel model = new TypeModel();
        for (TypeModel.Root r : TypeModel.ROOTS) {
            Object checkedIn;
            try {
                checkedIn = Schemas.class.getField(r.constant()).get(null);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(r.constant(), e);
            }
            assertEquals(model.type(r.type()), checkedIn, r.constant());
        }
    }

    @Test
    void oneMoreRecordComponentIsOneMoreGeneratedField() {
        List<TypeModel.Root> roots = new ArrayList<>(TypeModel.ROOTS);
        roots.replaceAll(r -> r.type() == LifecycleStatus.class
                ? new TypeModel.Root(r.constant(), StatusWithRunner.class, r.contractType()) : r);
        String now = new TypeModel().source();
        String withRunner = new TypeModel(roots).source();
        // the record's own lines: the javadoc link, and one field more (the last field gains a comma)
        assertEquals(List.of(
                "+            optional(\"details\", ANY),",
                "+            optional(\"runner\", STRING))",
                "+    /** {@code LifecycleStatus}, from {@link dev.pika.contract.gen.TypeModelTest.StatusWithRunner}. */",
                "-            optional(\"details\", ANY))",
                "-    /** {@code LifecycleStatus}, from {@link dev.pika.contract.model.LifecycleStatus}. */"),
                diff(now, withRunner).stream().sorted().toList());
        Schema.Obj status = (Schema.Obj) new TypeModel(roots).type(StatusWithRunner.class);
        assertEquals(Schema.Presence.OPTIONAL, status.field("runner").presence());
    }

    @Test
    void aStaleTypeModelIsCaught(@TempDir Path copy) throws IOException {
        Path root = GeneratedFilesTest.copyOfGeneratedFiles(copy);
        assertEquals(List.of(), Generate.stale(root));
        // a record gained a component (boot_id) but the generated file was not regenerated
        Path schemas = root.resolve(TypeModel.SOURCE);
        String text = Files.readString(schemas, StandardCharsets.UTF_8);
        String stale = text.replaceFirst("(?s)(LIFECYCLE_STATUS = .*?)\\n            optional\\(\"boot_id\", STRING\\),",
                "$1");
        assertTrue(stale.length() < text.length());
        Files.writeString(schemas, stale, StandardCharsets.UTF_8);
        assertEquals(List.of(TypeModel.SOURCE), Generate.stale(root));
        Generate.main(new String[] {root.toString()});
        assertEquals(text, Files.readString(schemas, StandardCharsets.UTF_8));
        assertEquals(List.of(), Generate.stale(root));
    }

    /** @return the lines only in {@code a} (prefixed -) and only in {@code b} (+), in order; a simple LCS diff */
    private static List<String> diff(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int[][] lcs = new int[x.length + 1][y.length + 1];
        for (int i = x.length - 1; i >= 0; i--) {
            for (int j = y.length - 1; j >= 0; j--) {
                lcs[i][j] = x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < x.length || j < y.length) {
            if (i < x.length && j < y.length && x[i].equals(y[j])) {
                i++;
                j++;
            } else if (j < y.length && (i == x.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                out.add("+" + y[j++]);
            } else {
                out.add("-" + x[i++]);
            }
        }
        return out;
    }
}
