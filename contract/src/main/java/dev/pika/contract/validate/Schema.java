package dev.pika.contract.validate;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary of the type model the streaming validator checks documents against: the reference's serde
 * types (CONTRACT.md §1). The contract's types themselves ({@link Schemas}) are generated from the
 * {@code model/} records. Each {@link Type} knows the name serde uses in "expected …" messages.
 */
public final class Schema {
    private Schema() {
    }

    /** A JSON type as the reference decoder sees it. */
    public sealed interface Type permits Str, Bool, Int, Enum, Any, Array, MapOf, Obj {
        /** @return what serde says it expected, e.g. {@code a string}, {@code u32}, {@code struct RuntimeSpec} */
        String expected();
    }

    /** A JSON string ({@code String}). */
    public record Str() implements Type {
        @Override
        public String expected() {
            return "a string";
        }
    }

    /** A JSON boolean ({@code bool}); numbers and strings are not coerced. */
    public record Bool() implements Type {
        @Override
        public String expected() {
            return "a boolean";
        }
    }

    /**
     * An integer type with an inclusive range ({@code u8}, {@code u32}, {@code u64}, {@code i32}). Floats such as
     * {@code 1.0} and integers out of range are errors.
     *
     * @param name the Rust type name
     * @param min  smallest accepted value
     * @param max  largest accepted value
     */
    public record Int(String name, BigInteger min, BigInteger max) implements Type {
        @Override
        public String expected() {
            return name;
        }
    }

    /**
     * A unit-variant enum encoded as an exact, case-sensitive string.
     *
     * @param name     the Rust type name (for messages)
     * @param variants the accepted strings, in declaration order
     * @param renamed  legacy strings that are rejected but deserve a hint: legacy value → hint text
     */
    public record Enum(String name, List<String> variants, Map<String, String> renamed) implements Type {
        @Override
        public String expected() {
            return "one of " + variantList();
        }

