package dev.pika.contract.validate;

import dev.pika.contract.ContractConstants;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.model.ValueRules;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks that look at decoded values, run after the type walk: the guest's own request checks (CONTRACT.md §3),
 * the runtime spec's five validation rules (§4) — both errors, as the reference rejects them — and the lint the
 * contract implies for lifecycle documents (§2), which are warnings.
 */
final class Rules {
    private Rules() {
    }

    /** A value check for one document kind. */
    interface DocumentRules {
        /**
         * @param root the document's node (never null)
         * @param out  where findings go
         */
        void check(Node root, Collector out);
    }

    static final DocumentRules NONE = (root, out) -> { };

    /**
     * @return true when {@code s} is an RFC 3339 date-time ({@code 2026-03-25T20:00:00Z}, {@code …+05:30}):
     *     {@code YYYY-MM-DD}, {@code T}/{@code t}/space, {@code hh:mm:ss} (second 60 allowed: leap second),
     *     1–9 fraction digits, {@code Z}/{@code z} or {@code ±hh:mm} (at most ±18:00, as java.time), and a real
     *     calendar date (proleptic Gregorian leap years). Hand-written: it runs once per event line, and a
     *     regex plus {@code OffsetDateTime.parse} cost more than the whole JSON walk (bench/RESULTS.md).
     */
    static boolean isRfc3339(String s) {
        int n = s.length();
        if (n < 20 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 2) || s.charAt(7) != '-'
                || !digits(s, 8, 2) || !digits(s, 11, 2) || s.charAt(13) != ':' || !digits(s, 14, 2)
                || s.charAt(16) != ':' || !digits(s, 17, 2)) {
            return false;
        }
        char sep = s.charAt(10);
        if (sep != 'T' && sep != 't' && sep != ' ') {
            return false;
        }
        int i = 19;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 9 || i == n) {
                return false;
            }
        }
        char z = s.charAt(i);
        if (z == 'Z' || z == 'z') {
            if (i + 1 != n) {
                return false;
            }
        } else if (z == '+' || z == '-') {
            if (n - i != 6 || !digits(s, i + 1, 2) || s.charAt(i + 3) != ':' || !digits(s, i + 4, 2)) {
                return false;
            }
            int offsetMinutes = number(s, i + 4, 2);
            if (offsetMinutes > 59 || number(s, i + 1, 2) * 60 + offsetMinutes > 18 * 60) {
                return false;
            }
        } else {
            return false;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
                && number(s, 11, 2) <= 23 && number(s, 14, 2) <= 59 && number(s, 17, 2) <= 60;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean digits(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    static void lifecycleSchemaVersion(Node root, Collector out) {
        Node v = root.get("schema_version");
        if (v != null && v.integer() != null
                && !v.integer().equals(BigInteger.valueOf(ContractConstants.LIFECYCLE_SCHEMA_VERSION))) {
            out.warning("schema-version", v, "schema_version is " + v.integer() + "; lifecycle documents are "
                    + "version " + ContractConstants.LIFECYCLE_SCHEMA_VERSION + " (the reference decodes it anyway)",
                    "writers always stamp " + ContractConstants.LIFECYCLE_SCHEMA_VERSION + " (CONTRACT.md §2)");
        }
    }

    static void timestamp(Node root, String field, Collector out) {
        Node t = root.get(field);
        if (t != null && t.text() != null && !isRfc3339(t.text())) {
            out.warning("timestamp-format", t, "`" + field + "` = \"" + t.text() + "\" is not an RFC 3339 "
                    + "date-time", "writers produce e.g. 2026-03-25T20:00:00Z or 2026-03-25T20:00:00+00:00");
        }
    }

    /** result.json lint (CONTRACT.md §2). */
    static final DocumentRules RESULT = (root, out) -> {
        lifecycleSchemaVersion(root, out);
        timestamp(root, "finished_at", out);
        Node status = root.get("status");
        Node code = root.get("exit_code");
        if (status != null && status.text() != null && code != null && code.integer() != null) {
            boolean zero = code.integer().signum() == 0;
            if ("completed".equals(status.text()) && !zero) {
                out.warning("status-exit-code", status, "status `completed` with exit_code " + code.integer()
                        + ": the factory gives `failed` for a non-zero exit code",
                        "exit code 0 → completed, anything else → failed (CONTRACT.md §2)");
            } else if ("failed".equals(status.text()) && zero) {
                out.warning("status-exit-code", status, "status `failed` with exit_code 0: the factory gives "
                        + "`completed` for exit code 0", "exit code 0 → completed, anything else → failed "
                        + "(CONTRACT.md §2)");
            }
        }
    };

    /** status.json lint (CONTRACT.md §2). */
    static final DocumentRules STATUS = (root, out) -> {
        lifecycleSchemaVersion(root, out);
        timestamp(root, "updated_at", out);
    };

    /** One event's lint; the stream's {@code seq} order is checked by the stream reader. */
    static final DocumentRules EVENT = (root, out) -> {
        lifecycleSchemaVersion(root, out);
        timestamp(root, "timestamp", out);
    };

    /** The guest's own checks on a decoded v2 request (CONTRACT.md §3): errors ({@link ValueRules#guestRequest}). */
    static final DocumentRules REQUEST = (root, out) -> ValueRules.guestRequest(values(root), report(root, out));

    /**
     * The runtime spec's validation rules 1–5, in the reference's order (CONTRACT.md §4): errors
     * ({@link ValueRules#runtimeSpec}); then the lint about the removed {@code bootstrap}.
     */
    static final DocumentRules SPEC = (root, out) -> {
        ValueRules.runtimeSpec(values(root), report(root, out));
        legacyBootstrap(root, out);
    };

    /** @return the node at an RFC 6901 pointer below {@code root} (plain field names and indexes), or null */
    static Node at(Node root, String pointer) {
        Node n = root;
        for (String segment : pointer.substring(1).split("/")) {
            if (n == null || segment.isEmpty()) {
                return segment.isEmpty() ? n : null;
            }
            if (n.kind() == Node.Kind.ARRAY) {
                List<Node> items = n.items();
                int i = Integer.parseInt(segment);
                n = i < items.size() ? items.get(i) : null;
            } else {
                n = n.get(segment);
            }
        }
        return n;
    }

    /** @return the value rules' view of a validated document */
    static ValueRules.Values values(Node root) {
        return new ValueRules.Values() {
            @Override
            public String text(String pointer) {
                Node n = at(root, pointer);
                return n == null ? null : n.text();
            }

            @Override
            public BigInteger integer(String pointer) {
                Node n = at(root, pointer);
                return n == null ? null : n.integer();
            }

            @Override
            public int size(String pointer) {
                Node n = at(root, pointer);
                return n == null ? 0 : n.items().size();
            }
        };
    }

    /** @return a sink turning value rule violations into findings at the value they name */
    static Consumer<ValueRules.Violation> report(Node root, Collector out) {
        return v -> {
            Node n = at(root, v.shownAt());
            out.add(v.rule(), n != null ? n : root, v.message(), v.hint());
        };
    }

    private static void legacyBootstrap(Node root, Collector out) {
        Node bootstrap = root.get("bootstrap");
        if (bootstrap == null) {
            return;
        }
        Node cmd = bootstrap.get("entry_command");
        if (cmd != null && cmd.text() != null && root.get("entry_command") == null) {
            out.warning("legacy-entry-command-lost", cmd, "the reference ignores `bootstrap`, so this spec's "
                    + "entry command `" + cmd.text() + "` is lost", "set the top-level `entry_command` to `"
                    + cmd.text() + "` (CONTRACT.md §4)");
        }
    }

    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

    /**
     * Image record lint (CONTRACT.md §5–§6), all warnings since the reference accepts these records:
     * {@value ImageRecords#RULE_ROLE_CUSTOM_ALIAS} (a role recorded for an alias that is no role's default: the
     * reference never writes that), {@value ImageRecords#RULE_ROLE_MISMATCH} (a role recorded for the default
     * alias of the other role) — both at the role's value — and {@value ImageRecords#RULE_FINGERPRINT_FORMAT} (a
     * fingerprint that is not 64 lowercase hex digits, at the fingerprint's value).
     */
    static final DocumentRules IMAGE_RECORD = Rules::imageRecord;

    private static void imageRecord(Node root, Collector out) {
        Node role = root.get("guest_role");
        Node alias = root.get("alias");
        if (role != null && role.text() != null && alias != null && alias.text() != null) {
            GuestRole recorded = GuestRole.fromId(role.text()).orElse(null);
            GuestRole implied = GuestRole.forDefaultAlias(alias.text()).orElse(null);
            if (recorded != null && implied == null) {
                out.warning(ImageRecords.RULE_ROLE_CUSTOM_ALIAS, role, "guest role `" + recorded.id()
                        + "` is recorded for the custom alias " + JsonText.quote(alias.text()) + ": the reference "
                        + "records a role only when the alias is the role's default (`"
                        + recorded.defaultImageAlias() + "`)", "a custom alias suppresses the role to avoid "
                        + "misattribution (CONTRACT.md §5): drop `" + segment(role) + "`, or use the alias `"
                        + recorded.defaultImageAlias() + "`");
            } else if (recorded != null && implied != recorded) {
                out.warning(ImageRecords.RULE_ROLE_MISMATCH, role, "guest role `" + recorded.id()
                        + "` disagrees with the alias " + JsonText.quote(alias.text()) + ", the default alias of `"
                        + implied.id() + "`", "the reference records the role whose default alias is in use "
                        + "(CONTRACT.md §5): the role should be `" + implied.id() + "`, or the alias `"
                        + recorded.defaultImageAlias() + "`");
            }
        }
        Node fingerprint = root.get("fingerprint");
        if (fingerprint != null && fingerprint.text() != null && !FINGERPRINT.matcher(fingerprint.text()).matches()) {
            String fp = fingerprint.text();
            String why = fp.length() == 64 && fp.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                    ? "uses upper-case hex digits; Incus fingerprints are lower case"
                    : "is not 64 lowercase hex digits (" + fp.length() + " characters)";
            out.warning(ImageRecords.RULE_FINGERPRINT_FORMAT, fingerprint, "fingerprint " + JsonText.quote(fp) + " "
                    + why + ": an Incus image fingerprint is the image's SHA-256", "take it from `incus image list "
                    + "--project P ALIAS --format json`, or write the record with `pika image-record from-incus` "
                    + "(CONTRACT.md §6)");
        }
    }

    /** @return the field name a node was written under (e.g. {@code role} for the legacy alias of guest_role) */
    private static String segment(Node n) {
        String p = n.pointer();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** Execution record checks delegate to the nested image record. */
    static final DocumentRules EXECUTION_RECORD = (root, out) -> {
        Node image = root.get("incus_image");
        if (image != null && image.kind() == Node.Kind.OBJECT) {
            IMAGE_RECORD.check(image, out);
        }
    };
}
