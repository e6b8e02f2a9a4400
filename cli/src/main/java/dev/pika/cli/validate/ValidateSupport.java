package dev.pika.cli.validate;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.cli.common.Display;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.FormatOption;
import dev.pika.cli.common.InputFiles;
import dev.pika.cli.common.Standalone;
import dev.pika.contract.Finding;
import dev.pika.contract.lifecycle.StateDirChecks;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.Limits;
import dev.pika.contract.validate.ValidationReport;
import dev.pika.contract.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * Options, help sections and the run loop shared by {@code pika validate} and {@code pika validate-*}. Files are checked in
 * parallel (one thread per core) and reported in command-line order.
 */
@Command(mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ValidateSupport.EXIT_VALID, ValidateSupport.EXIT_INVALID, ValidateSupport.EXIT_USAGE},
        footerHeading = "%nOutput:%n",
        footer = {
            "  text    PATH:LINE:COL: error[rule-id]: message (at /json/pointer), a hint",
            "          indented under it, then a summary line such as",
            "          `3 valid, 1 invalid (1 error, 0 warnings)`.",
            "  json    One JSON document with every finding.",
            "  github  GitHub Actions ::error and ::warning workflow commands, then the",
            "          summary line.",
            "  junit   JUnit XML: one test case per document, one failure per error.",
            "  sarif   SARIF 2.1.0 (code scanning): one result per finding."})
@FormatOption.Formats(ReportFormat.class)
public abstract class ValidateSupport implements Standalone {
    static final String EXIT_VALID = " 0:every document valid";
    static final String EXIT_INVALID = " 1:at least one document invalid";
    static final String EXIT_USAGE = " 2:usage error or unreadable input";

    /** The source name used for standard input. */
    public static final String STDIN_NAME = "<stdin>";

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Documents to check; `-` reads standard input. A directory (a state directory such as "
                + "/run/pika-cloud) is checked file by file: its files with a canonical name (result.json, "
                + "status.json, events.jsonl, guest-request.json, spec.json, image-record.json, "
                + "execution-record.json) that this command checks; every other entry is listed as skipped.")
    List<String> files;

    @Option(names = {"-r", "--recursive"},
            description = "Also check the directories inside a directory, at any depth (symbolic links to "
                + "directories are not followed).")
    boolean recursive;

    @Option(names = "--strict", description = "Treat warnings (lint) as errors.")
    boolean strict;

    @Mixin
    FormatOption format;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors: no warnings, no summary.")
    boolean quiet;

