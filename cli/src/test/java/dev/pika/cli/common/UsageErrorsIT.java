package dev.pika.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Usage errors from the real jar: one line with the program's prefix and a hint, exit code 2, a suggestion only
 * for a real near-miss, input shown escaped.
 */
class UsageErrorsIT {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "validate-result --bogus|pika: unknown option '--bogus'; see 'pika validate-result --help'",
        "validate-result --bogus x.json|pika: unknown option '--bogus'; see 'pika validate-result --help'",
        "validate-result --formt json x|pika: unknown option '--formt' (did you mean '--format'?); see 'pika validate-result --help'",
        "valdate-result x|pika: unknown command 'valdate-result' (did you mean 'validate-result'?); see 'pika --help'",
        "bogus|pika: unknown command 'bogus'; see 'pika --help'",
        "result nwe|pika: unknown command 'nwe' (did you mean 'new'?); see 'pika result --help'",
        "result new|pika: missing required option '--exit-code=N'; see 'pika result new --help'",
        "validate-result|pika: missing required parameter 'FILE'; see 'pika validate-result --help'",
        "render|pika: missing subcommand: one of tart-guest-script, result-fragment; see 'pika render --help'",
    })
    void oneLineWithAHint(String args, String expected) {
        Proc.Result r = Proc.pika(args.split(" ")).run();
        assertEquals(2, r.exit(), r.err());
        assertEquals(expected + "\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void noCommandIsAUsageErrorToo() {
        Proc.Result r = Proc.pika().run();
        assertEquals(2, r.exit());
        assertEquals("pika: missing command; see 'pika --help'\n", r.err());
    }

    @Test
    void argumentsAreShownEscaped() {
        Proc.Result r = Proc.pika("validate-result", "--\u001b]0;owned\u0007").run();
        assertEquals(2, r.exit());
        assertFalse(r.err().contains("\u001b"), r.err());
        assertEquals("pika: unknown option '--\\x1b]0;owned\\x07'; see 'pika validate-result --help'\n", r.err());
    }

    @Test
    void nearMissesAreCloseWords() {
        assertEquals(List.of("--format"), UsageErrors.nearMisses("--fromat", List.of("--format", "--strict")));
        assertEquals(List.of(), UsageErrors.nearMisses("--bogus", List.of("--format", "--strict", "--quiet")));
        assertEquals(List.of(), UsageErrors.nearMisses("x", List.of("new")));
        assertEquals(1, UsageErrors.distance("nwe", "new"));
    }

    private static Proc incusRoleImage(String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of(Repo.java().toString(),
                "-Dpika.program=incus-role-image", "-jar", Repo.jar().toString()));
        argv.addAll(List.of(args));
        return Proc.of(argv);
    }

    @Test
    void incusRoleImageWithoutArgumentsPrintsItsUsage() {
        Proc.Result r = incusRoleImage().run();
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Usage:\n  incus-role-image --role ROLE build\n"), r.err());
        assertFalse(r.err().contains("unsupported role"), r.err());
    }

    @Test
    void incusRoleImageHelpWorks() {
        Proc.Result r = incusRoleImage("help").run();
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("incus-role-image"), r.out());
        assertEquals(incusRoleImage("--help").run().out(), r.out());
        Proc.Result sub = incusRoleImage("help", "build").run();
        assertEquals(0, sub.exit(), sub.err());
        assertEquals(incusRoleImage("build", "--help").run().out(), sub.out());
    }
}
