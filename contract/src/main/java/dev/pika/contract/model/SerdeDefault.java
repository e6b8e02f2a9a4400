package dev.pika.contract.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.util.AccessPattern;
import com.fasterxml.jackson.databind.util.ClassUtil;
import java.io.IOException;

/**
 * Jackson deserializer for a {@code #[serde(default)]} field that is not an {@code Option}: when the field is
 * <em>missing</em> the creator receives null (and applies the default) — or, for a primitive, Java's default value,
 * which is serde's {@code Default} for {@code bool} and numbers; an explicit JSON {@code null} is an error, as in
 * serde. Use as {@code @JsonDeserialize(using = SerdeDefault.class)} on the property; the value itself
 * is decoded by Jackson's normal deserializer for the property's type.
 */
public final class SerdeDefault extends JsonDeserializer<Object> implements ContextualDeserializer {
    private final JsonDeserializer<Object> delegate;
    private final String name;
    private final Object absent;

    /** Used by Jackson before {@link #createContextual}. */
    public SerdeDefault() {
        this(null, "", null);
    }

    private SerdeDefault(JsonDeserializer<Object> delegate, String name, Object absent) {
        this.delegate = delegate;
        this.name = name;
        this.absent = absent;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        if (property == null) {
            return this;
        }
        Class<?> raw = property.getType().getRawClass();
        return new SerdeDefault(ctxt.findContextualValueDeserializer(property.getType(), property), property.getName(),
                raw.isPrimitive() ? ClassUtil.defaultValue(raw) : null);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return delegate.deserialize(p, ctxt);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
        throw InvalidNullException.from(ctxt, com.fasterxml.jackson.databind.PropertyName.construct(name),
                ctxt.constructType(delegate != null ? delegate.handledType() : Object.class));
    }

    @Override
    public AccessPattern getNullAccessPattern() {
        return AccessPattern.DYNAMIC;
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return absent;
    }
}
