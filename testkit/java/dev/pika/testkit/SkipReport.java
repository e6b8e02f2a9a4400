package dev.pika.testkit;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints every skipped test and its reason on the console, as {@code SKIPPED Class.method: reason}: Maven's
 * summary only counts skips, and the reasons would otherwise be in the XML reports only. Registered with the JUnit
 * Platform through {@code META-INF/services}, so every module whose tests have the testkit on the class path
 * reports its skips.
 *
 * <p>It writes to the process's standard error descriptor directly, not {@code System.err}: surefire captures
 * {@code System.err} per test (into files with {@code redirectTestOutputToFile}), but copies the forked JVM's own
 * standard error to the console.
 */
public final class SkipReport implements TestExecutionListener {
    private static final OutputStream CONSOLE = new FileOutputStream(FileDescriptor.err);

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        say(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            say(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private static void say(TestIdentifier test, String reason) {
        String line = "SKIPPED " + name(test) + (test.isContainer() ? " (every test in it)" : "") + ": " + reason
                + "\n";
        synchronized (CONSOLE) {
            try {
                CONSOLE.write(line.getBytes(StandardCharsets.UTF_8));
                CONSOLE.flush();
            } catch (IOException ignored) {
                // the console is gone; the XML report still has the reason
            }
        }
    }

    private static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource m) {
            String cls = m.getClassName();
            return cls.substring(cls.lastIndexOf('.') + 1) + "." + m.getMethodName()
                    + (test.getDisplayName().startsWith(m.getMethodName()) ? "" : " [" + test.getDisplayName() + "]");
        }
        if (source instanceof ClassSource c) {
            return c.getClassName();
        }
        return test.getDisplayName();
    }
}
