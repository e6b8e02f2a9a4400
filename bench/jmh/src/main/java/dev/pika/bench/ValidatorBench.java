package dev.pika.bench;

import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.ValidationReport;
import dev.pika.contract.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link Validator} on documents held in memory: the primary score is documents (or, for
 * {@code events}, streams) per second; the {@code megabytes} counter is MB/s (10^6 bytes) and {@code lines} is
 * event lines per second. Every document is valid, so the figures are for the common path.
 *
 * <p>Run: {@code mvn -o -q -Pjmh -pl bench/jmh -am package -DskipTests && java -jar
 * bench/jmh/target/benchmarks.jar} (add {@code -f 1 -wi 2 -i 3} for a quick look).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@State(Scope.Thread)
public class ValidatorBench {
    static final byte[] RESULT = utf8("{\n  \"schema_version\": 1,\n  \"status\": \"completed\",\n  \"exit_code\": 0,\n"
            + "  \"finished_at\": \"2026-03-25T20:00:00Z\",\n  \"message\": \"test passed\"\n}\n");
    static final byte[] STATUS = utf8("{\n  \"schema_version\": 1,\n  \"state\": \"booted\",\n"
            + "  \"updated_at\": \"2026-11-21T07:45:21+00:00\",\n  \"message\": \"incus guest booted\",\n"
            + "  \"boot_id\": \"46ce6850-048c-48cd-8469-88aa789f6265\"\n}\n");
    static final byte[] REQUEST = utf8("{\"schema_version\":2,\"command\":\"bash --noprofile --norc -lc 'cargo test'\","
            + "\"timeout_secs\":120,\"run_as_root\":false}");
    static final byte[] SPEC = utf8("{\"identity\":{\"runtime_id\":\"run-1\",\"instance_name\":\"pika-run-1\"},"
            + "\"incus\":{\"project\":\"pika-managed-agents\",\"profile\":\"default\",\"image_alias\":\"pikaci/dev\"},"
            + "\"resources\":{\"vcpu_count\":2,\"memory_mib\":4096},\"mounts\":[{\"kind\":\"read_only_snapshot\","
            + "\"guest_path\":\"/workspace/snapshot\",\"source\":\"/var/tmp/run/snapshot\",\"mode\":\"read_only\"}],"
            + "\"labels\":{\"team\":\"ci\"}}");

    /** Event lines per stream in the {@code events} benchmark. */
    @Param("10000")
    int eventLines;

    byte[] events;

    /** The input of the {@code document} benchmark: one single-document kind per run. */
    @State(Scope.Thread)
    public static class Document {
        /** The document kind's id. */
        @Param({"result", "status", "request", "spec"})
        public String kind;

        DocumentKind documentKind;
        byte[] bytes;

        @Setup
        public void pick() {
            documentKind = DocumentKind.fromId(kind).orElseThrow();
            bytes = switch (documentKind) {
                case RESULT -> RESULT;
                case STATUS -> STATUS;
                case REQUEST -> REQUEST;
                case SPEC -> SPEC;
                default -> throw new IllegalArgumentException(kind);
            };
        }
    }

    /** Extra throughput counters: MB/s and event lines per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** megabytes (10^6 bytes) validated; reported per second. */
        public double megabytes;
        /** event lines validated; reported per second. */
        public long lines;

        @Setup(Level.Iteration)
        public void reset() {
            megabytes = 0;
            lines = 0;
        }
    }

    @Setup
    public void makeEvents() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= eventLines; i++) {
            sb.append("{\"schema_version\": 1, \"kind\": \"ready\", \"timestamp\": \"2026-11-21T07:45:22+00:00\", ")
                    .append("\"message\": \"guest progress ").append(i)
                    .append("\", \"boot_id\": \"46ce6850-048c-48cd-8469-88aa789f6265\", \"seq\": ").append(i)
                    .append("}\n");
        }
        events = utf8(sb.toString());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ValidationReport run(DocumentKind kind, byte[] doc, Counters c) {
        ValidationReport r = Validator.validate(kind, "bench", doc);
        if (!r.valid(true)) {
            throw new IllegalStateException("benchmark document is not valid: " + r.findings());
        }
        c.megabytes += doc.length / 1e6;
        return r;
    }

    @Benchmark
    public ValidationReport document(Document d, Counters c) {
        return run(d.documentKind, d.bytes, c);
    }

    @Benchmark
    public ValidationReport events(Counters c) {
        c.lines += eventLines;
        return run(DocumentKind.EVENTS, events, c);
    }
}
