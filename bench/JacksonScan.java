import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Baseline for bench/run.sh: the least a JVM JSON tool can do with an events.jsonl file — one Jackson streaming
 * parser over the whole file, every token read, nothing checked. {@code pika validate-events} is measured against
 * it (target: at most 1.3 times its time). Prints the number of top-level values and tokens.
 *
 * <p>Build: {@code javac -cp cli/target/pika.jar -d DIR bench/JacksonScan.java}; run: {@code java -cp
 * DIR:cli/target/pika.jar JacksonScan FILE}.
 */
public final class JacksonScan {
    private JacksonScan() {
    }

    public static void main(String[] args) throws Exception {
        JsonFactory factory = new JsonFactory();
        long values = 0;
        long tokens = 0;
        try (InputStream in = Files.newInputStream(Path.of(args[0]));
             JsonParser p = factory.createParser(in)) {
            int depth = 0;
            while (p.nextToken() != null) {
                tokens++;
                if (p.currentToken().isStructStart()) {
                    depth++;
                } else if (p.currentToken().isStructEnd() && --depth == 0) {
                    values++;
                }
            }
        }
        System.out.println(values + " values, " + tokens + " tokens");
    }
}
