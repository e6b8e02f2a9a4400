package dev.pika.cli.validate;

import java.util.function.Function;

/**
 * The {@code --format} values of {@code pika validate*}: each names the {@link ReportWriter} that writes it.
 * Adding a format is one writer class and one constant here.
 */
public enum ReportFormat {
    /** Compiler style, one finding per line, then a summary line. */
    text(TextReport::new),
    /** One JSON document with every finding, for scripts. */
    json(JsonReport::new),
    /** GitHub Actions workflow commands ({@code ::error file=…,line=…,col=…::message}). */
    github(GithubReport::new),
    /** JUnit XML: one test case per document, one failure per error. */
    junit(JunitReport::new),
    /** SARIF 2.1.0, for code-scanning uploads. */
    sarif(SarifReport::new);

    private final Function<ReportWriter.Settings, ReportWriter> writer;

    ReportFormat(Function<ReportWriter.Settings, ReportWriter> writer) {
        this.writer = writer;
    }

    /**
     * @param settings what the writer prints to and how
     * @return a writer of this format
     */
    public ReportWriter writer(ReportWriter.Settings settings) {
        return writer.apply(settings);
    }
}
