package dev.pika.contract.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The documents {@code pika validate-*} checks, with the file names that identify them. */
public enum DocumentKind {
    /** {@code result.json}: the terminal result (CONTRACT.md §2). */
    RESULT("result", "runtime terminal result", "result.json"),
    /** {@code status.json}: the status snapshot (CONTRACT.md §2). */
    STATUS("status", "runtime status", "status.json"),
    /** {@code events.jsonl}: the lifecycle event stream, one JSON object per line (CONTRACT.md §2). */
    EVENTS("events", "runtime event stream", "events.jsonl"),
    /** {@code guest-request.json}: the Incus guest run request, schema version 2 (CONTRACT.md §3). */
    REQUEST("request", "Incus guest run request", "guest-request.json"),
    /** A runtime spec (CONTRACT.md §4). */
    SPEC("spec", "runtime spec", "spec.json"),
    /** A standalone image record (CONTRACT.md §6). */
    IMAGE_RECORD("image-record", "image record", "image-record.json"),
    /** An execution record (CONTRACT.md §6). */
    EXECUTION_RECORD("execution-record", "execution record", "execution-record.json");

    private final String id;
    private final String title;
    private final String canonicalFileName;

    DocumentKind(String id, String title, String canonicalFileName) {
        this.id = id;
        this.title = title;
        this.canonicalFileName = canonicalFileName;
    }

    /** @return the id used by {@code --kind} and JSON output, e.g. {@code result} */
    public String id() {
        return id;
    }

    /** @return the reference's name of the document, e.g. {@code runtime terminal result} */
    public String title() {
        return title;
    }

    /** @return the file name that identifies this kind, e.g. {@code result.json} */
    public String canonicalFileName() {
        return canonicalFileName;
    }

    /**
     * @param id a {@code --kind} value
     * @return the kind, or empty
     */
    public static Optional<DocumentKind> fromId(String id) {
        for (DocumentKind k : values()) {
            if (k.id.equals(id)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * @param name a file's base name
     * @return the kind whose canonical file name it is exactly ({@code result.json}, …), or empty
     */
    public static Optional<DocumentKind> fromCanonicalFileName(String name) {
        for (DocumentKind k : values()) {
            if (k.canonicalFileName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The one rule that tells a document's kind from its file name, as {@code pika validate --help} states it;
     * {@link #fromFileName} implements it.
     */
    public static final String FILE_NAME_RULE = "A file's kind comes from its name (letter case ignored): a name "
            + "ending in .jsonl is an event stream; otherwise the name must end in .json, and the words of the rest "
            + "(split at -, _ and .) must name exactly one kind: result, status, events, request (or "
            + "guest-request), spec, image-record or execution-record. So result.json, my-result.json, "
            + "result-exit9.json, runtime-spec.json and guest-request-v1.json are recognised; notes.json, "
            + "results.json and status-vs-result.json (two kinds) need --kind.";

    /**
     * The words of each kind's file names ({@link #FILE_NAME_RULE}), in declaration order.
     *
     * @return the kind's words; a multi-word name is joined by {@code -}
     */
    private List<String> nameWords() {
        return switch (this) {
            case REQUEST -> List.of("request", "guest-request");
            default -> List.of(id);
        };
    }

    /**
     * Tells the kind from a file name by {@link #FILE_NAME_RULE}.
     *
     * @param fileName the base name of a file
     * @return the kind, or empty when the name names no kind or two kinds
     */
    public static Optional<DocumentKind> fromFileName(String fileName) {
        List<DocumentKind> kinds = namedBy(fileName);
        return kinds.size() == 1 ? Optional.of(kinds.get(0)) : Optional.empty();
    }

    /**
     * @param fileName the base name of a file
     * @return every kind whose words the name contains by {@link #FILE_NAME_RULE} (more than one: ambiguous)
     */
    public static List<DocumentKind> namedBy(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl")) {
            return List.of(EVENTS);
        }
        if (!n.endsWith(".json")) {
            return List.of();
        }
        String words = "-" + n.substring(0, n.length() - ".json".length()).replace('_', '-').replace('.', '-') + "-";
        List<DocumentKind> found = new ArrayList<>();
        for (DocumentKind k : values()) {
            for (String w : k.nameWords()) {
                if (words.contains("-" + w + "-") && !found.contains(k)) {
                    found.add(k);
                }
            }
        }
        return found;
    }
}
