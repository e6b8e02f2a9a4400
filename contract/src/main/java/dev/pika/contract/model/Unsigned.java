package dev.pika.contract.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Range checks for the reference's unsigned integer types (CONTRACT.md §1) and the Jackson codec of {@code u64}.
 *
 * <p>A {@code u64} field is held in a Java {@code long} with <em>unsigned</em> meaning: values from 2^63 to
 * 2^64-1 read as negative longs. Use {@link Long#toUnsignedString(long)} / {@link Long#compareUnsigned(long, long)}
 * on them. {@link U64Serializer} writes the unsigned text; {@link U64Deserializer} accepts only a JSON integer
 * token in 0..18446744073709551615.
 */
public final class Unsigned {
    private Unsigned() {
    }

    /** Largest {@code u8}. */
    public static final int U8_MAX = 0xFF;
    /** Largest {@code u32}. */
    public static final long U32_MAX = 0xFFFF_FFFFL;
    /** Largest {@code u64}, as a {@link BigInteger}. */
    public static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /**
     * @param field the field name for the message
     * @param value a value that must be a {@code u32}
     * @return {@code value}
     * @throws IllegalArgumentException when out of 0..4294967295
     */
    public static long requireU32(String field, long value) {
        if (value < 0 || value > U32_MAX) {
            throw new IllegalArgumentException(field + " must be a u32 (0..4294967295), got " + value);
        }
        return value;
    }

    /**
     * @param field the field name for the message
     * @param value a value that must be a {@code u32}, or null
     * @return {@code value}
     * @throws IllegalArgumentException when out of 0..4294967295
     */
    public static Long requireU32(String field, Long value) {
        if (value != null) {
            requireU32(field, value.longValue());
        }
        return value;
    }

    /**
     * @param field the field name for the message
     * @param value a value that must be a {@code u8}, or null
     * @return {@code value}
     * @throws IllegalArgumentException when out of 0..255
     */
    public static Integer requireU8(String field, Integer value) {
        if (value != null && (value < 0 || value > U8_MAX)) {
            throw new IllegalArgumentException(field + " must be a u8 (0..255), got " + value);
        }
        return value;
    }

    /** Writes a {@code long} holding a {@code u64} as its unsigned decimal text. */
    public static final class U64Serializer extends StdSerializer<Long> {
        private static final long serialVersionUID = 1L;

        /** Creates the serializer. */
        public U64Serializer() {
            super(Long.class);
        }

        @Override
        public void serialize(Long value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            long v = value;
            if (v >= 0) {
                gen.writeNumber(v);
            } else {
                gen.writeNumber(new BigInteger(Long.toUnsignedString(v)));
            }
        }
    }

    /** Reads a JSON integer in 0..2^64-1 into a {@code long} with unsigned meaning; anything else fails. */
    public static final class U64Deserializer extends StdDeserializer<Long> {
        private static final long serialVersionUID = 1L;

        /** Creates the deserializer. */
        public U64Deserializer() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return (Long) ctxt.handleUnexpectedToken(Long.class, p.currentToken(), p,
                        "expected u64 (an integer in 0..18446744073709551615)");
            }
            BigInteger v = p.getBigIntegerValue();
            if (v.signum() < 0 || v.compareTo(U64_MAX) > 0) {
                return (Long) ctxt.handleWeirdNumberValue(Long.class, v,
                        "out of range for u64 (0..18446744073709551615)");
            }
            return v.longValue();
        }
    }
}
