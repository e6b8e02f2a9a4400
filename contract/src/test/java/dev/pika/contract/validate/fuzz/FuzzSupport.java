package dev.pika.contract.validate.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.ImageRecords;
import dev.pika.contract.validate.Limits;
import dev.pika.contract.validate.ValidationReport;
import dev.pika.contract.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The property every fuzz target checks — any bytes give findings or a valid verdict, never an exception — and
 * the seed corpus: {@code examples/} and the reference fixtures, read where they are (never copied).
 */
public final class FuzzSupport {
    private FuzzSupport() {
    }

    private static final Pattern RULE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** A small byte limit, so fuzzing also reaches the document-too-large and line-too-long paths. */
    static final Limits SMALL = new Limits(2048);

    /**
     * Validates {@code data} as {@code kind} with the default and a small byte limit and checks the report's
     * shape. Any exception escapes to the fuzzer as a finding.
     *
     * @param kind what to validate the bytes as
     * @param data any bytes
     */
    public static void check(DocumentKind kind, byte[] data) {
        ValidationReport r = validate(kind, data, dev.pika.contract.validate.Limits.DEFAULT);
        if (r != null) {
            wellFormed(r, kind);
            assertEquals(r, validate(kind, data, dev.pika.contract.validate.Limits.DEFAULT),
                    "the verdict is deterministic");
        }
        ValidationReport small = validate(kind, data, SMALL);
        if (small != null) {
            wellFormed(small, kind);
        }
        if (kind == DocumentKind.IMAGE_RECORD || kind == DocumentKind.EXECUTION_RECORD) {
            ValidationReport inspected = ImageRecords.inspect("fuzz", data, kind).report();
            wellFormed(inspected, kind);
            if (r != null) {
                assertEquals(r.findings(), inspected.findings(), "inspect's findings are the validator's");
            }
            try {
                ImageRecords.Inspection lines = ImageRecords.inspectLines("fuzz",
                        new java.io.ByteArrayInputStream(data), kind, dev.pika.contract.validate.Limits.DEFAULT);
                wellFormed(lines.report(), kind);
                lines.entries().forEach(e -> assertTrue(e.line() >= 1, e::toString));
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
            ImageRecords.Inspection auto = ImageRecords.inspect("fuzz", data, null);
            assertNotNull(auto.report());
            auto.entries().forEach(e -> assertNotNull(e.kind()));
        }
    }

    /** @return the report, or null when the input is over a limit (not checked: the exception says so) */
    private static ValidationReport validate(DocumentKind kind, byte[] data, dev.pika.contract.validate.Limits limits) {
        try {
            return Validator.validate(kind, "fuzz", data, limits);
        } catch (UncheckedIOException e) {
            assertTrue(e.getCause() instanceof dev.pika.contract.validate.LimitExceededException, e::toString);
            assertTrue(e.getCause().getMessage().startsWith("not checked: "), e.getCause()::getMessage);
            return null;
        }
    }

    private static void wellFormed(ValidationReport r, DocumentKind kind) {
        assertEquals(kind, r.kind());
        boolean errors = false;
        for (Finding f : r.findings()) {
            assertTrue(RULE.matcher(f.rule()).matches(), f::toString);
            assertFalse(f.message() == null || f.message().isBlank(), f::toString);
            assertTrue(f.line() >= 0 && f.column() >= 0 && f.endLine() >= 0 && f.endColumn() >= 0, f::toString);
            assertTrue(f.pointer().isEmpty() || f.pointer().startsWith("/"), f::toString);
            assertNotNull(f.toCompilerString());
            errors |= f.severity() == Severity.ERROR;
        }
        assertEquals(!errors, r.valid(false));
    }

    /** @return the repository's {@code examples/} files and the reference fixtures' JSON documents */
    public static List<Path> seeds() {
        Path repo = dev.pika.testkit.Repo.root();
        Path fixtures = dev.pika.testkit.Fixtures.dir();
        List<Path> seeds = new ArrayList<>();
        for (Path dir : List.of(repo.resolve("examples"), fixtures.resolve("upstream-lifecycle-helper"),
                fixtures.resolve("upstream-test-payloads"), fixtures.resolve("upstream-tart-fragment"))) {
            assertTrue(Files.isDirectory(dir), "seed directory missing: " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile)
                        .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl"))
                        .filter(p -> !p.getFileName().toString().equals("index.json"))
                        .sorted().forEach(seeds::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seeds;
    }

    /**
     * In fuzzing mode ({@code JAZZER_FUZZ} set), copies the seeds into the generated corpus directory of the fuzz
     * test ({@code .cifuzz-corpus/CLASS/METHOD/} under the module), so that libFuzzer starts from real documents.
     * The directory is build output (git-ignored); nothing is copied into the sources.
     *
     * @param testClass the fuzz test's class
     * @param method    the fuzz test's method name
     */
    public static void seedGeneratedCorpus(Class<?> testClass, String method) {
        String fuzz = System.getenv("JAZZER_FUZZ");
        if (fuzz == null || fuzz.isEmpty() || fuzz.equals("0") || fuzz.equalsIgnoreCase("false")) {
            return;
        }
        Path corpus = Path.of(".cifuzz-corpus", testClass.getName(), method);
        try {
            Files.createDirectories(corpus);
            for (Path seed : seeds()) {
                Path target = corpus.resolve("seed-" + seed.getParent().getFileName() + "-" + seed.getFileName());
                if (!Files.exists(target)) {
                    Files.copy(seed, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
