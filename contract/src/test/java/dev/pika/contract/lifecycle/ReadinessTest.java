package dev.pika.contract.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pika.contract.lifecycle.Readiness.Reason;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.LifecycleStatus;
import dev.pika.contract.model.RuntimeState;
import dev.pika.testkit.Fixtures;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The server's readiness checks (CONTRACT.md §9) on the helper's real ready status and one-change variants. */
class ReadinessTest {
    private static final String BOOT = "46ce6850-048c-48cd-8469-88aa789f6265";

    private static LifecycleStatus ready() throws Exception {
        return ContractCodec.decodeStatus("status.json",
                Fixtures.bytes("upstream-lifecycle-helper/status-ready-openclaw.json"));
    }

    private static LifecycleStatus edit(LifecycleStatus s, Consumer<ObjectNode> change) {
        ObjectNode d = s.details().deepCopy();
        change.accept(d);
        return s.withDetails(d);
    }

    @Test
    void theHelpersReadyStatusIsReadyOnItsOwnBoot() throws Exception {
        Readiness.Verdict v = Readiness.check(ready(), BOOT + "\n");
        assertTrue(v.passed());
        assertTrue(v.guestReady());
        assertTrue(v.startupProbeSatisfied());
        assertFalse(v.runtimeFailed());
        assertEquals("ready", v.phase(true));
        assertEquals("creating", v.phase(false));
    }

    @Test
    void eachCheckNamesTheServersReasonInOrder() throws Exception {
        LifecycleStatus s = ready();
        assertEquals(Reason.MISSING_BOOT_ID, Readiness.check(s.withBootId(null), BOOT).reason());
        assertEquals(Reason.MISSING_BOOT_ID, Readiness.check(s.withBootId(" \t").withDetails(null), BOOT).reason());
        assertEquals(Reason.BOOT_ID_MISMATCH, Readiness.check(s, "00000000-0000-0000-0000-000000000000").reason());
        assertEquals(Reason.BOOT_ID_MISMATCH, Readiness.check(s, "").reason(), "an empty current id fails too");
        assertEquals(Reason.MISSING_DETAILS, Readiness.check(s.withDetails(null), BOOT).reason());
        assertEquals(Reason.MALFORMED_DETAILS, Readiness.check(s.withDetails(
                Fixtures.json("[1]")), BOOT).reason());
        assertEquals(Reason.MALFORMED_DETAILS, Readiness.check(edit(s, d -> d.put("probe", 1)), BOOT).reason());
        assertEquals(Reason.MALFORMED_DETAILS, Readiness.check(edit(s, d -> d.put("service_probe_satisfied",
                "yes")), BOOT).reason());
        assertEquals(Reason.MISMATCHED_AGENT_KIND, Readiness.check(edit(s, d -> d.remove("agent_kind")), BOOT)
                .reason());
        assertEquals(Reason.MISMATCHED_BACKEND_MODE, Readiness.check(edit(s, d -> d.put("backend_mode", "vm")),
                BOOT).reason());
        assertEquals(Reason.MISMATCHED_SERVICE_KIND, Readiness.check(edit(s, d -> d.put("service_kind", "x")),
                BOOT).reason());
        assertEquals(Reason.MISSING_READINESS_PROBE, Readiness.check(edit(s, d -> d.put("probe", "  ")), BOOT)
                .reason());
        LifecycleStatus failed = new LifecycleStatus(1, RuntimeState.FAILED, s.updatedAt(), "gateway exited", BOOT,
                s.details());
        assertEquals(Reason.MISSING_FAILURE_REASON, Readiness.check(failed, BOOT).reason());
        Readiness.Verdict v = Readiness.check(edit(failed, d -> d.put("failure_reason", " exited ")), BOOT);
        assertTrue(v.passed());
        assertTrue(v.runtimeFailed());
        assertEquals("exited", v.failureReason());
        assertEquals("error", v.phase(true));
    }

    @Test
    void offlineTheBootIdCheckIsSkipped() throws Exception {
        assertTrue(Readiness.check(ready(), null).passed());
        assertEquals(Reason.MISSING_BOOT_ID, Readiness.check(ready().withBootId(""), null).reason());
    }
}
