package dev.pika.cli.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.pika.contract.model.ContractCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A format that is one JSON document (ending with a newline) written when all inputs are done ({@code json},
 * {@code sarif}), pretty-printed like the reference. Strings are escaped by JSON's rules, control characters
 * included.
 */
abstract class JsonDocumentReport implements ReportWriter {
    /** jackson-core only: an ObjectMapper costs ~50 ms of start-up and the reports need no data binding. */
    private static final JsonFactory JSON = new JsonFactory();

    /** What to print, and where. */
    protected final Settings settings;

    JsonDocumentReport(Settings settings) {
        this.settings = settings;
    }

    @Override
    public final void document(Outcome o) {
        // the whole document is written by finish
    }

    @Override
    public final void finish(List<Outcome> outcomes, Summary s) {
        // the generator must not close stdout when it is done
        try (JsonGenerator g = JSON.createGenerator(settings.out())
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.setPrettyPrinter(ContractCodec.serdePrettyPrinter());
            write(g, outcomes, s);
            g.flush();
            settings.out().println(); // a text file ends with a newline
            settings.out().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the document.
     *
     * @param g        the generator, at the start
     * @param outcomes every outcome, in command-line order
     * @param s        the counts over {@code outcomes}
     * @throws IOException from the generator
     */
    abstract void write(JsonGenerator g, List<Outcome> outcomes, Summary s) throws IOException;
}
