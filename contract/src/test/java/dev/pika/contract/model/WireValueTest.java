package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every contract enum encodes as its exact snake_case string and decodes only from it. */
class WireValueTest {

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void everyEnumRoundTripsExactly() throws Exception {
        List<Class<? extends Enum>> enums = List.of(RuntimeState.class, MountKind.class, MountMode.class,
                RestartPolicy.class, RetentionPolicy.class, OutputCollectionMode.class, ExecutionPhase.class,
                ExecutionBackend.class);
        int count = 0;
        for (Class<? extends Enum> type : enums) {
            for (Enum constant : type.getEnumConstants()) {
                String wire = ((WireValue) constant).wire();
                assertEquals("\"" + wire + "\"", ContractCodec.encode(constant));
                assertEquals(constant, ContractCodec.decode(type, "t", "\"" + wire + "\""));
                assertEquals(constant, WireValue.fromWire((Class) type, wire).orElseThrow());
                ContractDecodeException e = assertThrows(ContractDecodeException.class,
                        () -> ContractCodec.decode(type, "t", "\"" + wire.toUpperCase() + "\""));
                assertEquals("unknown variant `" + wire.toUpperCase() + "`, expected one of "
                        + WireValue.expectedList((Class) type), e.problem());
                count++;
            }
        }
        assertEquals(10 + 4 + 2 + 3 + 3 + 3 + 6 + 1, count);
        assertEquals("`never`, `on_failure`, `always`", WireValue.expectedList(RestartPolicy.class));
        assertEquals("persist", MountKind.PERSISTENT_VOLUME.label());
        assertEquals("artifact", MountKind.ARTIFACT_OUTPUT.label());
    }
}
