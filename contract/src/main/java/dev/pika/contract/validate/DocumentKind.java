package dev.pika.contract.validate;

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
     * Guesses the kind from a file name: the canonical names ({@code result.json}, {@code status.json},
     * {@code events.jsonl}, {@code guest-request.json}) and, failing those, a name that starts with
     * {@code result}, {@code status}, {@code events} or {@code guest-request}/{@code request}, or ends in
     * {@code .jsonl} (an event stream).
     *
     * @param fileName the base name of a file
     * @return the kind, or empty when the name says nothing
     */
    public static Optional<DocumentKind> fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (DocumentKind k : values()) {
            if (n.equals(k.canonicalFileName)) {
                return Optional.of(k);
            }
        }
        if (n.endsWith(".jsonl")) {
            return Optional.of(EVENTS);
        }
        if (!n.endsWith(".json")) {
            return Optional.empty();
        }
        if (n.startsWith("result")) {
            return Optional.of(RESULT);
        }
        if (n.startsWith("status")) {
            return Optional.of(STATUS);
        }
        if (n.startsWith("guest-request") || n.startsWith("request")) {
            return Optional.of(REQUEST);
        }
        if (n.startsWith("spec") || n.startsWith("runtime-spec")) {
            return Optional.of(SPEC);
        }
        return Optional.empty();
    }
}
