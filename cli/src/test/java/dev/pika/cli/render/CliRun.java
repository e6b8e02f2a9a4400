package dev.pika.cli.render;

import dev.pika.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs {@code pika} in-process with captured standard output and error.
 *
 * @param exitCode the exit code {@code pika} would exit with
 * @param out      standard output
 * @param err      standard error
 */
public record CliRun(int exitCode, String out, String err) {
    /**
     * @param args command-line arguments, e.g. {@code "render", "result-fragment"}
     * @return what the run produced
     */
    public static CliRun pika(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** @return standard output, after asserting the run exited 0 with nothing on standard error */
    public String ok() {
        if (exitCode != 0 || !err.isEmpty()) {
            throw new AssertionError("expected exit 0 and no stderr, got exit " + exitCode + ", stderr: " + err);
        }
        return out;
    }
}
