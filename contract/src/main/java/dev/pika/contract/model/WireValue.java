package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose JSON form is one exact, case-sensitive string (CONTRACT.md §1 "Enum values are exact").
 *
 * <p>Every contract enum in this package implements it; {@link ContractCodec} encodes {@link #wire()} and decodes
 * only exact matches (no trimming, no case folding, no ordinal numbers).
 */
public interface WireValue {

    /**
     * The exact JSON string of this value. Every contract enum spells its constants as the upper-case form of
     * its snake_case JSON strings, so the default is the lower-cased constant name.
     *
     * @return e.g. {@code read_only_snapshot}
     */
    @JsonValue
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the enum constant's name (implemented by {@link Enum#name()}) */
    String name();

    /**
     * Exact lookup by JSON string.
     *
     * @param type the enum class
     * @param wire the JSON string (may be null: then empty)
     * @param <E>  the enum type
     * @return the constant whose {@link #wire()} equals {@code wire}, or empty
     */
    static <E extends Enum<E> & WireValue> Optional<E> fromWire(Class<E> type, String wire) {
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(wire)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * The expected-values list in the reference's message style: {@code `a`, `b`, `c`}.
     *
     * @param type the enum class
     * @param <E>  the enum type
     * @return every wire string, back-quoted, comma-separated, in declaration order
     */
    static <E extends Enum<E> & WireValue> String expectedList(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append('`').append(e.wire()).append('`');
        }
        return sb.toString();
    }
}