        /** @return {@code `a`, `b`, `c`} */
        public String variantList() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < variants.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append('`').append(variants.get(i)).append('`');
            }
            return sb.toString();
        }
    }

    /** Any JSON value ({@code serde_json::Value}): only well-formedness is checked. */
    public record Any() implements Type {
        @Override
        public String expected() {
            return "any valid JSON value";
        }
    }

    /**
     * A JSON array ({@code Vec<T>}).
     *
     * @param element the element type
     */
    public record Array(Type element) implements Type {
        @Override
        public String expected() {
            return "a sequence";
        }
    }

    /**
     * A JSON object with string keys and values of one type ({@code BTreeMap<String, T>}). Like serde, a key that
     * appears twice is not an error (the last value wins).
     *
     * @param value the value type
     */
    public record MapOf(Type value) implements Type {
        @Override
        public String expected() {
            return "a map";
        }
    }

    /** Whether a field may be missing or null. */
    public enum Presence {
        /** Must be present and not null. */
        REQUIRED,
        /** {@code Option<T>}: may be missing or null. */
        OPTIONAL,
        /** {@code #[serde(default)]}: may be missing, but null is a type error. */
        DEFAULTED
    }

    /**
     * A field of a struct.
     *
     * @param name     the JSON name
     * @param type     the value type
     * @param presence required, optional or defaulted
     * @param aliases  other accepted JSON names ({@code #[serde(alias)]}); using two names at once is a
     *                 duplicate field
     */
    public record Field(String name, Type type, Presence presence, List<String> aliases) {
    }

    /**
     * A struct ({@code #[derive(Deserialize)]}).
     *
     * @param name          the Rust type name
     * @param fields        fields by JSON name, in declaration order
     * @param denyUnknown   {@code #[serde(deny_unknown_fields)]}: unknown fields are errors instead of lint
     * @param tolerated     unknown field names the contract expects and that get no lint warning
     * @param legacy        unknown field names that were removed from the contract: name → hint
     */
    public record Obj(String name, Map<String, Field> fields, boolean denyUnknown, List<String> tolerated,
                      Map<String, String> legacy) implements Type {
        @Override
        public String expected() {
            return "struct " + name;
        }

        /**
         * @param jsonName a field name as it appears in the document
         * @return the field it names (directly or through an alias), or null when unknown
         */
        public Field field(String jsonName) {
            Field f = fields.get(jsonName);
            if (f != null) {
                return f;
            }
            for (Field candidate : fields.values()) {
                if (candidate.aliases().contains(jsonName)) {
                    return candidate;
                }
            }
            return null;
        }

        /** @return {@code `a`, `b`} over the declared field names, for "expected one of" messages */
        public String fieldList() {
            StringBuilder sb = new StringBuilder();
            for (String n : fields.keySet()) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append('`').append(n).append('`');
            }
            return sb.toString();
        }
    }

    // ---- builders -------------------------------------------------------------------------------------------

    /** {@code String}. */
    public static final Str STRING = new Str();
    /** {@code bool}. */
    public static final Bool BOOL = new Bool();
    /** {@code serde_json::Value}. */
    public static final Any ANY = new Any();
    /** {@code u8}: 0..255. */
    public static final Int U8 = new Int("u8", BigInteger.ZERO, BigInteger.valueOf(255));
    /** {@code u32}: 0..4294967295. */
    public static final Int U32 = new Int("u32", BigInteger.ZERO, BigInteger.valueOf(4294967295L));
    /** {@code u64}: 0..18446744073709551615. */
    public static final Int U64 = new Int("u64", BigInteger.ZERO, new BigInteger("18446744073709551615"));
    /** {@code i32}: -2147483648..2147483647. */
    public static final Int I32 = new Int("i32", BigInteger.valueOf(Integer.MIN_VALUE),
            BigInteger.valueOf(Integer.MAX_VALUE));

    /**
     * @param name     Rust type name
     * @param variants accepted strings
     * @return an enum type without legacy values
     */
    public static Enum enumOf(String name, String... variants) {
        return new Enum(name, List.of(variants), Map.of());
    }

    /** @return a required field */
    public static Field required(String name, Type type) {
        return new Field(name, type, Presence.REQUIRED, List.of());
    }

    /** @return an {@code Option<T>} field */
    public static Field optional(String name, Type type) {
        return new Field(name, type, Presence.OPTIONAL, List.of());
    }

    /** @return a {@code #[serde(default)]} field */
    public static Field defaulted(String name, Type type) {
        return new Field(name, type, Presence.DEFAULTED, List.of());
    }

    /** Builder for {@link Obj}. */
    public static final class ObjBuilder {
        private final String name;
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private boolean denyUnknown;
        private List<String> tolerated = List.of();
        private final Map<String, String> legacy = new LinkedHashMap<>();

        ObjBuilder(String name) {
            this.name = name;
        }

        /** Adds fields in declaration order. */
        public ObjBuilder fields(Field... fs) {
            for (Field f : fs) {
                fields.put(f.name(), f);
            }
            return this;
        }

        /** Marks the struct {@code deny_unknown_fields}. */
        public ObjBuilder denyUnknownFields() {
            this.denyUnknown = true;
            return this;
        }

        /** Unknown names accepted without a lint warning (e.g. the legacy spec {@code provider}). */
        public ObjBuilder tolerate(String... names) {
            this.tolerated = Collections.unmodifiableList(Arrays.asList(names));
            return this;
        }

        /** An unknown name that was removed from the contract, with the hint to show. */
        public ObjBuilder legacy(String fieldName, String hint) {
            legacy.put(fieldName, hint);
            return this;
        }

        /** Unknown names that were removed from the contract together, with the one hint they share. */
        public ObjBuilder legacy(List<String> fieldNames, String hint) {
            fieldNames.forEach(n -> legacy.put(n, hint));
            return this;
        }

        /** @return the struct type */
        public Obj build() {
            return new Obj(name, Collections.unmodifiableMap(new LinkedHashMap<>(fields)), denyUnknown, tolerated,
                    Collections.unmodifiableMap(new LinkedHashMap<>(legacy)));
        }
    }

    /** @return a builder for the struct named {@code name} */
    public static ObjBuilder struct(String name) {
        return new ObjBuilder(name);
    }
}
