package dev.pika.contract.validate;

import dev.pika.contract.Severity;
import dev.pika.contract.model.ValueRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Validates contract documents. The verdict (any {@link Severity#ERROR} finding = invalid) equals the reference
 * decoder's, plus the guest's request checks and the spec's validation rules; everything else the contract implies
 * is a {@link Severity#WARNING}. Findings are located: line and column of the offending token, and its JSON pointer;
 * a decoder error ends where serde_json reports it. The decoding is {@link Decoder}'s (a port of serde_json), proven
 * against the real serde_json by {@code SerdeConformanceTest}; like serde, it stops at the first error.
 *
 * <p>Single documents are read whole, up to {@link Limits#maxBytes()} (default 16 MiB); event streams are read
 * line by line in constant memory (lines up to the same limit). An input over a limit is not checked
 * ({@link LimitExceededException}).
 */
public final class Validator {
    private Validator() {
    }

    /**
     * Validates a document held in memory, with the {@link Limits#DEFAULT default limits}.
     *
     * @param kind       what the document is
     * @param sourceName the name to put in findings (a path, or {@code <stdin>})
     * @param bytes      the document's bytes (UTF-8 JSON; for {@link DocumentKind#EVENTS}, JSON Lines)
     * @return the report; never throws for bad content
     */
    public static ValidationReport validate(DocumentKind kind, String sourceName, byte[] bytes) {
        return validate(kind, sourceName, bytes, Limits.DEFAULT);
    }

    /**
     * Validates a document held in memory.
     *
     * @param kind       what the document is
     * @param sourceName the name to put in findings
     * @param bytes      the document's bytes
     * @param limits     the byte limit for the document (or each event line)
     * @return the report; never throws for bad content
     */
    public static ValidationReport validate(DocumentKind kind, String sourceName, byte[] bytes, Limits limits) {
        try {
            return validate(kind, sourceName, new ByteArrayInputStream(bytes), limits);
        } catch (LimitExceededException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
    }

    /**
     * Validates a document read from a stream (not closed by this method), with the {@link Limits#DEFAULT
     * default limits}.
     *
     * @param kind       what the document is
     * @param sourceName the name to put in findings
     * @param in         the bytes; single documents are read to the end (at most
     *                   {@link Limits#MAX_DOCUMENT_BYTES} + 1 bytes), event streams line by line
     * @return the report
     * @throws IOException only when reading {@code in} fails (the input is unreadable, not invalid)
     */
    public static ValidationReport validate(DocumentKind kind, String sourceName, InputStream in)
            throws IOException {
        return validate(kind, sourceName, in, Limits.DEFAULT);
    }

    /**
     * Validates a document read from a stream (not closed by this method). Reading stops at the limit: a single
     * document is read up to {@code limits.maxBytes() + 1} bytes, an event stream line by line until a line longer
     * than {@code limits.maxBytes()} (the rest of the stream is not read, so an endless line cannot hang the
     * check); either is then not checked ({@link LimitExceededException}), as is a document with more than
     * {@link Limits#MAX_VALUES} kept values.
     *
     * @param kind       what the document is
     * @param sourceName the name to put in findings
     * @param in         the bytes
     * @param limits     the byte limit
     * @return the report
     * @throws LimitExceededException when the input is over a limit: not checked (CLI: exit 2)
     * @throws IOException only when reading {@code in} fails (the input is unreadable, not invalid)
     */
    public static ValidationReport validate(DocumentKind kind, String sourceName, InputStream in, Limits limits)
            throws IOException {
        return validate(kind, sourceName, in, limits, null);
    }

    /**
     * As {@link #validate(DocumentKind, String, InputStream, Limits)}, and tells {@code listener} of each finding
     * of an event stream as soon as it is final (after each line), so a live or endless stream shows its findings
     * before it ends. An event stream is not read past the line at which {@link Collector#MAX_FINDINGS} findings
     * are kept: the report then ends with a {@code too-many-findings} finding saying where reading stopped.
     *
     * @param kind       what the document is
     * @param sourceName the name to put in findings
     * @param in         the bytes
     * @param limits     the byte limit
     * @param listener   told of each event-stream finding once, in order, or null; single documents only report
     * @return the report (every finding, the published ones included)
     * @throws LimitExceededException when the input is over a limit: not checked (CLI: exit 2)
     * @throws IOException only when reading {@code in} fails (the input is unreadable, not invalid)
     */
    public static ValidationReport validate(DocumentKind kind, String sourceName, InputStream in, Limits limits,
                                            java.util.function.Consumer<dev.pika.contract.Finding> listener)
            throws IOException {
        Collector out = new Collector(sourceName, listener);
        if (kind == DocumentKind.EVENTS) {
            new EventStream(out, limits).read(in);
        } else {
            int[] length = new int[1];
            byte[] bytes = readBounded(in, limits.maxBytes(), length);
            if (length[0] > limits.maxBytes()) {
                throw tooLarge(limits);
            }
            Node root;
            try {
                root = new Decoder(bytes, 0, length[0], out, 0, false).document(schema(kind));
            } catch (Decoder.LimitReached e) {
                throw new LimitExceededException(e.getMessage(), null);
            }
            if (root != null) {
                rules(kind).check(root, out);
            }
        }
        return new ValidationReport(sourceName, kind, out.findings());
    }

    /**
     * Reads at most {@code max + 1} bytes into one array, sized by {@code available()} for files, that grows by
     * doubling (the peak is the array and its
     * previous half, not the chunk list and a copy of {@code InputStream.readNBytes}); {@code length[0]} is set to
     * the number of bytes read.
     */
    private static byte[] readBounded(InputStream in, int max, int[] length) throws IOException {
        long cap = (long) max + 1;
        // a file says how big it is: one array of the right size (plus the byte that shows the end)
        long hint = Math.max(1 << 16, (long) in.available() + 1);
        byte[] buf = new byte[(int) Math.min(cap, hint)];
        int len = 0;
        while (true) {
            if (len == buf.length) {
                if (len >= cap) {
                    break;
                }
                buf = java.util.Arrays.copyOf(buf, (int) Math.min(cap, buf.length * 2L));
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                break;
            }
            len += n;
        }
        length[0] = len;
        return buf;
    }

    private static LimitExceededException tooLarge(Limits limits) {
        return new LimitExceededException("the document is larger than " + limits.describe()
                + ", the most pika reads for one document", "--max-bytes");
    }

    /**
     * Reads a single document whole, at most {@code limits.maxBytes() + 1} bytes.
     *
     * @return its bytes
     * @throws LimitExceededException when it is larger than the limit (the input is not checked)
     */
    static byte[] readDocument(InputStream in, Collector out, Limits limits) throws IOException {
        byte[] bytes = in.readNBytes(limits.maxBytes() + 1);
        if (bytes.length > limits.maxBytes()) {
            throw tooLarge(limits);
        }
        return bytes;
    }

    /**
     * Checks bytes against one contract type without any value rules: the decoder's verdict alone. Used for the
     * types that are not documents of their own ({@code RuntimeMount}, {@code IncusGuestRole}, …).
     *
     * @param type       a type from {@link Schemas}
     * @param sourceName the name to put in findings
     * @param bytes      one JSON value
     * @return the findings
     */
    public static List<dev.pika.contract.Finding> checkType(Schema.Type type, String sourceName, byte[] bytes) {
        Collector out = new Collector(sourceName);
        walk(type, out, bytes, 0, bytes.length, 0);
        return out.findings();
    }

    /**
     * The host's {@code validate_canonical_paths}: a {@code RuntimeArtifactPaths} value must use the canonical
     * lifecycle paths (CONTRACT.md §2). Decoder findings come first; the canonical check runs on a decoded value.
     *
     * @param prefix     the name the reference puts before the field, e.g. {@code artifacts}
     * @param sourceName the name to put in findings
     * @param bytes      one {@code RuntimeArtifactPaths} JSON object
     * @return the findings; errors read {@code PREFIX.status_path must use canonical path "…", got "…"}
     */
    public static List<dev.pika.contract.Finding> checkCanonicalArtifactPaths(String prefix, String sourceName,
                                                                             byte[] bytes) {
        Collector out = new Collector(sourceName);
        Node root = walk(Schemas.RUNTIME_ARTIFACT_PATHS, out, bytes, 0, bytes.length, 0);
        if (root != null) {
            ValueRules.canonicalArtifactPaths(prefix, Rules.values(root), Rules.report(root, out));
        }
        return out.findings();
    }

    static Schema.Obj schema(DocumentKind kind) {
        return switch (kind) {
            case RESULT -> Schemas.TERMINAL_RESULT;
            case STATUS -> Schemas.LIFECYCLE_STATUS;
            case EVENTS -> Schemas.LIFECYCLE_EVENT;
            case REQUEST -> Schemas.GUEST_RUN_REQUEST;
            case SPEC -> Schemas.RUNTIME_SPEC;
            case IMAGE_RECORD -> Schemas.IMAGE_RECORD;
            case EXECUTION_RECORD -> Schemas.EXECUTION_RECORD;
        };
    }

    static Rules.DocumentRules rules(DocumentKind kind) {
        return switch (kind) {
            case RESULT -> Rules.RESULT;
            case STATUS -> Rules.STATUS;
            case EVENTS -> Rules.EVENT;
            case REQUEST -> Rules.REQUEST;
            case SPEC -> Rules.SPEC;
            case IMAGE_RECORD -> Rules.IMAGE_RECORD;
            case EXECUTION_RECORD -> Rules.EXECUTION_RECORD;
        };
    }

    /**
     * Walks one JSON value in {@code bytes[off, off+len)}.
     *
     * @param lineBase added to line numbers (stream line - 1 for events)
     * @return the root node, or null when the value was unusable
     */
    static Node walk(Schema.Type type, Collector out, byte[] bytes, int off, int len, int lineBase) {
        try {
            return new Decoder(bytes, off, len, out, lineBase, false).document(type);
        } catch (Decoder.LimitReached e) {
            out.add(Severity.ERROR, "limit-exceeded", 0, 0, 0, 0, "", "not checked: " + e.getMessage(), null);
            return null;
        }
    }

    /**
     * Reads an event stream as the reference does (CONTRACT.md §2), line by line in constant memory: the whole
     * stream must be UTF-8 (else {@code stream did not contain valid UTF-8}), lines end at {@code \n} only (a
     * {@code \r} right before it belongs to the line break), lines whose Rust {@code trim()} is empty are skipped,
     * and every other line is one {@code LifecycleEvent} ({@code from_str}); the first bad line ends the check.
     */
    private static final class EventStream {
        private final Collector out;
        private final Limits limits;
        private final int maxLine;
        private byte[] buf;
        /** The previous event's {@code seq} (an integer node), or null. */
        private Node prevSeq;
        private int prevSeqLine;

        EventStream(Collector out, Limits limits) {
            this.out = out;
            this.limits = limits;
            this.maxLine = limits.maxBytes();
            this.buf = new byte[Math.min(1 << 16, maxLine + 1)];
        }

        void read(InputStream in) throws IOException {
            int len = 0;
            int pos = 0;
            int lineNo = 0;
            boolean eof = false;
            int scanFrom = 0;
            while (true) {
                int nl = -1;
                for (int k = scanFrom; k < len; k++) {
                    if (buf[k] == '\n') {
                        nl = k;
                        break;
                    }
                }
                if (nl < 0 && !eof) {
                    if (len - pos > maxLine) {
                        throw lineTooLong(lineNo + 1);
                    }
                    if (pos > 0) {
                        System.arraycopy(buf, pos, buf, 0, len - pos);
                        len -= pos;
                        pos = 0;
                    }
                    if (len == buf.length) {
                        buf = java.util.Arrays.copyOf(buf, (int) Math.min((long) maxLine + 2, buf.length * 2L));
                    }
                    scanFrom = len;
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        eof = true;
                    } else {
                        len += n;
                    }
                    continue;
                }
                if (nl < 0 && pos == len) {
                    return;
                }
                int lineEnd = nl < 0 ? len : nl;
                lineNo++;
                if (lineEnd - pos > maxLine) {
                    throw lineTooLong(lineNo);
                }
                int contentEnd = lineEnd;
                if (nl >= 0 && contentEnd > pos && buf[contentEnd - 1] == '\r') {
                    contentEnd--;
                }
                boolean more = line(lineNo, pos, contentEnd - pos);
                out.publish();
                if (!more) {
                    return;
                }
                pos = nl < 0 ? len : nl + 1;
                scanFrom = pos;
                if (out.full() && !(eof && pos == len)) {
                    // an endless or hostile stream: the findings cap ends the read, not the input
                    out.stopped(lineNo);
                    return;
                }
            }
        }

        private LimitExceededException lineTooLong(int lineNo) {
            return new LimitExceededException("line " + lineNo + " of the event stream is longer than "
                    + limits.describe() + ", the most pika reads for one event line", "--max-bytes");
        }

        /** @return false when the stream's check is over (the reference stops at the first bad line) */
        private boolean line(int lineNo, int off, int len) throws LimitExceededException {
            int bad = Decoder.Utf8.firstInvalid(buf, off, off + len);
            if (bad >= 0) {
                out.add(Severity.ERROR, "encoding", lineNo, bad - off + 1, lineNo, bad - off + 1, "",
                        "stream did not contain valid UTF-8 (line " + lineNo + ", byte " + (bad - off + 1)
                                + "): the reference reads the whole event stream as UTF-8 text first", null);
                return false;
            }
            if (blank(off, len)) {
                return true;
            }
            int errors = out.errorCount();
            Decoder d = new Decoder(buf, off, len, out, lineNo - 1, true, false);
            Node event;
            try {
                event = d.document(Schemas.LIFECYCLE_EVENT);
            } catch (Decoder.LimitReached e) {
                throw new LimitExceededException("line " + lineNo + ": " + e.getMessage(), null);
            }
            if (event == null || out.errorCount() != errors) {
                return false;
            }
            check(event, lineNo);
            return true;
        }

        /** The value rules of one decoded event, and the stream's seq order. */
        private void check(Node event, int lineNo) {
            Rules.EVENT.check(event, out);
            Node seq = event.get("seq");
            if (seq == null || seq.kind() != Node.Kind.INTEGER) {
                return;
            }
            if (prevSeq != null && seq.compareInteger(prevSeq) <= 0) {
                out.warning("seq-order", seq, "seq " + seq.integer() + " is not greater than the previous "
                        + "event's seq " + prevSeq.integer() + " (line " + prevSeqLine + ")",
                        "the reference writer assigns seq 1, 2, 3… under a file lock (CONTRACT.md §2)");
            }
            prevSeq = seq;
            prevSeqLine = lineNo;
        }

        /** Rust's {@code str::trim().is_empty()}: ASCII whitespace, plus Unicode White_Space when non-ASCII. */
        private boolean blank(int off, int len) {
            boolean ascii = true;
            for (int i = off; i < off + len; i++) {
                byte c = buf[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x0B || c == 0x0C) {
                    continue;
                }
                if (c < 0) {
                    ascii = false;
                    continue;
                }
                return false;
            }
            if (ascii) {
                return true;
            }
            return dev.pika.contract.model.RustText.isBlank(
                    new String(buf, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
