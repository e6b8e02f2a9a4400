package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link GuestRole#parse} as the reference's {@code FromStr} (CONTRACT.md §5): trim, exact, reference message. */
class GuestRoleParseTest {

    @ParameterizedTest
    @ValueSource(strings = {"pikaci-runner", " pikaci-runner", "pikaci-runner ", "\tpikaci-runner\n",
        "\r\n pikaci-runner \u000B\f", "\u00A0pikaci-runner\u3000", "\u2028pikaci-runner\u0085"})
    void surroundingUnicodeWhitespaceIsTrimmed(String text) {
        assertEquals(GuestRole.PIKACI_RUNNER, GuestRole.parse(text));
    }

    @Test
    void bothRolesParse() {
        assertEquals(GuestRole.MANAGED_OPENCLAW, GuestRole.parse("managed-openclaw"));
        assertEquals(GuestRole.PIKACI_RUNNER, GuestRole.parse("pikaci-runner"));
    }

    /** Rust's trim stops at characters that are not White_Space, even where Java's strip()/trim() would not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // text                 | message's X (Rust Debug of the trimmed text)
        "PIKACI-RUNNER          | \"PIKACI-RUNNER\"",
        "Pikaci-Runner          | \"Pikaci-Runner\"",
        "Managed-OpenClaw       | \"Managed-OpenClaw\"",
        "pikaci_runner          | \"pikaci_runner\"",
        "pikaci                 | \"pikaci\"",
        "pikaci-runner-x        | \"pikaci-runner-x\"",
        "''                     | \"\"",
    })
    void caseAndUnknownIdsAreRejectedWithTheReferenceMessage(String text, String quoted) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GuestRole.parse(text));
        assertEquals("expected `managed-openclaw` or `pikaci-runner`, got " + quoted, e.getMessage());
    }

    @Test
    void blankAndNullAreUnknownAndEmpty() {
        assertEquals("expected `managed-openclaw` or `pikaci-runner`, got \"\"",
                assertThrows(IllegalArgumentException.class, () -> GuestRole.parse("  \t\n")).getMessage());
        assertEquals("expected `managed-openclaw` or `pikaci-runner`, got \"\"",
                assertThrows(IllegalArgumentException.class, () -> GuestRole.parse(null)).getMessage());
    }

    @Test
    void messageQuotesLikeRustDebug() {
        assertEquals("expected `managed-openclaw` or `pikaci-runner`, got \"a \\\"b\\\" \\\\ c\\nd\\te\"",
                assertThrows(IllegalArgumentException.class,
                        () -> GuestRole.parse(" a \"b\" \\ c\nd\te ")).getMessage());
        // U+001C is not White_Space: Rust keeps it (Java's trim()/strip() would remove it) and Debug escapes it
        assertEquals("expected `managed-openclaw` or `pikaci-runner`, got \"\\u{1c}pikaci-runner\"",
                assertThrows(IllegalArgumentException.class,
                        () -> GuestRole.parse("\u001Cpikaci-runner")).getMessage());
        assertEquals("expected `managed-openclaw` or `pikaci-runner`, got \"x\\0y\\u{7f}\\u{200b}é\"",
                assertThrows(IllegalArgumentException.class,
                        () -> GuestRole.parse("x\u0000y\u007F\u200Bé")).getMessage());
    }

    @Test
    void defaultAliasIsComparedAfterRustTrim() {
        assertTrue(GuestRole.PIKACI_RUNNER.usesDefaultImageAlias(" pikaci/dev\u00A0"));
        assertFalse(GuestRole.PIKACI_RUNNER.usesDefaultImageAlias("\u0000pikaci/dev"));
        assertFalse(GuestRole.PIKACI_RUNNER.usesDefaultImageAlias("pikaci/Dev"));
        assertFalse(GuestRole.PIKACI_RUNNER.usesDefaultImageAlias(null));
        assertEquals(GuestRole.MANAGED_OPENCLAW, GuestRole.forDefaultAlias("pika-agent/dev\n").orElseThrow());
        assertTrue(GuestRole.forDefaultAlias("pika-agent/dev2").isEmpty());
    }

    @Test
    void jsonFormIsExact() {
        assertTrue(GuestRole.fromId(" pikaci-runner").isEmpty());
        assertTrue(GuestRole.fromId("PIKACI-RUNNER").isEmpty());
        assertEquals(GuestRole.PIKACI_RUNNER, GuestRole.fromId("pikaci-runner").orElseThrow());
    }
}
