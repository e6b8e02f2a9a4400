package dev.pika.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class HarnessTest {
    @Test
    void procCapturesExitOutputStdinAndEnvironment() {
        Proc.Result r = Proc.of("sh", "-c", "read x; echo \"out $x ${GONE-unset} $SET\"; echo err >&2; exit 3")
                .stdin("in\n").env("GONE", null).env("SET", "yes").run();
        assertEquals(3, r.exit());
        assertEquals("out in unset yes\n", r.out());
        assertEquals("err\n", r.err());
        assertEquals(java.util.List.of("out in unset yes"), r.lines());
        assertThrows(AssertionError.class, r::ok);
    }

    @Test
    void procKillsWhatOutlivesItsTimeout() {
        long t0 = System.nanoTime();
        AssertionError e = assertThrows(AssertionError.class,
                () -> Proc.of("sleep", "30").timeout(Duration.ofMillis(300)).run());
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
    }

    @Test
    void requireSkipsOrUnderCiFails() {
        Class<? extends Throwable> expected = Require.ci() ? AssertionFailedError.class : TestAbortedException.class;
        Throwable t = assertThrows(expected, () -> Require.tool("pika-no-such-tool-on-any-path"));
        assertTrue(t.getMessage().contains("pika-no-such-tool-on-any-path is not installed"), t.getMessage());
        assertTrue(t.getMessage().contains("scripts/test.sh"), t.getMessage());
        assertTrue(Require.tool("sh").isAbsolute());
    }

    @Test
    void awaitReturnsOnTheEventAndNamesWhatNeverHappened() {
        AtomicInteger polls = new AtomicInteger();
        Await.until("the third poll", Duration.ofSeconds(5), () -> polls.incrementAndGet() >= 3);
        assertEquals(3, polls.get());
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.until("a pigs-fly event", Duration.ofMillis(50), () -> false));
        assertTrue(e.getMessage().contains("a pigs-fly event"), e.getMessage());
    }

    @Test
    void locatesTheCheckoutAndTheFixtures() {
        assertTrue(java.nio.file.Files.isRegularFile(Repo.path("pom.xml")), Repo.root().toString());
        assertTrue(Fixtures.index().size() > 10);
        assertTrue(Fixtures.example("result.json").length > 0);
    }
}