    @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "16M", converter = MaxBytes.class,
            description = "Most bytes read for one document or one event line, with an optional unit k, M or G "
                + "(default: ${DEFAULT-VALUE}, at most 1G). Larger input is an error finding "
                + "(document-too-large, line-too-long) and is not read further.")
    Limits limits = Limits.DEFAULT;

    /** Converts {@code --max-bytes} values ({@code 64M}, {@code 512k}, {@code 1000}). */
    static final class MaxBytes implements ITypeConverter<Limits> {
        @Override
        public Limits convert(String value) {
            try {
                return Limits.parseMaxBytes(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }


    /**
     * @param file the file name as given
     * @return the kind to check it as
     * @throws IllegalArgumentException with a user message when the kind cannot be determined
     */
    protected abstract DocumentKind kindFor(String file);

    /**
     * Which documents this command picks inside a directory, by their canonical names.
     *
     * @param kind a kind whose canonical file name is in the directory
     * @return whether this command checks it (every kind by default)
     */
    protected boolean picks(DocumentKind kind) {
        return true;
    }

    /** @return whether this command runs {@link #crossFileFindings} for state directories (false by default) */
    protected boolean checksAcrossFiles() {
        return false;
    }

    /**
     * The cross-file checks of one state directory ({@code pika validate} only; none by default).
     *
     * @param dir   a directory named on the command line or found with {@code -r}, holding at least one lifecycle
     *              document
     * @param files its lifecycle files
     * @return the findings
     */
    protected List<Finding> crossFileFindings(Path dir, StateDirChecks.Files files) {
        return List.of();
    }

    /**
     * Checks one readable input. Subclasses that check differently (e.g. {@code pika image-record inspect}, which
     * tells record kinds from the content) override this; the report's kind is the one shown.
     *
     * @param kind   what {@link #kindFor} said (may be null when a subclass tells the kind from the content)
     * @param source the source name for findings
     * @param in     the input (not closed here)
     * @return the report
     * @throws IOException when the input cannot be read
     */
    protected ValidationReport validate(DocumentKind kind, String source, InputStream in) throws IOException {
        return Validator.validate(kind, source, in, limits);
    }

    /** @return the byte limit from {@code --max-bytes} */
    protected Limits limits() {
        return limits;
    }

    /**
     * Text and github formats: prints what the command shows about a document after its findings (nothing by
     * default).
     *
     * @param report the document's report
     * @param out    standard output
     */
    protected void printDetails(ValidationReport report, PrintWriter out) {
    }

    /**
     * JSON format: writes extra fields into the document's object, after {@code findings} (none by default).
     *
     * @param report the document's report
     * @param g      the generator, inside the document's object
     * @throws IOException from the generator
     */
    protected void writeDetails(ValidationReport report, JsonGenerator g)
            throws IOException {
    }

    /** @return whether {@code --strict} was given */
    protected boolean strict() {
        return strict;
    }

    /**
     * Validates every file and prints the findings.
     *
     * @param out standard output
     * @param err standard error (unreadable inputs)
     * @param stdin standard input, for {@code -}
     * @return 0 all valid, 1 at least one invalid, 2 at least one unreadable
     */
    protected int execute(PrintWriter out, PrintWriter err, InputStream stdin) {
        ReportWriter.Settings settings = new ReportWriter.Settings(out, strict, quiet, new ReportWriter.Details() {
            @Override
            public void text(ValidationReport report, PrintWriter w) {
                printDetails(report, w);
            }

            @Override
            public void json(ValidationReport report, JsonGenerator g) throws IOException {
                writeDetails(report, g);
            }
        });
        ReportWriter printer = format.get(ReportFormat.class).writer(settings);
        List<Input> inputs = new ArrayList<>();
        for (String f : files) {
            Inputs.expand(this, f, recursive, inputs);
        }
        List<Outcome> outcomes = new ArrayList<>(inputs.size());
        Function<Input, Outcome> check = input -> check(input, stdin);
        if (inputs.size() == 1) {
            Outcome o = check.apply(inputs.get(0));
            report(o, printer, err);
            outcomes.add(o);
        } else {
            int threads = Math.min(inputs.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "pika-validate");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Outcome>> futures = new ArrayList<>(inputs.size());
                for (Input in : inputs) {
                    futures.add(pool.submit(() -> check.apply(in)));
                }
                for (Future<Outcome> fut : futures) {
                    Outcome o = fut.get();
                    report(o, printer, err);
                    outcomes.add(o);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.INTERRUPTED;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        printer.finish(outcomes, ReportWriter.Summary.of(outcomes, settings));
        boolean anyUnreadable = outcomes.stream().anyMatch(o -> o.unreadable() != null);
        boolean anyInvalid = outcomes.stream().anyMatch(o -> o.report() != null && !o.report().valid(strict));
        return anyUnreadable ? ExitCodes.USAGE : anyInvalid ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private void report(Outcome o, ReportWriter printer, PrintWriter err) {
        if (o.unreadable() != null) {
            err.println("pika: " + Display.escape(o.unreadable()));
            err.flush();
        }
        printer.document(o);
    }

    private Outcome check(Input input, InputStream stdin) {
        if (input instanceof Input.Skip skip) {
            return Outcome.skipped(skip.file(), skip.reason());
        }
        if (input instanceof Input.Unreadable u) {
            return new Outcome(u.file(), null, null, u.reason(), null);
        }
        if (input instanceof Input.StateDir dir) {
            return stateDir(dir.dir());
        }
        Input.Doc doc = (Input.Doc) input;
        return check(doc.file(), doc.kind(), stdin);
    }

    private Outcome stateDir(Path dir) {
        StateDirChecks.Files files = new StateDirChecks.Files(dir.toString(), Inputs.lifecycleFile(dir, "status.json",
                limits), Inputs.lifecycleFile(dir, "events.jsonl", limits),
                Inputs.lifecycleFile(dir, "result.json", limits),
                Inputs.lifecycleFile(dir, StateDirChecks.SEQ_FILE, limits));
        List<Finding> findings = crossFileFindings(dir, files);
        return new Outcome(dir.toString(), null, new ValidationReport(dir.toString(), null, findings), null, null);
    }

    private Outcome check(String file, DocumentKind picked, InputStream stdin) {
        boolean isStdin = file.equals("-");
        String source = isStdin ? STDIN_NAME : file;
        DocumentKind kind = picked;
        if (kind == null) {
            try {
                kind = kindFor(file);
            } catch (IllegalArgumentException e) {
                // a file that cannot be read is reported as such, whatever its name
                if (!isStdin) {
                    try (InputStream in = InputFiles.open(Path.of(file))) {
                        // readable: its name is the problem
                    } catch (InputFiles.Unreadable u) {
                        return new Outcome(source, null, null, "cannot read " + file + ": " + u.getMessage(), null);
                    } catch (IOException io) {
                        return new Outcome(source, null, null, "cannot read " + file + ": " + InputFiles.reason(io),
                                null);
                    }
                }
                return new Outcome(source, null, null, e.getMessage(), null);
            }
        }
        if (isStdin) {
            try {
                ValidationReport r = validate(kind, source, stdin);
                return new Outcome(source, r.kind(), r, null, null);
            } catch (IOException e) {
                return new Outcome(source, kind, null, "cannot read standard input: " + InputFiles.reason(e), null);
            }
        }
        try (InputStream in = InputFiles.open(Path.of(file))) {
            ValidationReport r = validate(kind, source, in);
            return new Outcome(source, r.kind(), r, null, null);
        } catch (InputFiles.Unreadable e) {
            return new Outcome(source, kind, null, "cannot read " + file + ": " + e.getMessage(), null);
        } catch (IOException e) {
            // reading (not opening) failed, e.g. an I/O error
            return new Outcome(source, kind, null, "cannot read " + file + ": " + InputFiles.reason(e), null);
        }
    }
}
