package dev.pika.contract.validate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
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
    private long small;
    private boolean bool;
    // An object's fields in document order, in parallel arrays rather than maps: an event line is one object of
    // about seven fields, and the two LinkedHashMaps it used to get were most of an event stream's allocation
    // samples (JFR, issue 11). A name index is built only for objects with many fields.
    private String[] names;
    private Node[] values;
    /** Per field: the name's line, column, end line, end column. */
    private int[] nameSpans;
    private int fieldCount;
    private Map<String, Integer> index;
    private List<Node> items;

    /** Objects with more fields than this get a hash index for {@link #get}; smaller ones are scanned. */
    private static final int SCAN_FIELDS = 8;

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
        if (integer == null && kind == Kind.INTEGER) {
            integer = BigInteger.valueOf(small);
        }
        return integer;
    }

    /**
     * Compares the integer values of two integer nodes, as longs when both fit one (no BigInteger per event line).
     *
     * @param other another integer node
     * @return negative, zero or positive as this value is less than, equal to or greater than {@code other}'s
     */
    int compareInteger(Node other) {
        if (fitsLong() && other.fitsLong()) {
            return Long.compare(longValue(), other.longValue());
        }
        return integer().compareTo(other.integer());
    }

    private boolean fitsLong() {
        return integer == null || integer.bitLength() < 64;
    }

    private long longValue() {
        return integer == null ? small : integer.longValue();
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
        int k = find(name);
        return k < 0 ? null : values[k];
    }

    private int find(String name) {
        if (index != null) {
            Integer k = index.get(name);
            return k == null ? -1 : k;
        }
        for (int k = 0; k < fieldCount; k++) {
            if (names[k] == name) {
                return k;
            }
        }
        for (int k = 0; k < fieldCount; k++) {
            if (names[k].equals(name)) {
                return k;
            }
        }
        return -1;
    }

    /** @return the fields of an object, in document order (empty for non-objects); a new map on each call */
    public Map<String, Node> fields() {
        if (fieldCount == 0) {
            return Map.of();
        }
        Map<String, Node> m = new LinkedHashMap<>();
        for (int k = 0; k < fieldCount; k++) {
            m.put(names[k], values[k]);
        }
        return Collections.unmodifiableMap(m);
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
        int k = find(name);
        if (k < 0) {
            return null;
        }
        int at = 4 * k;
        return new Location(nameSpans[at], nameSpans[at + 1], nameSpans[at + 2], nameSpans[at + 3]);
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

    /** Sets the integer value; its BigInteger is made when {@link #integer()} is asked for. */
    void setInteger(long i) {
        this.small = i;
    }

    void setBool(boolean b) {
        this.bool = b;
    }

    void putField(String name, Node value, Location nameLoc) {
        putField(name, value, nameLoc.line(), nameLoc.column(), nameLoc.endLine(), nameLoc.endColumn());
    }

    /**
     * Adds a field, or replaces the value and name position of a field of that name (keeping its place, as a
     * map's {@code put} does).
     */
    void putField(String name, Node value, int line, int column, int endLine, int endColumn) {
        int k = fieldCount == 0 ? -1 : find(name);
        if (k < 0) {
            if (names == null) {
                names = new String[4];
                values = new Node[4];
                nameSpans = new int[16];
            } else if (fieldCount == names.length) {
                names = Arrays.copyOf(names, fieldCount * 2);
                values = Arrays.copyOf(values, fieldCount * 2);
                nameSpans = Arrays.copyOf(nameSpans, fieldCount * 8);
            }
            k = fieldCount++;
            names[k] = name;
            if (index != null) {
                index.put(name, k);
            } else if (fieldCount > SCAN_FIELDS) {
                index = new HashMap<>();
                for (int j = 0; j < fieldCount; j++) {
                    index.put(names[j], j);
                }
            }
        }
        values[k] = value;
        int at = 4 * k;
        nameSpans[at] = line;
        nameSpans[at + 1] = column;
        nameSpans[at + 2] = endLine;
        nameSpans[at + 3] = endColumn;
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
