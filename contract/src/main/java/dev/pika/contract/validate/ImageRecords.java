package dev.pika.contract.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.model.ImageRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates image records in every shape {@code pika image-record inspect} accepts (CONTRACT.md §6) and returns
 * what they say:
 * <ul>
 *   <li>a standalone image record ({@code RemoteLinuxVmImageRecord});</li>
 *   <li>an execution record ({@code RemoteLinuxVmExecutionRecord}), whose image record is under
 *       {@code incus_image};</li>
 * </ul>
 * A top-level JSON array is one record in serde's positional form ({@code [guest_role, project, alias,
 * fingerprint]}), as the reference reads it (valid with a {@code positional-struct} warning; {@code []} is serde's
 * "invalid length 0, expected struct RemoteLinuxVmImageRecord with 4 elements"). Many records at once are read
 * only in an explicit form: JSON Lines ({@link #inspectLines}), one record per line, each checked exactly as the
 * reference checks a document of its kind (findings carry the file's line numbers).
 * The kind of a record is told from its content unless forced: an object with a {@code backend},
 * {@code phases} or {@code incus_image} field is an execution record, anything else (a positional array too) an
 * image record. The
 * verdict and findings are the validator's ({@link Validator}), with the image record lint of
 * {@link #RULE_ROLE_CUSTOM_ALIAS}, {@link #RULE_ROLE_MISMATCH} and {@link #RULE_FINGERPRINT_FORMAT} (warnings).
 */
public final class ImageRecords {
    private ImageRecords() {
    }

    /** Lint rule: a guest role recorded for an alias that is no role's default (CONTRACT.md §5). */
    public static final String RULE_ROLE_CUSTOM_ALIAS = "recorded-role-custom-alias";
    /** Lint rule: a guest role recorded for the default alias of another role (CONTRACT.md §5). */
    public static final String RULE_ROLE_MISMATCH = "recorded-role-mismatch";
    /** Lint rule: a fingerprint that is not 64 lowercase hex digits (CONTRACT.md §6). */
    public static final String RULE_FINGERPRINT_FORMAT = "fingerprint-format";

    /** Field names that only an execution record has. */
    private static final Set<String> EXECUTION_FIELDS = Set.of("backend", "phases", "incus_image");

    /** Length of the short fingerprint shown in text output (as {@code incus image list} prints it). */
    public static final int SHORT_FINGERPRINT_LENGTH = 12;

    /**
     * One record that decoded (the reference decodes nothing from a rejected record): an image record, or an
     * execution record and the image record it holds, as the model's {@link ImageRecord}.
     *
     * @param line         the line the record starts on (1 for a single document; its line in JSON Lines)
     * @param pointer      the JSON pointer of the record in its document ({@code ""})
     * @param kind         {@link DocumentKind#IMAGE_RECORD} or {@link DocumentKind#EXECUTION_RECORD}
     * @param imagePointer the pointer of the image record ({@code pointer} itself, or {@code …/incus_image}), or
     *                     null when an execution record has no image record ({@code incus_image} missing or null)
     * @param image        the image record (its {@code guest_role} read from the legacy key {@code role} too), or
     *                     null exactly when {@code imagePointer} is
     */
    public record Entry(int line, String pointer, DocumentKind kind, String imagePointer, ImageRecord image) {
        /** @return whether there is an image record (false for an execution record without {@code incus_image}) */
        public boolean hasImage() {
            return image != null;
        }

        /** @return the role whose default alias the image's alias is (after trimming), if any */
        public Optional<GuestRole> impliedRole() {
            return image == null ? Optional.empty() : GuestRole.forDefaultAlias(image.alias());
        }

        /**
         * @return whether the alias is "the role's default": the recorded role's default alias when a role is
         *         recorded, else the default alias of any role; false without an image record
         */
        public boolean usesDefaultAlias() {
            if (image == null) {
                return false;
            }
            return image.guestRole() != null ? image.guestRole().usesDefaultImageAlias(image.alias())
                    : impliedRole().isPresent();
        }

        /** @return the first {@value #SHORT_FINGERPRINT_LENGTH} characters of the fingerprint, or null */
        public String shortFingerprint() {
            String fingerprint = image == null ? null : image.fingerprint();
            if (fingerprint == null) {
                return null;
            }
            return fingerprint.length() <= SHORT_FINGERPRINT_LENGTH ? fingerprint
                    : fingerprint.substring(0, SHORT_FINGERPRINT_LENGTH);
        }
    }

    /**
     * @param report  the findings and verdict; its kind is the document's (for JSON Lines: the records' kind when
     *                they all have one, else {@link DocumentKind#IMAGE_RECORD})
     * @param lines   whether the document was read as JSON Lines (one record per line)
     * @param entries the records that decoded far enough to be shown, in document order
     */
    public record Inspection(ValidationReport report, boolean lines, List<Entry> entries) {
        public Inspection {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Inspects a document held in memory.
     *
     * @param sourceName the name for findings (a path, or {@code <stdin>})
     * @param bytes      the document
     * @param forced     {@link DocumentKind#IMAGE_RECORD} or {@link DocumentKind#EXECUTION_RECORD} to check
     *                   every record as that kind, or null to tell from the content
     * @return the inspection; never throws for bad content
     * @throws IllegalArgumentException when {@code forced} is another kind
     */
    public static Inspection inspect(String sourceName, byte[] bytes, DocumentKind forced) {
        try {
            return inspect(sourceName, new ByteArrayInputStream(bytes), forced);
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
    }

    /**
     * Inspects a document read from a stream (not closed), at most {@link Limits#MAX_DOCUMENT_BYTES} bytes.
     *
     * @param sourceName the name for findings
     * @param in         the document
     * @param forced     the kind to check records as, or null to tell from the content
     * @return the inspection
     * @throws IOException when reading {@code in} fails
     * @throws IllegalArgumentException when {@code forced} is not a record kind
     */
    public static Inspection inspect(String sourceName, InputStream in, DocumentKind forced) throws IOException {
        return inspect(sourceName, in, forced, Limits.DEFAULT);
    }

    /**
     * Inspects a document read from a stream (not closed), at most {@code limits.maxBytes()}.
     *
     * @param sourceName the name for findings
     * @param in         the document
     * @param forced     the kind to check records as, or null to tell from the content
     * @param limits     the byte limit
     * @return the inspection
     * @throws IOException when reading {@code in} fails
     * @throws IllegalArgumentException when {@code forced} is not a record kind
     */
    public static Inspection inspect(String sourceName, InputStream in, DocumentKind forced, Limits limits)
            throws IOException {
        requireRecordKind(forced);
        Collector out = new Collector(sourceName);
        byte[] bytes = Validator.readDocument(in, out, limits);
        if (bytes == null) {
            return new Inspection(new ValidationReport(sourceName, forced == null ? DocumentKind.IMAGE_RECORD
                    : forced, out.findings()), false, List.of());
        }
        DocumentKind docKind = forced != null ? forced : kindOf(bytes, 0, bytes.length);
        List<Entry> entries = new ArrayList<>();
        Node root = Validator.walk(Validator.schema(docKind), out, bytes, 0, bytes.length, 0);
        if (root != null) {
            Validator.rules(docKind).check(root, out);
            entries.add(entry(1, root, docKind));
        }
        return new Inspection(new ValidationReport(sourceName, docKind, out.findings()), false, entries);
    }

    /**
     * Inspects JSON Lines read from a stream (not closed), at most {@code limits.maxBytes()} in all: every line
     * that is not blank is one record (object or positional array), checked exactly as the reference checks a
     * document of its kind; findings carry the line numbers of the file. A bad line does not stop the others.
     *
     * @param sourceName the name for findings
     * @param in         the records, one per line ({@code \n} or {@code \r\n})
     * @param forced     the kind to check records as, or null to tell each line's kind from its content
     * @param limits     the byte limit
     * @return the inspection; its kind is the records' kind when they all have one, else an image record's
     * @throws IOException when reading {@code in} fails
     * @throws IllegalArgumentException when {@code forced} is not a record kind
     */
    public static Inspection inspectLines(String sourceName, InputStream in, DocumentKind forced, Limits limits)
            throws IOException {
        requireRecordKind(forced);
        Collector out = new Collector(sourceName);
        byte[] bytes = Validator.readDocument(in, out, limits);
        List<Entry> entries = new ArrayList<>();
        List<DocumentKind> kinds = new ArrayList<>();
        if (bytes != null) {
            int lineNo = 0;
            for (int pos = 0; pos < bytes.length; ) {
                int nl = pos;
                while (nl < bytes.length && bytes[nl] != '\n') {
                    nl++;
                }
                lineNo++;
                int end = nl > pos && bytes[nl - 1] == '\r' ? nl - 1 : nl;
                if (!blank(bytes, pos, end)) {
                    DocumentKind k = forced != null ? forced : kindOf(bytes, pos, end - pos);
                    kinds.add(k);
                    Node root = Validator.walk(Validator.schema(k), out, bytes, pos, end - pos, lineNo - 1);
                    if (root != null) {
                        Validator.rules(k).check(root, out);
                        entries.add(entry(lineNo, root, k));
                    }
                }
                pos = nl + 1;
            }
        }
        DocumentKind docKind = forced != null ? forced
                : kinds.isEmpty() || kinds.stream().distinct().count() > 1 ? DocumentKind.IMAGE_RECORD
                : kinds.get(0);
        return new Inspection(new ValidationReport(sourceName, docKind, out.findings()), true, entries);
    }

    private static void requireRecordKind(DocumentKind forced) {
        if (forced != null && forced != DocumentKind.IMAGE_RECORD && forced != DocumentKind.EXECUTION_RECORD) {
            throw new IllegalArgumentException("not a record kind: " + forced.id());
        }
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] != ' ' && b[k] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static Entry entry(int line, Node record, DocumentKind kind) {
        Node image = kind == DocumentKind.EXECUTION_RECORD ? record.get("incus_image") : record;
        if (image == null || image.kind() != Node.Kind.OBJECT) {
            return new Entry(line, record.pointer(), kind, null, null);
        }
        // the record decoded, so project and alias are there (required fields) and a role is a known id
        Node role = image.get("guest_role");
        GuestRole guestRole = role == null || role.text() == null ? null : GuestRole.fromId(role.text()).orElse(null);
        return new Entry(line, record.pointer(), kind, image.pointer(), new ImageRecord(guestRole,
                image.textOf("project"), image.textOf("alias"), image.textOf("fingerprint")));
    }

    /**
     * Tells the kind of the record in {@code bytes[off, off+len)} from its field names: an execution record when a
     * top-level object has {@code backend}, {@code phases} or {@code incus_image}, else (a positional array, a
     * syntax error, anything else) an image record. The walk reports any problem itself.
     */
    private static DocumentKind kindOf(byte[] bytes, int off, int len) {
        try (JsonParser p = JsonText.FACTORY.createParser(bytes, off, len)) {
            return p.nextToken() == null ? DocumentKind.IMAGE_RECORD : kindOf(p);
        } catch (IOException e) {
            return DocumentKind.IMAGE_RECORD;
        }
    }

    /** Reads the object at the parser (if it is one) and tells its kind; leaves the parser on its last token. */
    private static DocumentKind kindOf(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return DocumentKind.IMAGE_RECORD;
        }
        boolean execution = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            execution |= EXECUTION_FIELDS.contains(p.currentName());
            p.nextToken();
            p.skipChildren();
        }
        return execution ? DocumentKind.EXECUTION_RECORD : DocumentKind.IMAGE_RECORD;
    }
}
