package dev.pika.contract.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes contract documents into the model records and encodes records exactly as the reference (serde_json) does.
 *
 * <p><b>Decoding</b> ({@code decode*}) is meant for documents that are valid (check them with the validators in
 * {@code dev.pika.contract.validate} first for located findings). It applies serde's defaults (missing
 * {@code resources}, {@code mounts}, {@code paths}, {@code policies}, {@code labels}, {@code metadata},
 * {@code required}, {@code include_logs}, … get their defaults), ignores unknown fields (including a spec's legacy
 * {@code provider}) except on the guest run request, which denies them. It is strict like serde where Jackson
 * allows it (CONTRACT.md §1): no type coercion, integer ranges, exact enum strings, duplicate fields and trailing
 * content rejected, missing required fields rejected. One leniency: an explicit {@code null} for a field that has a
 * default (e.g. {@code "labels": null}) decodes to the default, where serde rejects it.
 *
 * <p><b>Encoding</b> follows serde's derive: struct field order, {@code skip_serializing_if = "Option::is_none"}
 * fields omitted when absent (execution records keep {@code "incus_image": null}, image records {@code "fingerprint": null}), map keys ({@code labels},
 * {@code metadata}) sorted, serde_json's number and string escape text. {@link #encode(Object)} is
 * {@code serde_json::to_string} (compact), {@link #encodePretty(Object)} is {@code serde_json::to_vec_pretty}
 * (two-space indent, no trailing newline). Nested free-form JSON values ({@code details}, metadata values) keep
 * their key order.
 *
 * <p>Supported types: every record and enum of this package and {@code dev.pika.contract.plan}, and
 * {@link JsonNode}. The records declare their JSON shape themselves (Jackson annotations plus this package's
 * wire annotations); there are no mix-ins and no hand-written encoders.
 */
public final class ContractCodec {
    private ContractCodec() {
    }

    private static final ObjectMapper MAPPER = buildMapper();
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private static ObjectMapper buildMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(new SimpleModule("pika-contract").setDeserializerModifier(new ExactEnumDeserializers()))
                .build();
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
        for (LogicalType t : LogicalType.values()) {
            mapper.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Decodes one JSON document (UTF-8) into a contract type.
     *
     * @param type   e.g. {@code RuntimeSpec.class}
     * @param source the source name for messages (a path, {@code <stdin>})
     * @param json   the bytes, exactly one top-level value
     * @param <T>    the type
     * @return the decoded value, defaults applied
     * @throws ContractDecodeException when the document does not decode (with line, column, pointer)
     */
    public static <T> T decode(Class<T> type, String source, byte[] json) throws ContractDecodeException {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw decodeError(source, 0, e);
        } catch (IOException e) {
            throw new ContractDecodeException(source, 0, 0, "", e.getMessage(), e);
        }
    }

    /**
     * Decodes one JSON document given as text.
     *
     * @param type   the contract type
     * @param source the source name for messages
     * @param json   the text
     * @param <T>    the type
     * @return the decoded value
     * @throws ContractDecodeException when the document does not decode
     */
    public static <T> T decode(Class<T> type, String source, String json) throws ContractDecodeException {
        return decode(type, source, json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a {@code result.json} (CONTRACT.md §2).
     *
     * @param source the source name
     * @param json   the bytes
     * @return the terminal result
     * @throws ContractDecodeException e.g. for the hard-cut status {@code passed}
     */
    public static TerminalResult decodeResult(String source, byte[] json) throws ContractDecodeException {
        return decode(TerminalResult.class, source, json);
    }

    /**
     * Decodes a {@code status.json} (CONTRACT.md §2).
     *
     * @param source the source name
     * @param json   the bytes
     * @return the status snapshot
     * @throws ContractDecodeException when it does not decode
     */
    public static LifecycleStatus decodeStatus(String source, byte[] json) throws ContractDecodeException {
        return decode(LifecycleStatus.class, source, json);
    }

    /**
     * Decodes a {@code guest-request.json} (CONTRACT.md §3). Unknown fields (e.g. version-1 directory fields) are
     * rejected. The guest's own checks are not applied: see {@link IncusGuestRunRequest#guestProblems()}.
     *
     * @param source the source name
     * @param json   the bytes
     * @return the request
     * @throws ContractDecodeException when it does not decode
     */
    public static IncusGuestRunRequest decodeRequest(String source, byte[] json) throws ContractDecodeException {
        return decode(IncusGuestRunRequest.class, source, json);
    }

    /**
     * Decodes a runtime spec (CONTRACT.md §4) with serde's defaults. The validation rules are not applied: see
     * {@link RuntimeSpec#validate()}.
     *
     * @param source the source name
     * @param json   the bytes
     * @return the spec
     * @throws ContractDecodeException when it does not decode
     */
    public static RuntimeSpec decodeSpec(String source, byte[] json) throws ContractDecodeException {
        return decode(RuntimeSpec.class, source, json);
    }

    /**
     * Streams an {@code events.jsonl} (CONTRACT.md §2): one event per line, blank (whitespace-only) lines skipped,
     * the first bad line stops decoding. Lines end at {@code \n} (a {@code \r} before it is dropped), as Rust's
     * {@code str::lines}. Only one line is held in memory at a time.
     *
     * @param source the source name
     * @param in     the stream's text (the caller closes it)
     * @param sink   receives each event in order
     * @return the number of events decoded
     * @throws ContractDecodeException for the first bad line; {@link ContractDecodeException#line()} is the
     *                                 1-based line of the stream
     * @throws IOException             when reading fails
     */
    public static long decodeEvents(String source, Reader in, Consumer<? super LifecycleEvent> sink)
            throws IOException {
        Reader reader = in instanceof BufferedReader ? in : new BufferedReader(in);
        StringBuilder line = new StringBuilder();
        long count = 0;
        int lineNo = 0;
        boolean more = true;
        while (more) {
            line.setLength(0);
            int c;
            while ((c = reader.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            more = c != -1;
            if (!more && line.length() == 0) {
                break;
            }
            lineNo++;
            if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                line.setLength(line.length() - 1);
            }
            String text = line.toString();
            if (RustText.isBlank(text)) {
                continue;
            }
            try {
                sink.accept(MAPPER.readValue(text, LifecycleEvent.class));
            } catch (JsonProcessingException e) {
                throw decodeError(source, lineNo, e);
            }
            count++;
        }
        return count;
    }

    /**
     * Decodes a whole {@code events.jsonl} text into a list (see {@link #decodeEvents(String, Reader, Consumer)}).
     *
     * @param source the source name
     * @param jsonl  the text
     * @return the events in order
     * @throws ContractDecodeException for the first bad line
     */
    public static List<LifecycleEvent> decodeEvents(String source, String jsonl) throws ContractDecodeException {
        List<LifecycleEvent> events = new ArrayList<>();
        try {
            decodeEvents(source, new StringReader(jsonl), events::add);
        } catch (ContractDecodeException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return events;
    }

    /**
     * Parses JSON into a tree with the decoder's strictness (duplicates and trailing content rejected).
     *
     * @param source the source name
     * @param json   the bytes
     * @return the tree
     * @throws ContractDecodeException when it is not one JSON value
     */
    public static JsonNode readTree(String source, byte[] json) throws ContractDecodeException {
        return decode(JsonNode.class, source, json);
    }

    private static ContractDecodeException decodeError(String source, int streamLine, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc != null && loc.getLineNr() > 0 ? loc.getLineNr() : 0;
        int column = loc != null && loc.getColumnNr() > 0 ? loc.getColumnNr() : 0;
        if (streamLine > 0) {
            line = streamLine;
        }
        String pointer = "";
        if (e instanceof JsonMappingException m) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                sb.append('/');
                if (r.getFieldName() != null) {
                    sb.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
                } else if (r.getIndex() >= 0) {
                    sb.append(r.getIndex());
                }
            }
            pointer = sb.toString();
        }
        String problem = e.getOriginalMessage();
        if (e.getCause() != null && e.getCause() != e && e.getCause().getMessage() != null
                && (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException)) {
            problem = e.getCause() instanceof NullPointerException
                    ? "field `" + e.getCause().getMessage() + "` must not be null"
                    : e.getCause().getMessage();
        }
        return new ContractDecodeException(source, line, column, pointer, problem, e);
    }

    // ---------------------------------------------------------------- encoding

    /**
     * {@code serde_json::to_string}: compact JSON, no trailing newline.
     *
     * @param value a contract record, enum, {@link TerminalResult} or {@link JsonNode}
     * @return the encoded text
     */
    public static String encode(Object value) {
        return write(COMPACT, value);
    }

    /**
     * {@code serde_json::to_vec_pretty}: two-space indent, {@code "key": value}, {@code []} / {@code {}} for empty
     * containers, no trailing newline ({@link #serdePrettyPrinter()}).
     *
     * @param value a contract record, enum, {@link TerminalResult} or {@link JsonNode}
     * @return the encoded text
     */
    public static String encodePretty(Object value) {
        return write(MAPPER.writer(serdePrettyPrinter()), value);
    }

    /**
     * One {@code events.jsonl} line as the reference's {@code encode_event_line}: compact, without the newline.
     *
     * @param event the event
     * @return the line
     */
    public static String encodeEventLine(LifecycleEvent event) {
        return encode(event);
    }

    /**
     * Converts a value to a JSON tree, e.g. to embed it as {@code details} (field order as in {@link #encode}).
     *
     * @param value a contract value
     * @return the tree
     */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    private static String write(ObjectWriter writer, Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new SerdeJsonGenerator(MAPPER.getFactory().createGenerator(out))) {
            writer.writeValue(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A pretty printer that matches serde_json's {@code PrettyFormatter}: two-space indent, {@code ": "} between
     * name and value, {@code []} / {@code {}} for empty containers.
     *
     * @return a new printer (Jackson printers are stateful)
     */
    public static DefaultPrettyPrinter serdePrettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators seps = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(seps);
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        return pp;
    }
}
