package dev.pika.contract.validate;

import com.fasterxml.jackson.core.JsonParser;
import dev.pika.contract.Severity;
import dev.pika.contract.model.ValueRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.List;

/**
 * Validates contract documents. The verdict (any {@link Severity#ERROR} finding = invalid) equals the reference
 * decoder's, plus the guest's request checks and the spec's validation rules; everything else the contract implies
 * is a {@link Severity#WARNING}. Findings are located: line and column of the offending token, and its JSON pointer.
 *
 * <p>Single documents are read whole, up to {@link Limits#maxBytes()} (default 16 MiB); event streams are read
 * line by line in constant memory (lines up to the same limit). The other {@link Limits} are fixed.
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
     * document is read up to {@code limits.maxBytes() + 1} bytes ({@code document-too-large} beyond), an event
     * stream line by line until a line longer than {@code limits.maxBytes()} ({@code line-too-long}; the rest of
     * the stream is not read, so an endless line cannot hang the check).
     *
     * @param kind       what the document is
     * @param sourceName the name to put in findings
     * @param in         the bytes
     * @param limits     the byte limit
     * @return the report
     * @throws IOException only when reading {@code in} fails (the input is unreadable, not invalid)
     */
    public static ValidationReport validate(DocumentKind kind, String sourceName, InputStream in, Limits limits)
            throws IOException {
        Collector out = new Collector(sourceName);
        if (kind == DocumentKind.EVENTS) {
            new EventStream(out, limits).read(in);
        } else {
            // Streamed, not read whole: memory stays at Jackson's buffers plus the values kept for the rules.
            Bounded bounded = new Bounded(in, limits.maxBytes());
            try {
                Node root = walk(schema(kind), out, bounded);
                if (root != null) {
                    rules(kind).check(root, out);
                }
            } catch (Bounded.LimitReached e) {
                out = new Collector(sourceName);
                tooLarge(out, limits);
            }
        }
        return new ValidationReport(sourceName, kind, out.findings());
    }

    private static void tooLarge(Collector out, Limits limits) {
        out.add(Severity.ERROR, "document-too-large", 0, 0, 0, 0, "", "the document is larger than "
                + limits.describe() + ", the most pika reads for one document; nothing after that was read",
                "raise the limit with --max-bytes (e.g. --max-bytes 64M)");
    }

    /** Passes at most {@code max} bytes through, then fails with {@link LimitReached}; never closes its source. */
    private static final class Bounded extends java.io.FilterInputStream {
        /** The source has more than {@code max} bytes. */
        static final class LimitReached extends IOException {
            private static final long serialVersionUID = 1L;

            LimitReached() {
                super("input larger than the limit", null);
            }
        }

        private final int max;
        private long count;

        Bounded(InputStream in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // ask for one byte past the limit, so a document of exactly max bytes ends cleanly
            long room = max + 1L - count;
            int n = in.read(b, off, (int) Math.min(len, Math.max(room, 1)));
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw new LimitReached();
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the caller owns the source
        }
    }

    /** Walks one JSON document read from a stream; JSON problems become findings, read failures are thrown. */
    private static Node walk(Schema.Type type, Collector out, InputStream in) throws IOException {
        byte[] head = in.readNBytes(4);
        if (!encodingOk(out, head, 0, head.length, 0)) {
            return null;
        }
        InputStream whole = new java.io.SequenceInputStream(new ByteArrayInputStream(head), in);
        try (JsonParser p = Walker.FACTORY.createParser(whole)) {
            return new Walker(p, out, 0).document(type);
        }
    }

    /**
     * Reads a single document whole, at most {@code limits.maxBytes() + 1} bytes.
     *
     * @return its bytes, or null (with a {@code document-too-large} finding) when it is larger than the limit
     */
    static byte[] readDocument(InputStream in, Collector out, Limits limits) throws IOException {
        byte[] bytes = in.readNBytes(limits.maxBytes() + 1);
        if (bytes.length > limits.maxBytes()) {
            tooLarge(out, limits);
            return null;
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
        return walk(out, bytes, off, len, lineBase, w -> w.document(type));
    }

    /** How a walk reads its document ({@link Walker#document}, {@link Walker#documentArray}). */
    interface WalkBody {
        Node walk(Walker w) throws IOException;
    }

    /** Like {@link #walk(Schema.Type, Collector, byte[], int, int, int)}, with the walker's entry point given. */
    static Node walk(Collector out, byte[] bytes, int off, int len, int lineBase, WalkBody body) {
        if (!encodingOk(out, bytes, off, len, lineBase)) {
            return null;
        }
        try (JsonParser p = Walker.FACTORY.createParser(bytes, off, len)) {
            return body.walk(new Walker(p, out, lineBase));
        } catch (IOException e) {
            // Only JSON problems can arise from a byte array, and the walker reports those itself.
            out.add(Severity.ERROR, "syntax-error", lineBase + 1, 0, lineBase + 1, 0, "", String.valueOf(
                    e.getMessage()), null);
            return null;
        }
    }

    /**
     * serde_json reads UTF-8 only and rejects any byte order mark; Jackson would auto-detect UTF-16/32 and skip a
     * UTF-8 BOM, so these are caught before the parser sees them.
     */
    private static boolean encodingOk(Collector out, byte[] b, int off, int len, int lineBase) {
        String problem = null;
        if (len >= 3 && (b[off] & 0xff) == 0xEF && (b[off + 1] & 0xff) == 0xBB && (b[off + 2] & 0xff) == 0xBF) {
            problem = "the input starts with a UTF-8 byte order mark, which the reference decoder rejects";
        } else if (len >= 2 && (((b[off] & 0xff) == 0xFE && (b[off + 1] & 0xff) == 0xFF)
                || ((b[off] & 0xff) == 0xFF && (b[off + 1] & 0xff) == 0xFE))) {
            problem = "the input starts with a UTF-16/32 byte order mark: documents must be UTF-8 JSON";
        } else {
            for (int i = 0; i < Math.min(len, 4); i++) {
                if (b[off + i] == 0) {
                    problem = "NUL byte at offset " + i + ": documents must be UTF-8 JSON (is this UTF-16 or "
                            + "UTF-32?)";
                    break;
                }
            }
        }
        if (problem == null) {
            return true;
        }
        out.add(Severity.ERROR, "encoding", lineBase + 1, 1, lineBase + 1, 1, "", problem, null);
        return false;
    }

    /** Reads an event stream line by line: constant memory, 1-based stream line numbers in findings. */
    private static final class EventStream {
        private final Collector out;
        private final int maxLine;
        private final String maxLineText;
        private byte[] buf;
        private BigInteger prevSeq;
        private int prevSeqLine;

        EventStream(Collector out, Limits limits) {
            this.out = out;
            this.maxLine = limits.maxBytes();
            this.maxLineText = limits.describe();
            // one byte more than the limit: a line of exactly maxLine bytes still fits with its newline
            this.buf = new byte[Math.min(1 << 16, maxLine + 1)];
        }

        /**
         * Reads the stream. Each buffer of complete lines is first parsed with one parser (fast: no parser per
         * line); if anything in it is not a clean one-event-per-line run — an error, two values on a line, a value
         * across lines — its findings are dropped and the same lines are checked one by one, so the findings are
         * always exactly those of a line-by-line read.
         */
        void read(InputStream in) throws IOException {
            int len = 0;
            int pos = 0;
            int lineNo = 0;
            int scanFrom = 0;
            boolean eof = false;
            while (true) {
                int last = -1;
                for (int i = len - 1; i >= scanFrom; i--) {
                    if (buf[i] == '\n') {
                        last = i;
                        break;
                    }
                }
                if (last >= 0) {
                    lineNo = lines(lineNo, pos, last + 1);
                    pos = last + 1;
                    scanFrom = pos;
                    continue;
                }
                if (eof) {
                    if (pos < len) {
                        lines(lineNo, pos, len);
                    }
                    return;
                }
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, len - pos);
                    len -= pos;
                    pos = 0;
                }
                scanFrom = len;
                if (len == buf.length) {
                    if (len > maxLine) {
                        int ln = lineNo + 1;
                        out.add(Severity.ERROR, "line-too-long", ln, 1, ln, 1, "", "line " + ln
                                + " is longer than " + maxLineText + ", the most pika reads for one event; the "
                                + "rest of the stream was not read", "raise the limit with --max-bytes");
                        return;
                    }
                    buf = java.util.Arrays.copyOf(buf, (int) Math.min(buf.length * 2L, maxLine + 1L));
                }
                int r = in.read(buf, len, buf.length - len);
                if (r < 0) {
                    eof = true;
                } else {
                    len += r;
                }
            }
        }

        /**
         * Checks the lines in {@code buf[from, to)} (complete lines, the last one possibly without its newline).
         *
         * @param lineNo the number of lines before {@code from}
         * @return the number of lines after {@code to}
         */
        private int lines(int lineNo, int from, int to) {
            Collector.Mark mark = out.mark();
            BigInteger seqBefore = prevSeq;
            int seqLineBefore = prevSeqLine;
            if (fast(lineNo, from, to)) {
                return lineNo + newlines(from, to) + (to > from && buf[to - 1] != '\n' ? 1 : 0);
            }
            out.reset(mark);
            prevSeq = seqBefore;
            prevSeqLine = seqLineBefore;
            int start = from;
            for (int i = from; i < to; i++) {
                if (buf[i] == '\n') {
                    line(++lineNo, start, i - start);
                    start = i + 1;
                }
            }
            if (start < to) {
                line(++lineNo, start, to - start);
            }
            return lineNo;
        }

        private int newlines(int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                if (buf[i] == '\n') {
                    n++;
                }
            }
            return n;
        }

        /** One parser over many lines; false when the chunk must be checked line by line instead. */
        private boolean fast(int lineNo, int from, int to) {
            int len = to - from;
            if (len >= 2 && ((buf[from] & 0xff) == 0xEF || (buf[from] & 0xff) == 0xFE
                    || (buf[from] & 0xff) == 0xFF)) {
                return false;
            }
            for (int i = from; i < Math.min(to, from + 4); i++) {
                if (buf[i] == 0) {
                    return false;
                }
            }
            int errorsBefore = out.errorCount();
            try (JsonParser p = Walker.FACTORY.createParser(buf, from, len)) {
                Walker w = new Walker(p, out, lineNo);
                int lastLine = 0;
                while (true) {
                    Node event = w.nextRootValue(Schemas.LIFECYCLE_EVENT);
                    if (event == Walker.END) {
                        return true;
                    }
                    // an error, two values on one line, or one value over several lines: not per-line clean
                    if (out.errorCount() != errorsBefore || event == null || event.line() - lineNo == lastLine
                            || event.endLine() != event.line()) {
                        return false;
                    }
                    lastLine = event.line() - lineNo;
                    check(event, event.line());
                }
            } catch (IOException | Walker.Abort e) {
                return false;
            }
        }
        private void line(int lineNo, int off, int len) {
            if (blank(off, len)) {
                return;
            }
            Node event = walk(Schemas.LIFECYCLE_EVENT, out, buf, off, len, lineNo - 1);
            if (event != null) {
                check(event, lineNo);
            }
        }

        /** The value rules of one decoded event, and the stream's seq order. */
        private void check(Node event, int lineNo) {
            Rules.EVENT.check(event, out);
            Node seq = event.get("seq");
            if (seq != null && seq.integer() != null) {
                if (prevSeq != null && seq.integer().compareTo(prevSeq) <= 0) {
                    out.warning("seq-order", seq, "seq " + seq.integer() + " is not greater than the previous "
                            + "event's seq " + prevSeq + " (line " + prevSeqLine + ")",
                            "the reference writer assigns seq 1, 2, 3… under a file lock (CONTRACT.md §2)");
                }
                prevSeq = seq.integer();
                prevSeqLine = lineNo;
            }
        }

        /** Rust's {@code str::trim().is_empty()}: ASCII whitespace, plus Unicode White_Space when non-ASCII. */
        private boolean blank(int off, int len) {
            boolean ascii = true;
            for (int i = off; i < off + len; i++) {
                byte c = buf[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == 0x0B || c == 0x0C) {
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
