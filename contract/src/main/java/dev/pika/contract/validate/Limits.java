package dev.pika.contract.validate;

/** Size limits that keep hostile input from exhausting memory; exceeding one is a finding, never a crash. */
public final class Limits {
    private Limits() {
    }

    /** Largest single document (result, status, request, spec, record) read, in bytes: 16 MiB. */
    public static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    /** Longest line of an event stream, in bytes: 16 MiB. */
    public static final int MAX_EVENT_LINE_BYTES = 16 * 1024 * 1024;
}
