package dev.pika.cli.lifecycle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * JSON the way the guest's Python lifecycle helper reads and writes it (CONTRACT.md §9): {@code json.loads} for
 * {@code --details-json}, {@code json.dump(indent=2)} for status/result files and {@code json.dumps} (separators
 * {@code ", "} and {@code ": "}) for event lines, both with Python's default {@code ensure_ascii=True}.
 *
 * <p>Hand-written because no Java library writes Python's byte format, and byte parity with the helper is the
 * requirement: every character outside {@code ' '..'~'} is a {@code \\uXXXX} escape with lower-case hex (UTF-16
 * units, so astral characters are surrogate pairs), except {@code \n \r \t \b \f}; floats are Python's
 * {@code repr} (shortest round-trip digits; {@code 1e+16}, {@code 1e-05}, {@code 100.0}; {@code NaN},
 * {@code Infinity}); integers keep every digit; an empty object or array is {@code {}} / {@code []} even when
 * indenting. {@code LifecycleJsonOracleTest} checks it against the real {@code python3}.
 */
final class PythonJson {
    /** Like {@code json.loads}: NaN/Infinity accepted, duplicate keys allowed (the last wins, first position). */
    private static final ObjectMapper LOADS = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PythonJson() {
    }

    /**
     * Parses {@code --details-json} as {@code json.loads} would.
     *
     * @param text the JSON text
     * @return the value ({@code NullNode} for {@code null})
     * @throws JsonProcessingException when Python would raise {@code JSONDecodeError}
     */
    static JsonNode loads(String text) throws JsonProcessingException {
        try (JsonParser p = LOADS.createParser(text)) {
            JsonNode node = LOADS.readTree(p);
            if (node == null || node.isMissingNode()) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "Expecting value");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code json.dumps(value)}: one line, {@code ", "} between items and {@code ": "} after keys.
     *
     * @param value the value
     * @return the text, without a newline
     */
    static String dumps(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out, -1, 0);
        return out.toString();
    }

    /**
     * {@code json.dump(value, indent=2)}: one member per line, {@code ","} at line ends, {@code ": "} after keys.
     *
     * @param value the value
     * @return the text, without a trailing newline
     */
    static String dumpIndented(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 2, 0);
        return out.toString();
    }

    private static void write(JsonNode v, StringBuilder out, int indent, int depth) {
        switch (v.getNodeType()) {
            case OBJECT -> writeObject(v, out, indent, depth);
            case ARRAY -> writeArray(v, out, indent, depth);
            case STRING -> string(v.textValue(), out);
            case BOOLEAN -> out.append(v.booleanValue() ? "true" : "false");
            case NUMBER -> out.append(v.isIntegralNumber() ? v.bigIntegerValue().toString()
                    : floatRepr(v.doubleValue()));
            default -> out.append("null");
        }
    }

    private static void writeObject(JsonNode v, StringBuilder out, int indent, int depth) {
        if (v.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> it = v.fields();
        boolean first = true;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            separator(out, indent, depth + 1, first);
            first = false;
            string(e.getKey(), out);
            out.append(": ");
            write(e.getValue(), out, indent, depth + 1);
        }
        close(out, indent, depth);
        out.append('}');
    }

    private static void writeArray(JsonNode v, StringBuilder out, int indent, int depth) {
        if (v.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (JsonNode item : v) {
            separator(out, indent, depth + 1, first);
            first = false;
            write(item, out, indent, depth + 1);
        }
        close(out, indent, depth);
        out.append(']');
    }

    private static void separator(StringBuilder out, int indent, int depth, boolean first) {
        if (indent < 0) {
            out.append(first ? "" : ", ");
            return;
        }
        out.append(first ? "\n" : ",\n").append(" ".repeat(indent * depth));
    }

    private static void close(StringBuilder out, int indent, int depth) {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
    }

    /** A string as {@code json.dumps} with {@code ensure_ascii=True} writes it. */
    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < ' ' || c > '~') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Python's {@code float.__repr__}: the shortest decimal that reads back as {@code d} (the closest one when
     * several have that length), in fixed notation when the decimal exponent is in [-4, 16), else as
     * {@code d.ddde±XX}; {@code NaN}, {@code Infinity}, {@code -Infinity} as {@code json} writes them.
     *
     * @param d the value
     * @return its text
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // of the first digit
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent < 16) {
            String plain = shortest.abs().toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
}
