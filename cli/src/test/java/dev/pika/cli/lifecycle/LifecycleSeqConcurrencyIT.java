package dev.pika.cli.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.LifecycleEvent;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seq lock holds across processes: 8 JVMs, each appending 1,000 events through {@code pika lifecycle event}
 * at the same time, give seq 1..8000 in file order with no gap or repeat, every line decodes, each writer's own
 * events keep their order, and the seq file ends at 8000. Takes about 2 minutes on 2 shared cores: 16,000 fsyncs and 8 JVMs.
 */
class LifecycleSeqConcurrencyIT {
    private static final int WRITERS = 8;
    private static final int EVENTS = 1_000;

    @Test
    void eightProcessesAppendingAThousandEventsEachGiveSeqOneToEightThousand(@TempDir Path dir) throws Exception {
        Path events = dir.resolve("run/pika-cloud/events.jsonl");
        String classpath = Repo.jar() + File.pathSeparator
                + Path.of(AppendEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Process> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(Proc.of(Repo.java().toString(), "-XX:TieredStopAtLevel=1", "-cp", classpath,
                    AppendEvents.class.getName(), events.toString(), Integer.toString(w), Integer.toString(EVENTS))
                    .start());
        }
        for (Process p : writers) {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                writers.forEach(Proc::kill);
                throw new AssertionError("a writer did not finish within 5 minutes (a lock never released?)");
            }
            assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes()));
        }
        List<LifecycleEvent> decoded = ContractCodec.decodeEvents(events.toString(), Files.readString(events));
        assertEquals(WRITERS * EVENTS, decoded.size());
        Map<Long, Integer> lastOfWriter = new HashMap<>();
        long expected = 1;
        for (LifecycleEvent e : decoded) {
            assertEquals(expected++, e.seq(), "seq in file order");
            JsonNode d = e.details();
            long writer = d.get("writer").asLong();
            int n = d.get("n").asInt();
            assertEquals(lastOfWriter.getOrDefault(writer, -1) + 1, n, "writer " + writer + " in order");
            lastOfWriter.put(writer, n);
        }
        assertEquals(WRITERS * EVENTS + "\n", Files.readString(events.resolveSibling("events.jsonl.seq")));
    }
}
