package dev.pika.contract.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Small helpers that make Java values behave like the reference's serde types.
 */
public final class ContractJson {
    private ContractJson() {
    }

    /**
     * The key order of a Rust {@code BTreeMap<String, _>}: byte order of the UTF-8 encoding, which equals code point
     * order (Java's {@link String#compareTo} orders UTF-16 units and differs above U+FFFF).
     */
    public static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    /**
     * An {@code Option<serde_json::Value>}: a JSON {@code null} decodes to {@code None}.
     *
     * @param node a decoded node, may be null
     * @return null for null or a JSON null node, else {@code node}
     */
    public static JsonNode absentIfNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    /**
     * An immutable copy sorted like a Rust {@code BTreeMap<String, V>} ({@link #CODE_POINT_ORDER}).
     *
     * @param map   the entries, or null for an empty map (serde's {@code #[serde(default)]})
     * @param field the field name for the error message
     * @param <V>   the value type
     * @return the sorted, unmodifiable copy
     * @throws NullPointerException when a key or value is null
     */
    public static <V> SortedMap<String, V> sortedCopy(Map<String, V> map, String field) {
        TreeMap<String, V> copy = new TreeMap<>(CODE_POINT_ORDER);
        if (map != null) {
            for (Map.Entry<String, V> e : map.entrySet()) {
                copy.put(Objects.requireNonNull(e.getKey(), field + " key"),
                        Objects.requireNonNull(e.getValue(), () -> field + "." + e.getKey()));
            }
        }
        return Collections.unmodifiableSortedMap(copy);
    }

    /**
     * An immutable list copy, empty for null (serde's {@code #[serde(default)]} on a {@code Vec}).
     *
     * @param list  the elements, or null
     * @param field the field name for the error message
     * @param <T>   the element type
     * @return the copy
     * @throws NullPointerException when an element is null
     */
    public static <T> List<T> listCopy(List<T> list, String field) {
        if (list == null) {
            return List.of();
        }
        for (T t : list) {
            Objects.requireNonNull(t, () -> field + " element");
        }
        return List.copyOf(list);
    }
}
