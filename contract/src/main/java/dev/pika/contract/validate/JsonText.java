package dev.pika.contract.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Small text helpers of the validator: the bounded Jackson factory for quick looks at a document (which record
 * kind a JSON object is), quoting values in messages, and the edit distance behind "did you mean" hints.
 * Documents themselves are decoded by {@link Decoder}.
 */
final class JsonText {
    private JsonText() {
    }

    /** A Jackson factory bounded by the validator's {@link Limits} (depth, number, string and name lengths). */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Limits.MAX_DEPTH + 10)
                    .maxNumberLength(Limits.MAX_NUMBER_CHARS)
                    .maxStringLength(Limits.MAX_STRING_CHARS)
                    .maxNameLength(Limits.MAX_STRING_CHARS)
                    .build())
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

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
}
