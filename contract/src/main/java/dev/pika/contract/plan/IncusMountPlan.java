package dev.pika.contract.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.pika.contract.model.MountKind;
import dev.pika.contract.model.RustText;
import dev.pika.contract.model.Serde;
import dev.pika.contract.model.SerdeDefault;
import dev.pika.contract.model.RuntimeMount;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One runtime mount planned as an Incus disk device ({@code IncusMountPlan}, CONTRACT.md §4 "Incus plan").
 *
 * <p>JSON shape, in this field order: <pre>{ "kind": MountKind, "source": string, "guest_path": string,
 * "device_name": string, "read_only": bool, "io_bus"?: string, "required"?: bool = false }</pre>
 * {@code io_bus} is omitted when absent. Unknown fields are ignored.
 *
 * @param kind       the mount's kind
 * @param source     host path or volume name (the device's {@code source})
 * @param guestPath  where it appears in the guest (the device's {@code path})
 * @param deviceName the Incus device name, see {@link #deviceName(MountKind, String, String)}
 * @param readOnly   whether the disk is read-only
 * @param ioBus      the disk's {@code io.bus}, {@link #READ_ONLY_DISK_IO_BUS} for read-only mounts, else null
 * @param required   whether the runtime must fail without this mount
 */
@Serde.Rust("IncusPlannedMount")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"kind", "source", "guest_path", "device_name", "read_only", "io_bus", "required"})
public record IncusMountPlan(
        @JsonProperty(value = "kind", required = true) MountKind kind,
        @JsonProperty(value = "source", required = true) String source,
        @JsonProperty(value = "guest_path", required = true) String guestPath,
        @JsonProperty(value = "device_name", required = true) String deviceName,
        @JsonProperty(value = "read_only", required = true) boolean readOnly,
        @JsonProperty("io_bus") String ioBus,
        @JsonProperty("required") @JsonDeserialize(using = SerdeDefault.class) boolean required) {

    /** The {@code io.bus} of read-only disks. */
    public static final String READ_ONLY_DISK_IO_BUS = "virtiofs";
    /** Incus device type of every planned mount. */
    public static final String DISK_DEVICE_TYPE = "disk";
    /** Device config key of the device type. */
    public static final String DEVICE_TYPE_KEY = "type";
    /** Device config key of the host source. */
    public static final String DEVICE_SOURCE_KEY = "source";
    /** Device config key of the guest path. */
    public static final String DEVICE_PATH_KEY = "path";
    /** Device config key set to {@code "true"} for read-only disks. */
    public static final String DEVICE_READONLY_KEY = "readonly";
    /** Device config key of the disk bus. */
    public static final String DEVICE_IO_BUS_KEY = "io.bus";

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** @throws NullPointerException when a required field is null */
    public IncusMountPlan {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(guestPath, "guest_path");
        Objects.requireNonNull(deviceName, "device_name");
    }

    /**
     * Plans one mount: read-only when its mode is {@code read_only}, then with {@code io.bus} = {@code virtiofs};
     * the device name from {@link #deviceName(MountKind, String, String)}.
     *
     * @param mount a mount of a valid spec
     * @return the planned device
     */
    public static IncusMountPlan of(RuntimeMount mount) {
        boolean readOnly = mount.readOnly();
        return new IncusMountPlan(mount.kind(), mount.source(), mount.guestPath(),
                deviceName(mount.kind(), mount.source(), mount.guestPath()), readOnly,
                readOnly ? READ_ONLY_DISK_IO_BUS : null, mount.required());
    }

    /**
     * The deterministic device name (CONTRACT.md §4): {@code pk-} + the first 6 characters of the kind's
     * {@link MountKind#label() label} + {@code -} + 8 lower-case hex digits of the low 32 bits of the 64-bit
     * FNV-1a hash of the UTF-8 bytes of {@code "{label}-{sanitize(source)}-{sanitize(guestPath)}"}.
     * Example: a read-only snapshot of {@code /var/tmp/run/snapshot} at {@code /workspace/snapshot} is
     * {@code pk-snapsh-7bc0883f}.
     *
     * @param kind      the mount kind
     * @param source    the mount source
     * @param guestPath the guest path
     * @return the device name, 18 characters or fewer
     */
    public static String deviceName(MountKind kind, String source, String guestPath) {
        String label = kind.label();
        String seed = label + "-" + sanitize(source) + "-" + sanitize(guestPath);
        long hash = fnv1a64(seed.getBytes(StandardCharsets.UTF_8));
        return "pk-" + label.substring(0, Math.min(6, label.length())) + "-"
                + String.format("%08x", hash & 0xFFFF_FFFFL);
    }

    /**
     * Device-name sanitizing: ASCII letters and digits lower-cased, every other character (per Unicode code
     * point) replaced by {@code -}, then {@code -} trimmed from both ends.
     *
     * @param value any text
     * @return the sanitized text, possibly empty
     */
    public static String sanitize(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
                sb.append((char) cp);
            } else if (cp >= 'A' && cp <= 'Z') {
                sb.append((char) (cp + ('a' - 'A')));
            } else {
                sb.append('-');
            }
        });
        int start = 0;
        int end = sb.length();
        while (start < end && sb.charAt(start) == '-') {
            start++;
        }
        while (end > start && sb.charAt(end - 1) == '-') {
            end--;
        }
        return sb.substring(start, end);
    }

    /**
     * 64-bit FNV-1a (offset basis {@code 0xcbf29ce484222325}, prime {@code 0x100000001b3}, wrapping).
     *
     * @param bytes the input
     * @return the hash
     */
    public static long fnv1a64(byte[] bytes) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : bytes) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /**
     * The Incus device config of this disk (the reference's {@code incus_mount_device_config}), keys sorted:
     * {@code type} = {@code disk}, {@code source}, {@code path}, {@code readonly} = {@code "true"} only when
     * read-only, {@code io.bus} only when set and not blank.
     *
     * @return the config, e.g. {@code {io.bus=virtiofs, path=/workspace/snapshot, readonly=true,
     *         source=/var/tmp/run/snapshot, type=disk}}
     */
    public SortedMap<String, String> deviceConfig() {
        TreeMap<String, String> config = new TreeMap<>();
        config.put(DEVICE_TYPE_KEY, DISK_DEVICE_TYPE);
        config.put(DEVICE_SOURCE_KEY, source);
        config.put(DEVICE_PATH_KEY, guestPath);
        if (readOnly) {
            config.put(DEVICE_READONLY_KEY, "true");
        }
        if (ioBus != null && !RustText.isBlank(ioBus)) {
            config.put(DEVICE_IO_BUS_KEY, ioBus);
        }
        return Collections.unmodifiableSortedMap(config);
    }
}
