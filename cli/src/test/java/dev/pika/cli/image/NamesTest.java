package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.common.UserException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void acceptsRealNames() {
        for (String a : List.of("pikaci/dev", "pika-agent/dev", "a/b", "x", "ubuntu/22.04+test", "me@2")) {
            assertEquals(a, Names.alias(a));
        }
        for (String p : List.of("pika-managed-agents", "p2", "default", "a.b_c")) {
            assertEquals(p, Names.project(p));
        }
        for (String h : List.of("pika-build", "127.0.0.1", "root@127.0.0.1", "build_1.example.org", "h2")) {
            assertEquals(h, Names.host(h));
        }
        for (String b : List.of("incus", "lxc", "/usr/bin/incus")) {
            assertEquals(b, Names.incusBin(b));
        }
    }

    @Test
    void rejectsHostileOrInvalidValuesWithTheOptionNameAndExitCode2() {
        for (String a : List.of("", "-x", "a b", "a'b", "a\"b", "a;b", "$(id)", "a\nb", "r:a", "/abs", "a`b`")) {
            UserException e = assertThrows(UserException.class, () -> Names.alias(a), a);
            assertEquals(2, e.exitCode());
            assertTrue(e.getMessage().startsWith("invalid --alias "), e.getMessage());
        }
        for (String p : List.of("", "a/b", "-p", "p q", "p'q", "..", "p$(id)")) {
            assertThrows(UserException.class, () -> Names.project(p), p);
        }
        for (String h : List.of("", "-oProxyCommand=touch /tmp/x", "a b", "h;id", "h:22", "[::1]", "a@b@c", "h'",
                "user@-x")) {
            UserException e = assertThrows(UserException.class, () -> Names.host(h), h);
            assertTrue(e.getMessage().startsWith("invalid --remote-host "), e.getMessage());
        }
        for (String b : List.of("", "-x", "sudo incus", "a;b")) {
            assertThrows(UserException.class, () -> Names.incusBin(b), b);
        }
    }

    @Test
    void errorsShowControlCharactersEscaped() {
        UserException e = assertThrows(UserException.class, () -> Names.alias("a\u001b[31mb\n"));
        assertEquals("invalid --alias \"a\\x1b[31mb\\x0a\": an image alias is 1-255 letters, digits and . _ + / @ -, "
                + "starting with a letter or digit", e.getMessage());
    }
}
