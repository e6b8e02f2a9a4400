package dev.pika.contract.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import dev.pika.contract.model.GuestRole;
import dev.pika.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cross-file lint of one state directory, on the lifecycle helper's real outputs. */
class StateDirChecksTest {
    private static byte[] f(String name) {
        return Fixtures.bytes("upstream-lifecycle-helper/" + name);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> rules(List<Finding> findings) {
        findings.forEach(x -> assertEquals(Severity.WARNING, x.severity(), x.toCompilerString()));
        return findings.stream().map(x -> x.rule() + " " + x.source() + ":" + x.line() + " " + x.message()).toList();
    }

    @Test
    void aConsistentCompletedRunHasNoFindings() {
        StateDirChecks.Files dir = new StateDirChecks.Files("run", f("status-completed.json"), f("events-run.jsonl"),
                f("result-completed.json"), f("events-run.jsonl.seq"));
        assertEquals(List.of(), rules(StateDirChecks.check(dir, null)));
    }

    @Test
    void anInconsistentDirectoryIsFlaggedFileByFile() {
        String events = new String(f("events-run.jsonl"), StandardCharsets.UTF_8).replace("\"seq\": 3", "\"seq\": 5")
                .replace("\"kind\": \"completed\", \"timestamp\": \"2026-11-21T07:45:22+00:00\", \"message\": "
                        + "\"test passed\", \"boot_id\": \"46ce6850", "\"kind\": \"completed\", \"timestamp\": "
                        + "\"2026-11-21T07:45:22+00:00\", \"message\": \"test passed\", \"boot_id\": \"99ce6850");
        StateDirChecks.Files dir = new StateDirChecks.Files("/x/", f("status-failed-exit9.json"), b(events),
                f("result-completed.json"), f("events-run.jsonl.seq"));
        assertEquals(List.of(
                "state-result-vs-status /x/status.json:0 result.json says `completed` but status.json's state is "
                        + "`failed`",
                "state-last-event-vs-status /x/events.jsonl:3 the last event's kind is `completed` but status.json's "
                        + "state is `failed`",
                "state-boot-id /x/status.json:0 status.json's boot_id `46ce6850-048c-48cd-8469-88aa789f6265` is not "
                        + "the last event's `99ce6850-048c-48cd-8469-88aa789f6265` (events.jsonl line 3)",
                "state-exit-code /x/result.json:0 result.json's exit_code is 0 but status.json's details.exit_code "
                        + "is 9",
                "state-seq /x/events.jsonl:3 seq 5 skips: expected 3",
                "state-seq-file /x/events.jsonl.seq:0 events.jsonl.seq holds 3 but the last event's seq is 5 (the "
                        + "next event would repeat a seq)"),
                rules(StateDirChecks.check(dir, null)));
    }

    @Test
    void aRepeatedSeqAndAnUnreadableSeqFile() {
        String line = new String(f("events-explicit-seq-path.jsonl"), StandardCharsets.UTF_8);
        StateDirChecks.Files dir = new StateDirChecks.Files("d", null, b(line + "\n\u00a0\n" + line), null, b("x\n"));
        assertEquals(List.of("state-seq d/events.jsonl:4 seq 1 repeats or goes back: expected 2",
                "state-seq-file d/events.jsonl.seq:0 events.jsonl.seq does not hold a u64 (`x`): the helper would "
                        + "fail to append the next event"), rules(StateDirChecks.check(dir, null)));
    }

    @Test
    void theManagedRoleAddsTheServersReadinessChecks() {
        StateDirChecks.Files failed = new StateDirChecks.Files("d", f("status-failed-exit9.json"), null, null, null);
        assertEquals(List.of(), rules(StateDirChecks.check(failed, null)));
        assertEquals(List.of("readiness d/status.json:0 the server would not take this `failed` status: "
                + "mismatched agent_kind (CONTRACT.md §9)"),
                rules(StateDirChecks.check(failed, GuestRole.MANAGED_OPENCLAW)));
        StateDirChecks.Files ready = new StateDirChecks.Files("d", f("status-ready-openclaw.json"), null, null, null);
        assertEquals(List.of(), rules(StateDirChecks.check(ready, GuestRole.MANAGED_OPENCLAW)));
        StateDirChecks.Files booted = new StateDirChecks.Files("d", f("status-booted.json"), null, null, null);
        assertEquals(List.of(), rules(StateDirChecks.check(booted, GuestRole.MANAGED_OPENCLAW)),
                "only ready and failed are checked");
    }
}
