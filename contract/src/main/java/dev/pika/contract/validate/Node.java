package dev.pika.contract.validate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded value with its place in the source, produced by the validator for rules that look at values (spec
 * rules, lint). Only values of well-typed schema positions are kept; the content of {@link Schema.Any} values
 * (e.g. {@code details}) is checked for well-formedness but not retained.
 */
public final class Node {
    /** What the node holds. */
    public enum Kind {
        OBJECT, ARRAY, STRING, INTEGER, BOOLEAN, NULL, UNRETAINED
    }

    private final Kind kind;
    private final Node parent;
    private final String segment;
    final int line;
    final int column;
    int endLine;
    int endColumn;
    private String text;
    private byte[] textBytes;
    private int textOff;
    private int textLen;
    private BigInteger integer;
    private boolean bool;
    private Map<String, Node> fields;
    private List<Node> items;
    private Map<String, Location> fieldNames;

    /** A field name's position, for findings about the name rather than the value. */
    record Location(int line, int column, int endLine, int endColumn) {
    }

    Node(Kind kind, Node parent, String segment, int line, int column) {
        this.kind = kind;
        this.parent = parent;
        this.segment = segment;
        this.line = line;
        this.column = column;
        this.endLine = line;
        this.endColumn = column;
    }

    /** @return what the node holds */
    public Kind kind() {
        return kind;
    }

    /** @return 1-based line of the value's first byte */
    public int line() {
        return line;
    }

    /** @return 1-based byte column of the value's first byte */
    public int column() {
        return column;
    }

    /** @return 1-based line of the value's last byte */
    public int endLine() {
        return endLine;
    }

    /** @return 1-based byte column of the value's last byte */
    public int endColumn() {
        return endColumn;
    }

    /** @return the RFC 6901 JSON pointer of this value ({@code ""} for the root) */
    public String pointer() {
        if (parent == null) {
            return "";
        }
        return parent.pointer() + "/" + escape(segment);
    }

    static String escape(String segment) {
        if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
            return segment;
        }
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** @return the string value, or null when this is not a string */
    public String text() {
        if (text == null && textBytes != null) {
            // decoded on demand: a document's strings are not held twice (bytes and Strings)
            return new String(textBytes, textOff, textLen, java.nio.charset.StandardCharsets.UTF_8);
        }
        return text;
    }

    /** @return the integer value, or null when this is not an integer */
    public BigInteger integer() {
        return integer;
    }

    /** @return the boolean value (false when not a boolean) */
    public boolean bool() {
        return bool;
    }

    /**
     * @param name a field name
     * @return the field's node (null when absent, or when this is not an object)
     */
    public Node get(String name) {
        return fields == null ? null : fields.get(name);
    }

    /** @return the fields of an object, in document order (empty for non-objects) */
    public Map<String, Node> fields() {
        return fields == null ? Map.of() : Collections.unmodifiableMap(fields);
    }

    /** @return the items of an array (empty for non-arrays) */
    public List<Node> items() {
        return items == null ? List.of() : Collections.unmodifiableList(items);
    }

    /**
     * @param name a field name
     * @return the position of the field's name, or null
     */
    Location nameLocation(String name) {
        return fieldNames == null ? null : fieldNames.get(name);
    }

    void setText(String s) {
        this.text = s;
    }

    /** Sets the string value as valid UTF-8 bytes without escapes, decoded when asked for. */
    void setText(byte[] bytes, int off, int len) {
        this.textBytes = bytes;
        this.textOff = off;
        this.textLen = len;
    }

    void setInteger(BigInteger i) {
        this.integer = i;
    }

    void setBool(boolean b) {
        this.bool = b;
    }

    void putField(String name, Node value, Location nameLoc) {
        if (fields == null) {
            fields = new LinkedHashMap<>();
            fieldNames = new LinkedHashMap<>();
        }
        fields.put(name, value);
        fieldNames.put(name, nameLoc);
    }

    void addItem(Node item) {
        if (items == null) {
            items = new ArrayList<>();
        }
        items.add(item);
    }

    /** @return the string of the named string field, or null when absent or not a string */
    public String textOf(String name) {
        Node n = get(name);
        return n == null ? null : n.text();
    }
}
