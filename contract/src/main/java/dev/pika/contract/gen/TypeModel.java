package dev.pika.contract.gen;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pika.contract.model.ExecutionPhase;
import dev.pika.contract.model.ExecutionRecord;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.model.ImageRecord;
import dev.pika.contract.model.IncusGuestRunRequest;
import dev.pika.contract.model.LifecycleEvent;
import dev.pika.contract.model.LifecycleStatus;
import dev.pika.contract.model.MountKind;
import dev.pika.contract.model.MountMode;
import dev.pika.contract.model.OutputCollectionPolicy;
import dev.pika.contract.model.RuntimeArtifactPaths;
import dev.pika.contract.model.RuntimeMount;
import dev.pika.contract.model.RuntimePaths;
import dev.pika.contract.model.RuntimePolicies;
import dev.pika.contract.model.RuntimeSpec;
import dev.pika.contract.model.RuntimeState;
import dev.pika.contract.model.Serde;
import dev.pika.contract.model.SerdeDefault;
import dev.pika.contract.model.TerminalResult;
import dev.pika.contract.model.TerminalStatus;
import dev.pika.contract.model.WireValue;
import dev.pika.contract.plan.IncusMountPlan;
import dev.pika.contract.plan.IncusRuntimePlan;
import dev.pika.contract.validate.Schema;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The validator's type model derived from the {@code model/} (and {@code plan/}) records by reflection over
 * their Jackson and {@link Serde} annotations, at build time: {@link #source()} is the checked-in
 * {@code validate/Schemas.java}, so the validator never reflects at start-up. A record or enum reached from a
 * root is a type of its own; the roots name the public constants and the upstream {@code contract_type}s.
 */
final class TypeModel {

    /** A public constant of the generated {@code Schemas}, and the upstream contract type name if it has one. */
    record Root(String constant, Class<?> type, String contractType) {
    }

    /** The roots, in the order the constants are declared (dependencies are declared first regardless). */
    static final List<Root> ROOTS = List.of(
            new Root("RUNTIME_STATE", RuntimeState.class, null),
            new Root("TERMINAL_STATUS", TerminalStatus.class, null),
            new Root("TERMINAL_RESULT", TerminalResult.class, "LifecycleTerminalResult"),
            new Root("LIFECYCLE_STATUS", LifecycleStatus.class, "LifecycleStatus"),
            new Root("LIFECYCLE_EVENT", LifecycleEvent.class, "LifecycleEvent"),
            new Root("GUEST_RUN_REQUEST", IncusGuestRunRequest.class, "IncusGuestRunRequest"),
            new Root("MOUNT_KIND", MountKind.class, null),
            new Root("MOUNT_MODE", MountMode.class, null),
            new Root("RUNTIME_MOUNT", RuntimeMount.class, "RuntimeMount"),
            new Root("RUNTIME_PATHS", RuntimePaths.class, "RuntimePaths"),
            new Root("OUTPUT_COLLECTION", OutputCollectionPolicy.class, "OutputCollectionPolicy"),
            new Root("RUNTIME_POLICIES", RuntimePolicies.class, "RuntimePolicies"),
            new Root("RUNTIME_IDENTITY", RuntimeSpec.Identity.class, null),
            new Root("INCUS_CONFIG", RuntimeSpec.IncusConfig.class, null),
            new Root("RUNTIME_RESOURCES", RuntimeSpec.Resources.class, null),
            new Root("RUNTIME_SPEC", RuntimeSpec.class, "RuntimeSpec"),
            new Root("PLANNED_MOUNT", IncusMountPlan.class, "IncusMountPlan"),
            new Root("INCUS_RUNTIME_PLAN", IncusRuntimePlan.class, "IncusRuntimePlan"),
            new Root("RUNTIME_ARTIFACT_PATHS", RuntimeArtifactPaths.class, "RuntimeArtifactPaths"),
            new Root("GUEST_ROLE", GuestRole.class, "IncusGuestRole"),
            new Root("IMAGE_RECORD", ImageRecord.class, "RemoteLinuxVmImageRecord"),
            new Root("EXECUTION_PHASE", ExecutionPhase.class, null),
            new Root("EXECUTION_RECORD", ExecutionRecord.class, "RemoteLinuxVmExecutionRecord"));

    private final List<Root> roots;
    /** Named types in declaration order: every type after the types it refers to. */
    private final Map<Class<?>, Schema.Type> types = new LinkedHashMap<>();
    private final Map<Class<?>, String> constants = new LinkedHashMap<>();
    private final Map<Schema.Type, String> constantOf = new IdentityHashMap<>();
    private final Map<Schema.Type, Class<?>> classOf = new IdentityHashMap<>();

    TypeModel() {
        this(ROOTS);
    }

    /** @param roots the public types (tests pass their own, e.g. a record with one more component) */
    TypeModel(List<Root> roots) {
        this.roots = roots;
        for (Root r : roots) {
            constants.put(r.type(), r.constant());
        }
        for (Root r : roots) {
            named(r.type());
        }
    }

    /** @return every named type, each after the ones it refers to */
    Map<Class<?>, Schema.Type> types() {
        return types;
    }

    /** @return the type derived from {@code c} (a root or a type reached from one) */
    Schema.Type type(Class<?> c) {
        return types.get(c);
    }

    private Schema.Type named(Class<?> c) {
        Schema.Type t = types.get(c);
        if (t != null) {
            return t;
        }
        Serde.Rust rust = c.getAnnotation(Serde.Rust.class);
        if (rust == null) {
            throw new IllegalStateException(c.getName() + " has no @Serde.Rust type name");
        }
        if (c.isEnum()) {
            t = new Schema.Enum(rust.value(), variants(c), removed(c));
        } else if (c.isRecord()) {
            t = struct(c, rust.value());
        } else {
            throw new IllegalStateException(c.getName() + " is neither a record nor an enum");
        }
        types.put(c, t);
        constants.computeIfAbsent(c, k -> k.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toUpperCase(Locale.ROOT));
        constantOf.put(t, constants.get(c));
        classOf.put(t, c);
        return t;
    }

    private static List<String> variants(Class<?> c) {
        List<String> out = new ArrayList<>();
        for (Object constant : c.getEnumConstants()) {
            if (!(constant instanceof WireValue w)) {
                throw new IllegalStateException(c.getName() + " is not a WireValue");
            }
            out.add(w.wire());
        }
        return List.copyOf(out);
    }

    private static Map<String, String> removed(Class<?> c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Serde.Removed r : c.getAnnotationsByType(Serde.Removed.class)) {
            for (String name : r.value()) {
                out.put(name, r.hint());
            }
        }
        return out;
    }

    private Schema.Obj struct(Class<?> c, String rustName) {
        Schema.ObjBuilder b = Schema.struct(rustName);
        for (Parameter p : creator(c).getParameters()) {
            JsonProperty property = p.getAnnotation(JsonProperty.class);
            if (property == null) {
                throw new IllegalStateException(c.getName() + ": creator parameter " + p.getName()
                        + " has no @JsonProperty");
            }
            JsonDeserialize deser = p.getAnnotation(JsonDeserialize.class);
            Schema.Presence presence = property.required() ? Schema.Presence.REQUIRED
                    : deser != null && deser.using() == SerdeDefault.class ? Schema.Presence.DEFAULTED
                    : Schema.Presence.OPTIONAL;
            JsonAlias alias = p.getAnnotation(JsonAlias.class);
            b.fields(new Schema.Field(property.value(), value(c, p, p.getParameterizedType()), presence,
                    alias == null ? List.of() : List.of(alias.value())));
        }
        JsonIgnoreProperties ignore = c.getAnnotation(JsonIgnoreProperties.class);
        if (ignore == null || !ignore.ignoreUnknown()) {
            b.denyUnknownFields();
        }
        Serde.Tolerated tolerated = c.getAnnotation(Serde.Tolerated.class);
        if (tolerated != null) {
            b.tolerate(tolerated.value());
        }
        removed(c).forEach(b::legacy);
        return b.build();
    }

    /** @return the {@code @JsonCreator} constructor or factory method, else the canonical constructor */
    private static Executable creator(Class<?> c) {
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (k.isAnnotationPresent(JsonCreator.class)) {
                return k;
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(JsonCreator.class) && Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        try {
            return c.getDeclaredConstructor(Arrays.stream(c.getRecordComponents()).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(c.getName() + " has no canonical constructor", e);
        }
    }

    private Schema.Type value(Class<?> owner, Parameter p, Type t) {
        if (t instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            Type[] args = pt.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                return new Schema.Array(value(owner, p, args[0]));
            }
            if (Map.class.isAssignableFrom(raw) && args[0] == String.class) {
                return new Schema.MapOf(value(owner, p, args[1]));
            }
        } else if (t instanceof Class<?> c) {
            Serde.Rust width = p.getAnnotation(Serde.Rust.class);
            if (c == String.class) {
                return Schema.STRING;
            } else if (c == boolean.class || c == Boolean.class) {
                return Schema.BOOL;
            } else if (c == JsonNode.class) {
                return Schema.ANY;
            } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
                String w = width != null ? width.value()
                        : c == int.class || c == Integer.class ? "i32" : null;
                if (w == null) {
                    throw new IllegalStateException(owner.getName() + "." + p.getName()
                            + ": a long needs @Serde.Rust(\"u32\"|\"u64\"|…)");
                }
                return switch (w) {
                    case "u8" -> Schema.U8;
                    case "u32" -> Schema.U32;
                    case "u64" -> Schema.U64;
                    case "i32" -> Schema.I32;
                    default -> throw new IllegalStateException(owner.getName() + ": unknown width " + w);
                };
            } else if (c.isEnum() || c.isRecord()) {
                return named(c);
            }
        }
        throw new IllegalStateException(owner.getName() + "." + p.getName() + ": no wire type for " + t);
    }

    // ---- the generated source -------------------------------------------------------------------------------

    /** The path of the generated source, relative to the repository. */
    static final String SOURCE = "contract/src/main/java/dev/pika/contract/validate/Schemas.java";

    /** @return the Java source of {@code dev.pika.contract.validate.Schemas} */
    String source() {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                // GENERATED by dev.pika.contract.gen.Generate from the model/ and plan/ records (scripts/regen-docs.sh).
                // Do not edit: change the record (and its @Serde / Jackson annotations), then regenerate.
                package dev.pika.contract.validate;

                import static dev.pika.contract.validate.Schema.ANY;
                import static dev.pika.contract.validate.Schema.BOOL;
                import static dev.pika.contract.validate.Schema.I32;
                import static dev.pika.contract.validate.Schema.STRING;
                import static dev.pika.contract.validate.Schema.U32;
                import static dev.pika.contract.validate.Schema.U64;
                import static dev.pika.contract.validate.Schema.U8;
                import static dev.pika.contract.validate.Schema.defaulted;
                import static dev.pika.contract.validate.Schema.optional;
                import static dev.pika.contract.validate.Schema.required;
                import static dev.pika.contract.validate.Schema.struct;

                import java.util.Collections;
                import java.util.LinkedHashMap;
                import java.util.List;
                import java.util.Map;

                /**
                 * The contract's types as the reference decoder (serde) declares them, generated from the records of
                 * {@code dev.pika.contract.model} and {@code dev.pika.contract.plan} (the one definition): CONTRACT.md §2
                 * (lifecycle documents), §3 (guest run request), §4 (runtime spec and Incus plan), §5 (guest roles) and
                 * §6 (image and execution records).
                 */
                @SuppressWarnings("unused")
                public final class Schemas {
                    private Schemas() {
                    }
                """);
        for (Map.Entry<Class<?>, Schema.Type> e : types.entrySet()) {
            sb.append('\n');
            declare(sb, e.getKey(), e.getValue());
        }
        Schema.Obj paths = (Schema.Obj) types.get(RuntimePaths.class);
        if (paths != null) {
            sb.append("\n    /** The field names of {@code RuntimePaths}, in declaration order. */\n")
                    .append("    public static final List<String> PATH_FIELDS = List.of(")
                    .append(wrapList(paths.fields().keySet().stream().map(TypeModel::literal).toList(), 8))
                    .append(");\n");
        }
        sb.append("""

                    /**
                     * Every named contract type, by the name the upstream tests use (the {@code contract_type} of the
                     * fixture index), for tests and tools that check one type in isolation.
                     */
                    public static final Map<String, Schema.Type> BY_CONTRACT_TYPE;

                    static {
                        Map<String, Schema.Type> m = new LinkedHashMap<>();
                """);
        for (Root r : roots) {
            if (r.contractType() != null) {
                sb.append("        m.put(").append(literal(r.contractType())).append(", ").append(r.constant())
                        .append(");\n");
            }
        }
        sb.append("""
                        BY_CONTRACT_TYPE = Collections.unmodifiableMap(m);
                    }
                }
                """);
        return sb.toString();
    }

    private void declare(StringBuilder sb, Class<?> c, Schema.Type t) {
        String javaName = c.getName().replace('$', '.');
        String constant = constants.get(c);
        if (t instanceof Schema.Enum en) {
            sb.append("    /** {@code ").append(en.name()).append("}, from {@link ").append(javaName).append("}. */\n")
                    .append("    public static final Schema.Enum ").append(constant).append(" = new Schema.Enum(")
                    .append(literal(en.name())).append(",\n            List.of(")
                    .append(wrapList(en.variants().stream().map(TypeModel::literal).toList(), 20)).append("),\n")
                    .append("            ").append(stringMap(en.renamed(), 12)).append(");\n");
            return;
        }
        Schema.Obj obj = (Schema.Obj) t;
        sb.append("    /** {@code ").append(obj.name()).append("}, from {@link ").append(javaName).append("}. */\n")
                .append("    public static final Schema.Obj ").append(constant).append(" = struct(")
                .append(literal(obj.name())).append(").fields(");
        int i = 0;
        for (Schema.Field f : obj.fields().values()) {
            sb.append(i++ == 0 ? "\n" : ",\n").append("            ");
            if (f.aliases().isEmpty()) {
                sb.append(switch (f.presence()) {
                    case REQUIRED -> "required";
                    case OPTIONAL -> "optional";
                    case DEFAULTED -> "defaulted";
                }).append('(').append(literal(f.name())).append(", ").append(expr(f.type())).append(')');
            } else {
                sb.append("new Schema.Field(").append(literal(f.name())).append(", ").append(expr(f.type()))
                        .append(", Schema.Presence.").append(f.presence()).append(", List.of(")
                        .append(String.join(", ", f.aliases().stream().map(TypeModel::literal).toList()))
                        .append("))");
            }
        }
        sb.append(")");
        if (obj.denyUnknown()) {
            sb.append("\n            .denyUnknownFields()");
        }
        if (!obj.tolerated().isEmpty()) {
            sb.append("\n            .tolerate(")
                    .append(String.join(", ", obj.tolerated().stream().map(TypeModel::literal).toList())).append(')');
        }
        Map<String, List<String>> byHint = new LinkedHashMap<>();
        obj.legacy().forEach((name, hint) -> byHint.computeIfAbsent(hint, h -> new ArrayList<>()).add(name));
        for (Map.Entry<String, List<String>> l : byHint.entrySet()) {
            List<String> names = l.getValue().stream().map(TypeModel::literal).toList();
            sb.append("\n            .legacy(").append(names.size() == 1 ? names.get(0)
                    : "List.of(" + wrapList(names, 20) + ")").append(",\n                    ")
                    .append(wrapLiteral(l.getKey(), 20)).append(')');
        }
        sb.append("\n            .build();\n");
    }

    // ---- the documentation tables ---------------------------------------------------------------------------

    /**
     * @return Markdown: one table per struct (field, JSON type, presence, in declaration order) with its unknown
     *     field policy, then one table of the enums' exact strings
     */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        StringBuilder enums = new StringBuilder("| enum | exact strings |\n|---|---|\n");
        for (Map.Entry<Class<?>, Schema.Type> e : types.entrySet()) {
            String javaName = e.getKey().getName().replace('$', '.').replace("dev.pika.contract.", "");
            if (e.getValue() instanceof Schema.Enum en) {
                enums.append("| `").append(en.name()).append("` | ").append(en.variantList());
                en.renamed().keySet().forEach(r -> enums.append("; removed: `").append(r).append('`'));
                enums.append(" |\n");
                continue;
            }
            Schema.Obj obj = (Schema.Obj) e.getValue();
            sb.append("**`").append(obj.name()).append("`** (`").append(javaName).append("`): unknown fields ")
                    .append(obj.denyUnknown() ? "are errors (`deny_unknown_fields`)" : "are ignored");
            if (!obj.tolerated().isEmpty()) {
                sb.append("; tolerated without a warning: ").append(codeList(obj.tolerated()));
            }
            if (!obj.legacy().isEmpty()) {
                sb.append("; removed: ").append(codeList(new ArrayList<>(obj.legacy().keySet())));
            }
            sb.append(".\n\n| field | type | presence |\n|---|---|---|\n");
            for (Schema.Field f : obj.fields().values()) {
                sb.append("| `").append(f.name()).append('`');
                f.aliases().forEach(a -> sb.append(" (alias `").append(a).append("`)"));
                sb.append(" | ").append(typeName(f.type())).append(" | ").append(switch (f.presence()) {
                    case REQUIRED -> "required";
                    case OPTIONAL -> "optional: may be missing or null";
                    case DEFAULTED -> "default when missing; null is an error";
                }).append(" |\n");
            }
            sb.append('\n');
        }
        return sb.append(enums).toString();
    }

    private static String codeList(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }

    private static String typeName(Schema.Type t) {
        if (t instanceof Schema.Obj o) {
            return "`" + o.name() + "`";
        } else if (t instanceof Schema.Enum en) {
            return "`" + en.name() + "`";
        } else if (t instanceof Schema.Array a) {
            return "[" + typeName(a.element()) + "]";
        } else if (t instanceof Schema.MapOf m) {
            return "{string: " + typeName(m.value()) + "}";
        } else if (t instanceof Schema.Int n) {
            return n.name();
        } else if (t instanceof Schema.Str) {
            return "string";
        } else if (t instanceof Schema.Bool) {
            return "bool";
        }
        return "any JSON value";
    }

    private String expr(Schema.Type t) {
        String constant = constantOf.get(t);
        if (constant != null) {
            return constant;
        }
        if (t instanceof Schema.Array a) {
            return "new Schema.Array(" + expr(a.element()) + ")";
        }
        if (t instanceof Schema.MapOf m) {
            return "new Schema.MapOf(" + expr(m.value()) + ")";
        }
        if (t instanceof Schema.Int n) {
            return n.name().toUpperCase(Locale.ROOT);
        }
        if (t instanceof Schema.Str) {
            return "STRING";
        }
        if (t instanceof Schema.Bool) {
            return "BOOL";
        }
        if (t instanceof Schema.Any) {
            return "ANY";
        }
        throw new IllegalStateException("no expression for " + t);
    }

    private static String stringMap(Map<String, String> m, int indent) {
        if (m.isEmpty()) {
            return "Map.of()";
        }
        StringBuilder sb = new StringBuilder("Map.of(");
        int i = 0;
        for (Map.Entry<String, String> e : m.entrySet()) {
            sb.append(i++ == 0 ? "" : ",\n" + " ".repeat(indent + 8)).append(literal(e.getKey())).append(",\n")
                    .append(" ".repeat(indent + 8)).append(wrapLiteral(e.getValue(), indent + 8));
        }
        return sb.append(')').toString();
    }

    /** @return the items comma-separated, wrapped before 120 columns with {@code indent} spaces */
    private static String wrapList(List<String> items, int indent) {
        StringBuilder sb = new StringBuilder();
        int column = 60;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (i > 0) {
                sb.append(',');
                if (column + item.length() + 2 > 116) {
                    sb.append('\n').append(" ".repeat(indent));
                    column = indent;
                } else {
                    sb.append(' ');
                    column++;
                }
            }
            sb.append(item);
            column += item.length() + 1;
        }
        return sb.toString();
    }

    /** @return a Java string expression of {@code s}, split at spaces into {@code "…" + "…"} lines */
    static String wrapLiteral(String s, int indent) {
        List<String> parts = new ArrayList<>();
        int width = 112 - indent;
        int start = 0;
        while (s.length() - start > width) {
            int cut = s.lastIndexOf(' ', start + width - 3);
            if (cut <= start) {
                cut = start + width - 3;
            }
            parts.add(s.substring(start, cut + 1));
            start = cut + 1;
        }
        parts.add(s.substring(start));
        return String.join("\n" + " ".repeat(indent) + "+ ", parts.stream().map(TypeModel::literal).toList());
    }

    /** @return {@code s} as a Java string literal */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
