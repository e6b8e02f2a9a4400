package dev.pika.contract.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pika.contract.Finding;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential test against the reference decoder (issue 11 §3, CONTRACT.md §1): for every document kind,
 * {@link ConformanceCases} generates mutated documents (seeded), the real serde_json decodes them
 * ({@code conformance/}, built by {@code .ci/setup-conformance.sh}) and pika's validator checks them in-process;
 * any difference in the verdict, or in the end position of the error (serde's {@code line L column C}), fails
 * the test, which prints the smallest differing cases.
 *
 * <p>System properties: {@code pika.conformance.cases} (per kind, default 2,000), {@code pika.conformance.seed}
 * (default 11). {@code scripts/conformance.sh N} runs N cases per kind.
 */
class SerdeConformanceTest {
    private static final int BATCH = 20000;
    private static Path binary;

    @BeforeAll
    static void reference() {
        binary = Repo.path("conformance/target/release/pika-conformance");
    }

    @Test
    void pikaGivesSerdesVerdictAndErrorPositionOnGeneratedDocuments(@TempDir Path dir) throws IOException {
        Require.that("the reference decoder " + binary + " (serde_json, built from conformance/)",
                Files.isExecutable(binary), ".ci/setup-conformance.sh");
        int cases = Integer.getInteger("pika.conformance.cases", 2000);
        long seed = Long.getLong("pika.conformance.seed", 11L);
        List<String> differences = new ArrayList<>();
        List<Diff> diffs = new ArrayList<>();
        long start = System.nanoTime();
        int total = 0;
        for (Map.Entry<DocumentKind, String> k : ConformanceCases.kinds().entrySet()) {
            ConformanceCases gen = new ConformanceCases(seed * 31 + k.getKey().ordinal());
            int rejected = 0;
            List<byte[]> fixed = ConformanceCases.table(k.getKey());
            for (int done = 0; done < cases + fixed.size(); done += BATCH) {
                int n = Math.min(BATCH, cases + fixed.size() - done);
                List<byte[]> docs = new ArrayList<>(n);
                java.io.ByteArrayOutputStream batch = new java.io.ByteArrayOutputStream();
                for (int c = 0; c < n; c++) {
                    int index = done + c;
                    byte[] doc = index < fixed.size() ? fixed.get(index) : gen.next(k.getKey());
                    docs.add(doc);
                    batch.writeBytes((doc.length + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    batch.writeBytes(doc);
                }
                Path f = dir.resolve("batch");
                Files.write(f, batch.toByteArray());
                Proc.Result res = Proc.of(binary.toString(), "--batch", k.getValue(), f.toString())
                        .timeout(Duration.ofMinutes(10)).run();
                assertEquals(0, res.exit(), res::err);
                List<String> lines = res.lines();
                assertEquals(n, lines.size(), "one verdict per document");
                for (int c = 0; c < n; c++) {
                    String[] serde = lines.get(c).split("\t", 5);
                    Diff d = compare(k.getKey(), docs.get(c), serde);
                    if (serde[1].equals("reject")) {
                        rejected++;
                    }
                    if (d != null) {
                        diffs.add(d);
                    }
                }
                total += n;
            }
            System.out.printf("conformance: %s: %d generated + %d fixed cases, %d rejected by serde_json%n",
                    k.getKey().id(), cases, fixed.size(), rejected);
        }
        System.out.printf("conformance: %d cases in %.1f s, %d differences%n", total,
                (System.nanoTime() - start) / 1e9, diffs.size());
        if (!diffs.isEmpty()) {
            diffs.sort(Comparator.comparingInt((Diff d) -> d.doc.length));
            for (Diff d : diffs.subList(0, Math.min(25, diffs.size()))) {
                differences.add(d.toString());
            }
            fail(diffs.size() + " of " + total + " documents differ from serde_json (smallest first):\n"
                    + String.join("\n", differences));
        }
    }

    private record Diff(DocumentKind kind, byte[] doc, String serde, String pika) {
        @Override
        public String toString() {
            return "  " + kind.id() + " " + show(doc) + "\n      serde_json: " + serde + "\n      pika:       "
                    + pika;
        }
    }

    /** @return the difference, or null when pika agrees */
    private static Diff compare(DocumentKind kind, byte[] doc, String[] serde) {
        // The decoder's verdict: for single documents the type check alone (the guest's request checks and the
        // spec's validation rules run after decoding, as in the reference, and are not serde's); event lines have
        // no error rules besides the decoder's.
        List<Finding> findings;
        try {
            findings = kind == DocumentKind.EVENTS ? Validator.validate(kind, "doc", doc, Limits.DEFAULT).findings()
                    : Validator.checkType(Validator.schema(kind), "doc", doc);
        } catch (UncheckedIOException e) {
            return new Diff(kind, doc, String.join(" ", serde), "not checked: " + e.getCause().getMessage());
        }
        Finding first = findings.stream().filter(Finding::isError).findFirst().orElse(null);
        boolean serdeAccepts = serde[1].equals("accept");
        String pika = first == null ? "accept" : "reject " + first.endLine() + ":" + first.endColumn() + " "
                + first.message();
        String ref = serdeAccepts ? "accept" : "reject " + serde[2] + ":" + serde[3] + " " + serde[4];
        if (serdeAccepts != (first == null)) {
            return new Diff(kind, doc, ref, pika);
        }
        if (!serdeAccepts && !serde[2].equals("0")) {
            if (first.endLine() != Integer.parseInt(serde[2]) || first.endColumn() != Integer.parseInt(serde[3])) {
                return new Diff(kind, doc, ref, pika);
            }
        }
        return null;
    }

    /** The document as a Java string literal would show it, bytes ≥ 0x80 as \xNN. */
    static String show(byte[] doc) {
        StringBuilder sb = new StringBuilder("\"");
        int limit = Math.min(doc.length, 400);
        for (int k = 0; k < limit; k++) {
            int c = doc[k] & 0xff;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02X", c));
            } else {
                sb.append((char) c);
            }
        }
        if (doc.length > limit) {
            sb.append("…(").append(doc.length).append(" bytes)");
        }
        return sb.append('"').toString();
    }
}
