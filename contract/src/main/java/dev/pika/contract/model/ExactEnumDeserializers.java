package dev.pika.contract.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Exact enum decoding as serde's derived enums: the JSON string must equal one variant's string byte for byte
 * (Jackson alone would also accept a padded {@code " ready"}). The error says
 * {@code unknown variant `X`, expected one of `a`, `b`} like serde.
 */
final class ExactEnumDeserializers extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                      BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        Class<?> raw = type.getRawClass();
        if (WireValue.class.isAssignableFrom(raw)) {
            return new Exact<>(raw, e -> ((WireValue) e).wire());
        }
        return deserializer;
    }

    private static final class Exact<E> extends StdDeserializer<Object> {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, Object> byWire = new LinkedHashMap<>();
        private final String expected;

        Exact(Class<E> type, Function<Object, String> wire) {
            super(type);
            StringBuilder sb = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                String w = wire.apply(constant);
                byWire.put(w, constant);
                sb.append(sb.length() == 0 ? "" : ", ").append('`').append(w).append('`');
            }
            expected = sb.toString();
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw MismatchedInputException.from(p, handledType(),
                        "invalid type: " + p.currentToken() + ", expected one of " + expected);
            }
            String text = p.getText();
            Object value = byWire.get(text);
            if (value == null) {
                throw InvalidFormatException.from(p,
                        "unknown variant `" + text + "`, expected one of " + expected, text, handledType());
            }
            return value;
        }
    }
}
