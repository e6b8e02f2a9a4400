package dev.pika.contract.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.pika.contract.Severity;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Walks a JSON array of records token by token (Jackson) against a {@link Schema.Type}, recording every deviation
 * as a located finding; used only by {@link ImageRecords} for its lists of records. Documents are decoded by
 * {@link Decoder}, which gives the reference's exact verdicts and positions; this walker approximates them (it
 * does not know the positional and map forms, and reports all it can instead of stopping at the first error).
 *
 * <p>Positions: {@code line}/{@code column} are the first byte of the offending token; {@code endLine}/{@code
 * endColumn} its last byte, which is where serde_json reports ("at line 3 column 33").
 */
final class Walker {
    /** serde_json's recursion limit: the 128th nested container is rejected. */
    static final int MAX_DEPTH = Limits.MAX_DEPTH;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 10)
                    .maxNumberLength(Limits.MAX_NUMBER_CHARS)
                    .maxStringLength(Limits.MAX_STRING_CHARS)
                    .maxNameLength(Limits.MAX_STRING_CHARS)
                    .build())
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    /** Thrown to stop the walk after a fatal (syntax or limit) finding; the finding is already recorded. */
    static final class Abort extends Exception {
        private static final long serialVersionUID = 1L;

        Abort() {
            super(null, null, false, false);
        }
    }

    private final JsonParser p;
    private final Collector out;
    private final int lineBase;
    private int depth;
    private int values;

    /**
     * @param p        a parser positioned before the first token
     * @param out      where findings go
     * @param lineBase added to every line number (for event streams: the stream line minus one)
     */
    Walker(JsonParser p, Collector out, int lineBase) {
        this.p = p;
        this.out = out;
        this.lineBase = lineBase;
    }

    /**
     * Walks a whole document: one value of {@code root}, then nothing but whitespace.
     *
     * @param root the expected type of the top-level value
     * @return the value's node, or null when the document was unusable (findings say why)
     * @throws IOException when the underlying input cannot be read (not a JSON problem)
     */
    Node document(Schema.Type root) throws IOException {
        return document(() -> value(root, null, null));
    }

    /**
     * Walks the next of several top-level values in one input (a chunk of event lines), with no trailing check.
     * Syntax and limit problems propagate instead of becoming findings: the caller redoes the chunk line by line.
     *
     * @param root the expected type of each value
     * @return the value's node (null when it was not usable: findings say why), or {@link #END} at the end of input
     * @throws IOException on malformed JSON or a limit ({@link JsonProcessingException}), or a read error
     * @throws Abort after a fatal finding (recursion limit, lone surrogate)
     */
    Node nextRootValue(Schema.Type root) throws IOException, Abort {
        if (p.nextToken() == null) {
            return END;
        }
        depth = 0;
        values = 0;
        return value(root, null, null);
    }

    /** Returned by {@link #nextRootValue} at the end of the input. */
    static final Node END = new Node(Node.Kind.NULL, null, null, 0, 0);

    /** @return the parser, for callers that check where a value started and ended */
    JsonParser parser() {
        return p;
    }

    /** Reads the top-level value; the parser is on its first token. */
    private interface Body {
        Node read() throws IOException, Abort;
    }

    private Node document(Body body) throws IOException {
        try {
            JsonToken t = p.nextToken();
            if (t == null) {
                JsonLocation loc = p.currentLocation();
                int line = Math.max(1, loc.getLineNr()) + lineBase;
                out.add(Severity.ERROR, "syntax-error", line, 0, line, 0, "",
                        "EOF while parsing a value: the document is empty", null);
                return null;
            }
            Node node = body.read();
            trailing();
            return node;
        } catch (Abort a) {
            return null;
        } catch (StreamConstraintsException e) {
            syntaxFinding("limit-exceeded", e, "");
            return null;
        } catch (JsonProcessingException e) {
            syntaxFinding("syntax-error", e, "");
            return null;
        }
    }

    private void trailing() throws IOException, Abort {
        JsonToken extra;
        try {
            extra = p.nextToken();
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr() + lineBase;
            int col = loc == null ? 0 : Math.max(1, loc.getColumnNr() - 1);
            out.add(Severity.ERROR, "trailing-characters", line, col, line, col, "",
                    "trailing characters after the document's value", null);
            throw new Abort();
        }
        if (extra != null) {
            JsonLocation loc = p.currentTokenLocation();
            int line = loc.getLineNr() + lineBase;
            out.add(Severity.ERROR, "trailing-characters", line, loc.getColumnNr(), line, loc.getColumnNr(), "",
                    "trailing characters after the document's value (a file holds exactly one JSON value)", null);
        }
    }

    private void syntaxFinding(String rule, JsonProcessingException e, String prefix) {
        // constraint exceptions carry no location: use the start of the token being read
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : p.currentTokenLocation();
        int line = loc == null ? 0 : Math.max(1, loc.getLineNr()) + lineBase;
        int col = loc == null ? 0 : Math.max(1, loc.getColumnNr());
        String msg = e.getOriginalMessage();
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        int cut = msg.indexOf('\n');
        if (cut >= 0) {
            msg = msg.substring(0, cut);
        }
        if (msg.startsWith("Unexpected end-of-input")) {
            msg = "EOF while parsing: " + msg;
        }
        if (e instanceof StreamConstraintsException) {
            msg = limitMessage(msg);
        }
        out.add(Severity.ERROR, rule, line, col, line, col, currentPointer(), prefix + msg, null);
    }

    /** Says which of pika's {@link Limits} a Jackson constraint message is about, in the contract's words. */
    static String limitMessage(String jackson) {
        if (jackson.startsWith("Number value length") || jackson.startsWith("Number length")) {
            return "a number longer than " + Limits.MAX_NUMBER_CHARS + " characters: more than pika reads";
        }
        if (jackson.startsWith("String value length")) {
            return "a string longer than " + Limits.MAX_STRING_CHARS + " characters: more than pika reads";
        }
        if (jackson.startsWith("Name length")) {
            return "a field name longer than " + Limits.MAX_STRING_CHARS + " characters: more than pika reads";
        }
        int from = jackson.indexOf(", from `StreamReadConstraints");
        return "input exceeds a parser limit: " + (from < 0 ? jackson : jackson.substring(0, from) + ")");
    }

    private String currentPointer() {
        // Best effort: the parser's context knows the path of the value being read.
        StringBuilder sb = new StringBuilder();
        com.fasterxml.jackson.core.JsonStreamContext ctx = p.getParsingContext();
        java.util.ArrayDeque<String> segs = new java.util.ArrayDeque<>();
        while (ctx != null && !ctx.inRoot()) {
            if (ctx.inObject() && ctx.getCurrentName() != null) {
                segs.push(Node.escape(ctx.getCurrentName()));
            } else if (ctx.inArray() && ctx.hasCurrentIndex()) {
                segs.push(Integer.toString(ctx.getCurrentIndex()));
            }
            ctx = ctx.getParent();
        }
        for (String s : segs) {
            sb.append('/').append(s);
        }
        return sb.toString();
    }

    // ---- values ---------------------------------------------------------------------------------------------

    private Node start(Node.Kind kind, Node parent, String seg) throws Abort {
        JsonLocation loc = p.currentTokenLocation();
        if (++values > Limits.MAX_VALUES) {
            int line = loc.getLineNr() + lineBase;
            out.add(Severity.ERROR, "limit-exceeded", line, loc.getColumnNr(), line, loc.getColumnNr(),
                    currentPointer(), "more than " + Limits.MAX_VALUES + " values in one document: more than "
                            + "pika keeps for the value rules", null);
            throw new Abort();
        }
        return new Node(kind, parent, seg, loc.getLineNr() + lineBase, loc.getColumnNr());
    }

    /** Sets the node's end to the byte before the parser's current position (the token just read). */
    private void end(Node n) {
        JsonLocation loc = p.currentLocation();
        n.endLine = loc.getLineNr() + lineBase;
        n.endColumn = Math.max(1, loc.getColumnNr() - 1);
    }

    private Node value(Schema.Type type, Node parent, String seg) throws IOException, Abort {
        JsonToken t = p.currentToken();
        if (type instanceof Schema.Obj obj) {
            if (t == JsonToken.START_OBJECT) {
                return object(obj, parent, seg);
            }
        } else if (type instanceof Schema.Str) {
            if (t == JsonToken.VALUE_STRING) {
                Node n = start(Node.Kind.STRING, parent, seg);
                n.setText(string());
                end(n);
                return n;
            }
        } else if (type instanceof Schema.Enum en) {
            if (t == JsonToken.VALUE_STRING) {
                Node n = start(Node.Kind.STRING, parent, seg);
                String s = string();
                n.setText(s);
                end(n);
                if (!en.variants().contains(s)) {
                    out.error("unknown-variant", n, "unknown variant `" + s + "`, expected " + en.expected(),
                            en.renamed().get(s));
                    return null;
                }
                return n;
            }
        } else if (type instanceof Schema.Int it) {
            if (t == JsonToken.VALUE_NUMBER_INT) {
                return integer(it, parent, seg);
            }
        } else if (type instanceof Schema.Bool) {
            if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                Node n = start(Node.Kind.BOOLEAN, parent, seg);
                n.setBool(t == JsonToken.VALUE_TRUE);
                end(n);
                return n;
            }
        } else if (type instanceof Schema.Array arr) {
            if (t == JsonToken.START_ARRAY) {
                return array(arr, parent, seg);
            }
        } else if (type instanceof Schema.MapOf map) {
            if (t == JsonToken.START_OBJECT) {
                return map(map, parent, seg);
            }
        } else if (type instanceof Schema.Any) {
            Node n = start(Node.Kind.UNRETAINED, parent, seg);
            any();
            end(n);
            return n;
        }
        return mismatch(type, parent, seg);
    }

    /** Reports "invalid type: X, expected Y" at the current value, skips it, and returns null. */
    private Node mismatch(Schema.Type type, Node parent, String seg) throws IOException, Abort {
        JsonToken t = p.currentToken();
        Node n = start(Node.Kind.UNRETAINED, parent, seg);
        String found = describe(t);
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            any();
        }
        end(n);
        out.error("invalid-type", n, "invalid type: " + found + ", expected " + type.expected(), null);
        return null;
    }

    /** serde's "unexpected" wording for the current token. */
    private String describe(JsonToken t) throws IOException, Abort {
        switch (t) {
            case VALUE_STRING:
                return "string " + quote(string());
            case VALUE_NUMBER_INT:
                return "integer `" + p.getText() + "`";
            case VALUE_NUMBER_FLOAT:
                return "floating point `" + p.getText() + "`";
            case VALUE_TRUE:
                return "boolean `true`";
            case VALUE_FALSE:
                return "boolean `false`";
            case VALUE_NULL:
                return "null";
            case START_OBJECT:
                return "map";
            case START_ARRAY:
                return "sequence";
            default:
                return t.asString() == null ? t.name() : t.asString();
        }
    }

    /** @return {@code s} in double quotes, escaped, cut after 80 characters (for messages) */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        int limit = Math.min(s.length(), 80);
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > limit) {
            sb.append('…');
        }
        return sb.append('"').toString();
    }

    private Node integer(Schema.Int it, Node parent, String seg) throws IOException, Abort {
        Node n = start(Node.Kind.INTEGER, parent, seg);
        BigInteger v;
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            v = p.getBigIntegerValue();
        } else {
            v = BigInteger.valueOf(p.getLongValue());
        }
        end(n);
        if (v.compareTo(it.min()) < 0 || v.compareTo(it.max()) > 0) {
            out.error("integer-out-of-range", n, "invalid value: integer `" + p.getText() + "`, expected "
                    + it.name() + " (" + it.min() + ".." + it.max() + ")", null);
            return null;
        }
        n.setInteger(v);
        return n;
    }

    /** Reads the current string token, rejecting lone UTF-16 surrogates as serde_json does. */
    private String string() throws IOException, Abort {
        String s = p.getText();
        checkSurrogates(s, 0, s.length());
        return s;
    }

    private void checkSurrogates(CharSequence s, int from, int to) throws Abort {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                JsonLocation loc = p.currentTokenLocation();
                int line = loc.getLineNr() + lineBase;
                out.add(Severity.ERROR, "syntax-error", line, loc.getColumnNr(), line, loc.getColumnNr(),
                        currentPointer(), String.format(
                                "lone surrogate \\u%04X in a string: not valid Unicode (serde_json rejects it)",
                                (int) c), null);
                throw new Abort();
            }
        }
    }

    private void enter() throws Abort {
        if (++depth > MAX_DEPTH) {
            JsonLocation loc = p.currentTokenLocation();
            int line = loc.getLineNr() + lineBase;
            out.add(Severity.ERROR, "recursion-limit", line, loc.getColumnNr(), line, loc.getColumnNr(),
                    currentPointer(), "recursion limit exceeded: more than " + MAX_DEPTH
                            + " nested arrays/objects (serde_json's limit)", null);
            throw new Abort();
        }
    }

    /**
     * Skips the current value (scalar or container), checking that it is well-formed the way serde_json would:
     * nesting depth, lone surrogates in strings and names, and floats that overflow.
     */
    private void any() throws IOException, Abort {
        JsonToken t = p.currentToken();
        int level = 0;
        while (true) {
            switch (t) {
                case START_OBJECT:
                case START_ARRAY:
                    enter();
                    level++;
                    break;
                case END_OBJECT:
                case END_ARRAY:
                    depth--;
                    level--;
                    break;
                case FIELD_NAME:
                case VALUE_STRING: {
                    char[] buf = p.getTextCharacters();
                    int off = p.getTextOffset();
                    checkSurrogates(java.nio.CharBuffer.wrap(buf), off, off + p.getTextLength());
                    break;
                }
                case VALUE_NUMBER_FLOAT:
                    checkFinite();
                    break;
                case VALUE_NUMBER_INT:
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        checkFinite();
                    }
                    break;
                default:
                    break;
            }
            if (level == 0) {
                return;
            }
            t = p.nextToken();
            if (t == null) {
                return; // the parser reports the unexpected end itself
            }
        }
    }

    private void checkFinite() throws IOException, Abort {
        double d = p.getDoubleValue();
        if (Double.isInfinite(d)) {
            JsonLocation loc = p.currentTokenLocation();
            int line = loc.getLineNr() + lineBase;
            out.add(Severity.ERROR, "number-out-of-range", line, loc.getColumnNr(), line, loc.getColumnNr(),
                    currentPointer(), "number out of range: `" + abbreviate(p.getText())
                            + "` does not fit a 64-bit float (serde_json rejects it)", null);
            throw new Abort();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 20) + "…(" + s.length() + " characters)";
    }

    private Node array(Schema.Array arr, Node parent, String seg) throws IOException, Abort {
        return array(i -> arr.element(), parent, seg);
    }

    private Node array(IntFunction<Schema.Type> elementType, Node parent, String seg) throws IOException, Abort {
        Node n = start(Node.Kind.ARRAY, parent, seg);
        enter();
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                return null;
            }
            Node item = value(elementType.apply(i), n, Integer.toString(i++));
            if (item != null) {
                n.addItem(item);
            }
        }
        depth--;
        end(n);
        return n;
    }

    private Node map(Schema.MapOf map, Node parent, String seg) throws IOException, Abort {
        Node n = start(Node.Kind.OBJECT, parent, seg);
        enter();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            checkSurrogates(name, 0, name.length());
            Node.Location nameLoc = nameLocation();
            p.nextToken();
            Node v = value(map.value(), n, name);
            if (v != null) {
                n.putField(name, v, nameLoc);
            }
        }
        if (t == null) {
            return null;
        }
        depth--;
        end(n);
        return n;
    }

    private Node.Location nameLocation() {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr() + lineBase;
        // currentLocation() is just past the closing quote of the name
        JsonLocation after = p.currentLocation();
        return new Node.Location(line, loc.getColumnNr(), after.getLineNr() + lineBase,
                Math.max(1, after.getColumnNr() - 1));
    }

    private Node object(Schema.Obj obj, Node parent, String seg) throws IOException, Abort {
        Node n = start(Node.Kind.OBJECT, parent, seg);
        enter();
        Set<String> seen = new HashSet<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            checkSurrogates(name, 0, name.length());
            Node.Location nameLoc = nameLocation();
            Schema.Field f = obj.field(name);
            if (f == null) {
                unknownField(obj, n, name, nameLoc);
                p.nextToken();
                if (obj.legacy().containsKey(name)) {
                    Node legacy = retained(n, name);
                    n.putField(name, legacy, nameLoc);
                } else {
                    any();
                }
                continue;
            }
            if (!seen.add(f.name())) {
                String via = f.name().equals(name) ? "" : " (`" + name + "` is an alias of `" + f.name() + "`)";
                out.add(Severity.ERROR, "duplicate-field", nameLoc.line(), nameLoc.column(), nameLoc.endLine(),
                        nameLoc.endColumn(), pointerOf(n, name), "duplicate field `" + f.name() + "`" + via, null);
                p.nextToken();
                any();
                continue;
            }
            p.nextToken();
            // The node's pointer segment is the name as written (`role`), its key the field's name (`guest_role`).
            if (p.currentToken() == JsonToken.VALUE_NULL && (f.presence() == Schema.Presence.OPTIONAL
                    || f.presence() == Schema.Presence.OPTIONAL_DEFAULTED)) {
                Node nul = start(Node.Kind.NULL, n, name);
                end(nul);
                n.putField(f.name(), nul, nameLoc);
                continue;
            }
            Node v = value(f.type(), n, name);
            if (v != null) {
                n.putField(f.name(), v, nameLoc);
            } else {
                // present but invalid: remember it so it is not also reported missing
                n.putField(f.name(), null, nameLoc);
            }
        }
        if (t == null) {
            return null;
        }
        depth--;
        end(n);
        for (Schema.Field f : obj.fields().values()) {
            if (f.presence() == Schema.Presence.REQUIRED && !seen.contains(f.name())) {
                out.add(Severity.ERROR, "missing-field", n.line, n.column, n.endLine, n.endColumn,
                        pointerOf(n, f.name()), "missing field `" + f.name() + "` in " + obj.expected(), null);
            }
        }
        return n;
    }

    private static String pointerOf(Node parent, String name) {
        return parent.pointer() + "/" + Node.escape(name);
    }

    private void unknownField(Schema.Obj obj, Node n, String name, Node.Location at) {
        String pointer = pointerOf(n, name);
        String legacyHint = obj.legacy().get(name);
        if (obj.denyUnknown()) {
            out.add(Severity.ERROR, "unknown-field", at.line(), at.column(), at.endLine(), at.endColumn(), pointer,
                    "unknown field `" + name + "`, expected one of " + obj.fieldList()
                            + " (" + obj.name() + " denies unknown fields)",
                    legacyHint != null ? legacyHint : suggestion(obj, name));
        } else if (legacyHint != null) {
            out.add(Severity.WARNING, "legacy-field", at.line(), at.column(), at.endLine(), at.endColumn(), pointer,
                    "`" + name + "` was removed from " + obj.name() + "; the reference decoder ignores it",
                    legacyHint);
        } else if (!obj.tolerated().contains(name)) {
            out.add(Severity.WARNING, "unknown-field", at.line(), at.column(), at.endLine(), at.endColumn(),
                    pointer, "unknown field `" + name + "` is ignored by the reference decoder ("
                            + obj.name() + " fields: " + obj.fieldList() + ")", suggestion(obj, name));
        }
    }

    private static String suggestion(Schema.Obj obj, String name) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : obj.fields().keySet()) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best == null ? null : "did you mean `" + best + "`?";
    }

    /** Levenshtein distance, for "did you mean" hints on short field names. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    /** Reads any value into a fully retained node tree (used for removed legacy fields whose content we report). */
    private Node retained(Node parent, String seg) throws IOException, Abort {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Node n = start(Node.Kind.OBJECT, parent, seg);
                enter();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    checkSurrogates(name, 0, name.length());
                    Node.Location loc = nameLocation();
                    p.nextToken();
                    n.putField(name, retained(n, name), loc);
                }
                depth--;
                end(n);
                return n;
            }
            case VALUE_STRING: {
                Node n = start(Node.Kind.STRING, parent, seg);
                n.setText(string());
                end(n);
                return n;
            }
            default: {
                Node n = start(Node.Kind.UNRETAINED, parent, seg);
                any();
                end(n);
                return n;
            }
        }
    }
}
