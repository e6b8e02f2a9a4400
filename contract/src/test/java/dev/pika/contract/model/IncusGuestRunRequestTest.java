package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The guest's own checks on a decoded request (CONTRACT.md §3). */
class IncusGuestRunRequestTest {

    @Test
    void fixtureRequestPassesTheGuestChecks() throws Exception {
        IncusGuestRunRequest r = ContractCodec.decodeRequest("guest-request.json",
                Fixtures.bytes("IncusGuestRunRequest/accept-cargo-test-pika-cloud.json"));
        assertEquals(IncusGuestRunRequest.v2("bash --noprofile --norc -lc 'cargo test -p pika-cloud'", 120, false), r);
        assertEquals(List.of(), r.guestProblems());
    }

    @Test
    void guestRefusesOtherVersionsEmptyCommandsAndZeroTimeouts() {
        IncusGuestRunRequest r = new IncusGuestRunRequest(1, "", 0, true);
        assertEquals(List.of("unsupported Incus guest request schema_version=1",
                "Incus guest request is missing non-empty string field `command`",
                "Incus guest request is missing positive integer field `timeout_secs`"), r.guestProblems());
    }

    @Test
    void guestDoesNotTrimTheCommandAndAcceptsHugeTimeouts() {
        assertEquals(List.of(), IncusGuestRunRequest.v2(" ", -1L /* u64 max */, false).guestProblems());
    }

    @Test
    void version1PayloadIsRejectedByTheDecoderEvenWithoutTheGuest() {
        String v1 = "{\"schema_version\":1,\"command\":\"true\",\"timeout_secs\":5,\"run_as_root\":false,"
                + "\"workspace_dir\":\"/workspace\"}";
        ContractDecodeException e = org.junit.jupiter.api.Assertions.assertThrows(ContractDecodeException.class,
                () -> ContractCodec.decodeRequest("v1.json", v1.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("/workspace_dir", e.pointer());
    }
}
