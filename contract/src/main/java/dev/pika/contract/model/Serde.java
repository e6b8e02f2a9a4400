package dev.pika.contract.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the reference's serde declarations say that Jackson's annotations cannot: the records and enums of this
 * package carry these, and the validator's type model ({@code validate/Schemas.java}) and the type tables of
 * {@code docs/validation.md} are generated from the records with them ({@code dev.pika.contract.gen.Generate},
 * run by {@code scripts/regen-docs.sh}; a drift test fails on a stale generated file).
 *
 * <p>The rest comes from Jackson's annotations: {@code @JsonProperty} (the JSON name; {@code required = true}
 * for a required field), {@code @JsonDeserialize(using = SerdeDefault.class)} ({@code #[serde(default)]}),
 * neither ({@code Option<T>}: may be missing or null), {@code @JsonAlias} ({@code #[serde(alias)]}),
 * {@code @JsonIgnoreProperties(ignoreUnknown = true)} (its absence: {@code deny_unknown_fields}), and the Java
 * types ({@code String}, {@code boolean}, {@code JsonNode} for {@code serde_json::Value}, {@code List},
 * {@code SortedMap<String, T>}, contract enums and records).
 */
public final class Serde {
    private Serde() {
    }

    /**
     * The Rust type: on a record or enum, its name (used in serde's messages, e.g. {@code struct RuntimeSpec});
     * on an integer component, its width ({@code u8}, {@code u32}, {@code u64}, {@code i32}). An {@code int} or
     * {@code Integer} without it is an {@code i32}; a {@code long} must say.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.PARAMETER})
    public @interface Rust {
        /** @return the Rust type name */
        String value();
    }

    /**
     * Names the contract removed, with the hint a document still using them gets: on a struct, field names (an
     * unknown field then gets a {@code legacy-field} warning, or with {@code deny_unknown_fields} the hint on
     * its error); on an enum, variant strings (rejected as unknown variants, with the hint).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Repeatable(RemovedNames.class)
    public @interface Removed {
        /** @return the removed field names or variant strings */
        String[] value();

        /** @return what replaced them (CONTRACT.md section) */
        String hint();
    }

    /** The container of repeated {@link Removed}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface RemovedNames {
        /** @return the annotations */
        Removed[] value();
    }

    /** Unknown field names the contract expects, which get no lint warning (e.g. the spec's legacy {@code provider}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Tolerated {
        /** @return the field names */
        String[] value();
    }
}
