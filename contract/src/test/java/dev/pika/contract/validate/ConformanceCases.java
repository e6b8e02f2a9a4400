package dev.pika.contract.validate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of mutated contract documents for the differential test against serde_json
 * ({@link SerdeConformanceTest}). It builds a well-typed value from the validator's type model ({@link Schemas}),
 * then applies one to four mutations: drop, duplicate, rename and retype fields, integer and float edges, string
 * escapes and bad UTF-8, positional (array) and map forms, deep nesting, odd whitespace, a byte-order mark,
 * trailing bytes, truncation and random byte flips; event streams also get line-ending and blank-line mutations.
 * The same seed gives the same documents.
 */
final class ConformanceCases {
    /** A JSON value as generated: an object (entries may repeat), an array, or a pre-encoded scalar. */
    private sealed interface J permits Obj, Arr, Raw {
    }

    private static final class Obj implements J {
        final List<String> keys = new ArrayList<>();
        final List<J> values = new ArrayList<>();
    }

    private static final class Arr implements J {
        final List<J> items = new ArrayList<>();
    }

    private record Raw(byte[] bytes) implements J {
        static Raw of(String s) {
            return new Raw(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Random r;

    ConformanceCases(long seed) {
        this.r = new Random(seed);
    }

    /** @return the next document of {@code kind} (for events, a whole stream) */
    byte[] next(DocumentKind kind) {
        if (kind == DocumentKind.EVENTS) {
            return stream();
        }
        return document(Validator.schema(kind));
    }

    private byte[] document(Schema.Type type) {
        J v = value(type, 0);
        int mutations = 1 + r.nextInt(4);
        if (r.nextInt(8) == 0) {
            mutations = 0;
        }
        for (int k = 0; k < mutations && r.nextInt(3) > 0; k++) {
            v = mutateTree(v, type);
        }
        byte[] bytes = encode(v);
        if (r.nextInt(3) == 0) {
            bytes = mutateBytes(bytes);
        }
        return bytes;
    }

    private byte[] stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lines = 1 + r.nextInt(4);
        for (int k = 0; k < lines; k++) {
            byte[] line;
            if (r.nextInt(4) == 0) {
                line = document(Schemas.LIFECYCLE_EVENT);
            } else {
                line = encodeCompact(value(Schemas.LIFECYCLE_EVENT, 0));
            }
            out.writeBytes(line);
            out.writeBytes(pick("\n", "\n", "\n", "\r\n", "\r", "\n\n", "\n \t\n", "\n\u00a0\n", "\n\u2003\n",
                    "\n\r\n", " \n", "").getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = out.toByteArray();
        if (r.nextInt(10) == 0) {
            bytes = mutateBytes(bytes);
        }
        return bytes;
    }

    // ---- well-typed values --------------------------------------------------------------------------------------

    private J value(Schema.Type t, int depth) {
        if (t instanceof Schema.Obj obj) {
            Obj o = new Obj();
            for (Schema.Field f : obj.fields().values()) {
                boolean must = f.presence() == Schema.Presence.REQUIRED;
                if (!must && r.nextInt(3) == 0) {
                    continue;
                }
                String key = f.name();
                if (!f.aliases().isEmpty() && r.nextInt(3) == 0) {
                    key = f.aliases().get(0);
                }
                o.keys.add(key);
                boolean option = f.presence() == Schema.Presence.OPTIONAL
                        || f.presence() == Schema.Presence.OPTIONAL_DEFAULTED;
                o.values.add(option && r.nextInt(5) == 0 ? Raw.of("null") : value(f.type(), depth + 1));
            }
            if (r.nextInt(6) == 0 && o.keys.size() > 1) {
                int a = r.nextInt(o.keys.size());
                int b = r.nextInt(o.keys.size());
                swap(o, a, b);
            }
            if (r.nextInt(6) == 0) {
                o.keys.add(pick("x", "extra", "provider", "role", "bootstrap", "lifecycle_root", "workspace_dir"));
                o.values.add(anyValue(depth + 1));
            }
            return o;
        } else if (t instanceof Schema.Str) {
            return Raw.of(stringLiteral());
        } else if (t instanceof Schema.Enum en) {
            return Raw.of("\"" + en.variants().get(r.nextInt(en.variants().size())) + "\"");
        } else if (t instanceof Schema.Int it) {
            long max = it.max().bitLength() > 62 ? Long.MAX_VALUE : it.max().longValue();
            return Raw.of(Long.toString(r.nextInt(4) == 0 ? 0 : Math.floorMod(r.nextLong(), Math.min(max, 100000))));
        } else if (t instanceof Schema.Bool) {
            return Raw.of(r.nextBoolean() ? "true" : "false");
        } else if (t instanceof Schema.Array arr) {
            Arr a = new Arr();
            int n = depth > 4 ? 0 : r.nextInt(3);
            for (int k = 0; k < n; k++) {
                a.items.add(value(arr.element(), depth + 1));
            }
            return a;
        } else if (t instanceof Schema.MapOf map) {
            Obj o = new Obj();
            int n = r.nextInt(3);
            for (int k = 0; k < n; k++) {
                o.keys.add(pick("a", "b", "k", "a"));
                o.values.add(value(map.value(), depth + 1));
            }
            return o;
        }
        return anyValue(depth);
    }

    private static void swap(Obj o, int a, int b) {
        String k = o.keys.get(a);
        o.keys.set(a, o.keys.get(b));
        o.keys.set(b, k);
        J v = o.values.get(a);
        o.values.set(a, o.values.get(b));
        o.values.set(b, v);
    }

    private J anyValue(int depth) {
        int c = r.nextInt(depth > 3 ? 6 : 9);
        switch (c) {
            case 0:
                return Raw.of("null");
            case 1:
                return Raw.of(r.nextBoolean() ? "true" : "false");
            case 2:
                return Raw.of(numberEdge());
            case 3:
            case 4:
                return Raw.of(stringLiteral());
            case 5:
                return new Raw(oddString());
            case 6: {
                Arr a = new Arr();
                for (int k = r.nextInt(3); k > 0; k--) {
                    a.items.add(anyValue(depth + 1));
                }
                return a;
            }
            case 7: {
                Obj o = new Obj();
                for (int k = r.nextInt(3); k > 0; k--) {
                    o.keys.add(pick("a", "b", "a", "\u00e9"));
                    o.values.add(anyValue(depth + 1));
                }
                return o;
            }
            default:
                return nested(pick(1, 100, 125, 126, 127, 128, 129, 200));
        }
    }

    private J nested(int levels) {
        boolean objects = r.nextBoolean();
        J inner = Raw.of(pick("1", "null", "[]", "{}", "\"x\""));
        for (int k = 0; k < levels; k++) {
            if (objects) {
                Obj o = new Obj();
                o.keys.add("a");
                o.values.add(inner);
                inner = o;
            } else {
                Arr a = new Arr();
                a.items.add(inner);
                inner = a;
            }
        }
        return inner;
    }

    private String stringLiteral() {
        return pick("\"\"", "\"m\"", "\"2026-03-25T20:00:00Z\"", "\"test passed\"", "\"/run/pika-cloud\"",
                "\"/run/pika-cloud/events.jsonl\"", "\"caf\u00e9 \u2603 \ud83d\ude00\"", "\"a\\\"b\\\\c\\/d\"",
                "\"\\u00e9\\n\\t\"", "\"\\ud83d\\ude00\"", "\"x\"", "\"pikaci/dev\"", "\" \"");
    }

    private byte[] oddString() {
        String s = pick("\"\\udc00\"", "\"\\ud800\"", "\"\\ud800x\"", "\"\\ud800\\n\"", "\"\\ud800\\u0041\"",
                "\"\\u12\"", "\"\\x\"", "\"\\u00G0\"", "\"a\tb\"", "\"\\uDBFF\\uDFFF\"", "\"\\ud800\\ud800\"",
                "RAW:C0AF", "RAW:EDA080", "RAW:F4908080", "RAW:FF", "RAW:E9", "RAW:E282", "RAW:F0908D88",
                "RAW:C280", "RAW:EFBFBF");
        if (s.startsWith("RAW:")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write('"');
            out.write('a');
            String hex = s.substring(4);
            for (int k = 0; k < hex.length(); k += 2) {
                out.write(Integer.parseInt(hex.substring(k, k + 2), 16));
            }
            out.write('"');
            return out.toByteArray();
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String numberEdge() {
        return pick("0", "-0", "1", "-1", "1.0", "1e0", "1E2", "0.5", "-0.0", "255", "256", "65535",
                "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296",
                "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
                "18446744073709551615", "18446744073709551616", "123456789012345678901234567890", "1e308",
                "1.7976931348623157e308", "1.8e308", "1e309", "1e400", "-1e400", "1e-400", "0e999", "1e99999999999",
                "0.000000000000000000000000000001e-300", "00", "01", "-", "1.", ".5", "1e", "1e+", "-a", "+1",
                "1.5e3", "1_0", "0x10", "NaN", "Infinity", "tru", "nul", "1e-7", "12345678901234567890.5");
    }

    // ---- mutations ------------------------------------------------------------------------------------------------

    private J mutateTree(J root, Schema.Type rootType) {
        List<J> containers = new ArrayList<>();
        collect(root, containers);
        int c = r.nextInt(12);
        if (c == 0 && root instanceof Obj o && rootType instanceof Schema.Obj obj) {
            return positional(o, obj);
        }
        if (containers.isEmpty()) {
            return Raw.of(numberEdge());
        }
        J target = containers.get(r.nextInt(containers.size()));
        if (target instanceof Obj o && !o.keys.isEmpty()) {
            int at = r.nextInt(o.keys.size());
            switch (c) {
                case 1 -> {
                    o.keys.remove(at);
                    o.values.remove(at);
                }
                case 2 -> {
                    o.keys.add(r.nextInt(o.keys.size() + 1), o.keys.get(at));
                    o.values.add(anyValue(3));
                }
                case 3 -> o.values.set(at, anyValue(1));
                case 4 -> o.values.set(at, Raw.of(numberEdge()));
                case 5 -> o.values.set(at, new Raw(oddString()));
                case 6 -> o.values.set(at, mapForm());
                case 7 -> o.keys.set(at, pick(o.keys.get(at).toUpperCase(), o.keys.get(at) + "_", "role",
                        "guest_role", "\u00e9", "x"));
                case 8 -> {
                    o.keys.add(pick("x", "details", "metadata", "y"));
                    o.values.add(r.nextBoolean() ? nested(pick(127, 128, 200)) : new Raw(oddString()));
                }
                case 9 -> o.values.set(at, Raw.of(pick("null", "[]", "{}", "[1]", "true", "\"passed\"",
                        "\"completed\"", "\"COMPLETED\"", "\"incus\"", "\"pikaci-runner\"", "\"never\"")));
                case 10 -> o.values.set(at, positionalAny(o.values.get(at)));
                default -> o.values.set(at, anyValue(2));
            }
        } else if (target instanceof Arr a) {
            if (a.items.isEmpty() || c % 3 == 0) {
                a.items.add(anyValue(2));
            } else if (c % 3 == 1) {
                a.items.remove(r.nextInt(a.items.size()));
            } else {
                a.items.set(r.nextInt(a.items.size()), anyValue(2));
            }
        }
        return root;
    }

    private J mapForm() {
        Obj o = new Obj();
        o.keys.add(pick("completed", "failed", "ready", "incus", "never", "read_only", "pikaci-runner", "passed",
                "x"));
        o.values.add(Raw.of(pick("null", "null", "[]", "{}", "1", "\"completed\"")));
        if (r.nextInt(5) == 0) {
            o.keys.add("failed");
            o.values.add(Raw.of("null"));
        }
        if (r.nextInt(8) == 0) {
            o.keys.clear();
            o.values.clear();
        }
        return o;
    }

    /** An object value turned into an array of its values (a nested struct's positional form, maybe). */
    private J positionalAny(J v) {
        if (v instanceof Obj o) {
            Arr a = new Arr();
            a.items.addAll(o.values);
            if (r.nextInt(3) == 0 && !a.items.isEmpty()) {
                a.items.remove(a.items.size() - 1);
            }
            return a;
        }
        return v;
    }

    private J positional(Obj o, Schema.Obj obj) {
        Arr a = new Arr();
        for (Schema.Field f : obj.fields().values()) {
            int at = o.keys.indexOf(f.name());
            if (at < 0) {
                for (String alias : f.aliases()) {
                    at = o.keys.indexOf(alias);
                }
            }
            a.items.add(at >= 0 ? o.values.get(at) : Raw.of("null"));
        }
        int cut = r.nextInt(4);
        if (cut == 1 && !a.items.isEmpty()) {
            a.items.subList(r.nextInt(a.items.size()), a.items.size()).clear();
        } else if (cut == 2) {
            a.items.add(anyValue(2));
        }
        return a;
    }

    private static void collect(J v, List<J> into) {
        if (v instanceof Obj o) {
            into.add(o);
            for (J c : o.values) {
                collect(c, into);
            }
        } else if (v instanceof Arr a) {
            into.add(a);
            for (J c : a.items) {
                collect(c, into);
            }
        }
    }

    private byte[] mutateBytes(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int c = r.nextInt(9);
        switch (c) {
            case 0 -> {
                out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.writeBytes(in);
            }
            case 1 -> {
                out.writeBytes(in);
                out.writeBytes(pick(" x", "{}", "\n", "\r", "\u0000", " ", "\n\n", "]", "}", ",", "\u00a0", "0")
                        .getBytes(StandardCharsets.UTF_8));
            }
            case 2 -> out.write(in, 0, in.length == 0 ? 0 : r.nextInt(in.length));
            case 3, 4 -> {
                byte[] copy = in.clone();
                if (copy.length > 0) {
                    int at = r.nextInt(copy.length);
                    int[] bytes = {r.nextInt(256), '"', ',', ':', '}', ']', '[', '{', ' ', '\\', 0x80, 0xC3};
                    copy[at] = (byte) bytes[r.nextInt(bytes.length)];
                }
                out.writeBytes(copy);
            }
            case 5 -> {
                int at = in.length == 0 ? 0 : r.nextInt(in.length);
                out.write(in, 0, at);
                out.writeBytes(pick(" ", "\t", "\r", "\n", "\f", "\u000b", "\u00a0", ",", "\"", "\\")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(in, at, in.length - at);
            }
            case 6 -> {
                int at = in.length == 0 ? 0 : r.nextInt(in.length);
                out.write(in, 0, at);
                if (at + 1 < in.length) {
                    out.write(in, at + 1, in.length - at - 1);
                }
            }
            case 7 -> {
                out.writeBytes(pick(" ", "\n", "\r\n", "\t").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(in);
            }
            default -> out.writeBytes(in);
        }
        return out.toByteArray();
    }

    // ---- encoding -------------------------------------------------------------------------------------------------

    private byte[] encode(J v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int style = r.nextInt(4);
        write(v, out, style, 0);
        if (style == 1 && r.nextBoolean()) {
            out.write('\n');
        }
        return out.toByteArray();
    }

    private byte[] encodeCompact(J v) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(v, out, 0, 0);
        return out.toByteArray();
    }

    /** style 0 compact, 1 pretty, 2 the helper's ", "/": ", 3 random whitespace. */
    private void write(J v, ByteArrayOutputStream out, int style, int indent) {
        if (v instanceof Raw raw) {
            out.writeBytes(raw.bytes());
            return;
        }
        boolean obj = v instanceof Obj;
        int n = obj ? ((Obj) v).keys.size() : ((Arr) v).items.size();
        out.write(obj ? '{' : '[');
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                out.write(',');
                if (style == 2) {
                    out.write(' ');
                }
            }
            space(out, style, indent + 1, true);
            if (obj) {
                Obj o = (Obj) v;
                out.writeBytes(("\"" + o.keys.get(k) + "\"").getBytes(StandardCharsets.UTF_8));
                space(out, style == 3 ? 3 : 0, 0, false);
                out.write(':');
                if (style == 1 || style == 2) {
                    out.write(' ');
                } else {
                    space(out, style, 0, false);
                }
                write(o.values.get(k), out, style, indent + 1);
            } else {
                write(((Arr) v).items.get(k), out, style, indent + 1);
            }
        }
        if (n > 0) {
            space(out, style, indent, true);
        }
        out.write(obj ? '}' : ']');
    }

    private void space(ByteArrayOutputStream out, int style, int indent, boolean line) {
        if (style == 1 && line) {
            out.write('\n');
            for (int k = 0; k < indent; k++) {
                out.write(' ');
                out.write(' ');
            }
        } else if (style == 3 && r.nextInt(3) == 0) {
            out.writeBytes(pick(" ", "\n", "\t", "\r\n", "  ").getBytes(StandardCharsets.UTF_8));
        }
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }

    /**
     * The inputs of issue 11's table (and their neighbours), always run before the generated ones.
     *
     * @param kind a document kind
     * @return fixed documents of that kind
     */
    static List<byte[]> table(DocumentKind kind) {
        String r = "{\"schema_version\":1,\"status\":\"completed\",\"finished_at\":\"2026-03-25T20:00:00Z\","
                + "\"message\":\"m\"";
        String e = "{\"schema_version\":1,\"seq\":1,\"timestamp\":\"t\",\"kind\":\"ready\",\"message\":\"m\"}";
        String spec = "{\"identity\":{\"runtime_id\":\"r\",\"instance_name\":\"i\"},\"incus\":{\"project\":\"p\","
                + "\"profile\":\"d\",\"image_alias\":\"a\"}";
        List<String> docs = switch (kind) {
            case RESULT -> List.of("[1,\"completed\",\"2026-03-25T20:00:00Z\",\"m\",0,null]",
                    "[1,\"completed\",\"2026-03-25T20:00:00Z\",\"m\"]",
                    "[1,\"completed\",\"2026-03-25T20:00:00Z\",\"m\",0,null,1]",
                    "{\"schema_version\":1,\"status\":{\"completed\":null},\"finished_at\":\"x\",\"message\":\"m\"}",
                    "{\"schema_version\":1,\"status\":{\"completed\":[]},\"finished_at\":\"x\",\"message\":\"m\"}",
                    "{\"schema_version\":1,\"status\":{\"completed\":null,\"failed\":null},\"finished_at\":\"x\","
                            + "\"message\":\"m\"}",
                    r + ",\"x\":" + "[".repeat(128) + "]".repeat(128) + "}",
                    r + ",\"details\":" + "[".repeat(126) + "]".repeat(126) + "}",
                    r + ",\"details\":" + "[".repeat(127) + "]".repeat(127) + "}",
                    r + ",\"x\":\"\\udc00\"}", r + ",\"x\":1e400}", r + ",\"x\":\"\u00ff\"}",
                    r + ",\"exit_code\":-0}", "{\"schema_version\":-0,\"status\":\"completed\",\"finished_at\":\"x\","
                            + "\"message\":\"m\"}",
                    "{\"schema_version\":1,\"status\":\"completed\",\"finished_at\":\"x\",\"message\":\"\u00c0\u00af\"}",
                    "{\"schema_version\":1,\"status\":\"completed\",\"finished_at\":\"x\",\"message\":\"\u00ed\u00a0\u0080\"}",
                    "{\"schema_version\":1,\"status\":\"completed\",\"finished_at\":\"x\",\"message\":\"\u00f4\u0090\u0080\u0080\"}",
                    "{\"schema_version\":1,\"status\":\"completed\",\"finished_at\":\"x\",\"m\u00c0\u00af\":1,\"message\":\"m\"}",
                    r + ",\"status\":\"passed\"}", r + "}", "\u00ef\u00bb\u00bf" + r + "}", r + "} x", "");
            case STATUS -> List.of("[1,\"ready\",\"t\",\"m\",null,null]", "[1,{\"ready\":null},\"t\",\"m\",\"b\",{}]");
            case EVENTS -> List.of(e + "\r" + e + "\n", e + "\n" + e + "\n", e + "\r\n" + e, e + "\n\u00ff\n",
                    e + "\n \u00a0\n" + e, e + "\n\n" + e.replace("ready", "passed"), "\n\n", e + "\r\r\n",
                    e.replace("\"seq\":1", "\"seq\":-0"), e.replace("\"seq\":1", "\"seq\":{\"x\":1}"));
            case REQUEST -> List.of("{\"schema_version\":2,\"command\":\"c\",\"timeout_secs\":1,\"run_as_root\":true}",
                    "[2,\"c\",1,true]", "[2,\"c\",1]", "{\"schema_version\":2,\"command\":\"c\",\"timeout_secs\":1,"
                            + "\"run_as_root\":true,\"workspace_dir\":\"/w\"}");
            case SPEC -> List.of(spec + "}", spec.replace("{\"runtime_id\":\"r\",\"instance_name\":\"i\"}",
                    "[\"r\",\"i\"]") + "}", spec + ",\"paths\":[]}", spec + ",\"paths\":{\"events_path\":1}}",
                    spec + ",\"paths\":{\"events_path\":\"a\",\"events_path\":\"b\"}}",
                    spec + ",\"paths\":{\"x\":\"\\udc00\"}}", spec + ",\"paths\":{\"x\":1e400}}",
                    spec + ",\"mounts\":[[\"cache\",\"/g\",\"/s\",\"read_only\"]]}", spec + ",\"provider\":\"incus\"}");
            case IMAGE_RECORD -> List.of("[null,\"p\",\"pikaci/dev\"]", "[]", "[null]", "[null,\"p\"]",
                    "{\"role\":\"pikaci-runner\",\"guest_role\":\"pikaci-runner\",\"project\":\"p\",\"alias\":\"a\"}",
                    "{\"project\":\"p\",\"alias\":\"a\",\"fingerprint\":null}");
            case EXECUTION_RECORD -> List.of("{\"backend\":\"incus\"}", "[\"incus\"]", "[]",
                    "{\"backend\":{\"incus\":null}}", "{\"backend\":\"incus\",\"phases\":[[\"launch_guest\",\"a\",\"b\",1]]}");
        };
        List<byte[]> out = new ArrayList<>();
        for (String d : docs) {
            // \u0080-\u00ff stand for single raw bytes, so the table can hold bytes that are not UTF-8
            byte[] bytes = new byte[d.length()];
            boolean raw = true;
            for (int k = 0; k < d.length(); k++) {
                char c = d.charAt(k);
                if (c > 0xff) {
                    raw = false;
                    break;
                }
                bytes[k] = (byte) c;
            }
            out.add(raw ? bytes : d.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** @return the kinds the differential test covers, with the conformance binary's kind names */
    static Map<DocumentKind, String> kinds() {
        Map<DocumentKind, String> m = new java.util.LinkedHashMap<>();
        for (DocumentKind k : DocumentKind.values()) {
            m.put(k, k.id());
        }
        return m;
    }
}
