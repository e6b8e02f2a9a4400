package dev.pika.cli.image;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The provenance an import stamps on the image as Incus image properties ({@code incus image import … KEY=VALUE}),
 * and that {@code list}, the JSON summary and {@code --record-out} show: which role and alias it was imported for,
 * the source revision ({@code git rev-parse HEAD}) and whether the tree had uncommitted changes, the build host,
 * the Nix installable and its output path, the import time and the tool's version.
 */
final class Provenance {
    static final String ROLE = "pika.role";
    static final String ALIAS = "pika.alias";
    static final String REVISION = "pika.source_revision";
    static final String DIRTY = "pika.source_dirty";
    static final String BUILD_HOST = "pika.build_host";
    static final String INSTALLABLE = "pika.installable";
    static final String OUT_PATH = "pika.out_path";
    static final String IMPORTED_AT = "pika.imported_at";
    static final String TOOL_VERSION = "pika.tool_version";
    /** Every key, in the order they are stamped and shown. */
    static final List<String> KEYS = List.of(ROLE, ALIAS, REVISION, DIRTY, BUILD_HOST, INSTALLABLE, OUT_PATH,
            IMPORTED_AT, TOOL_VERSION);
    /** What a value may contain: it becomes one argv word {@code KEY=VALUE} and is shown in lists. */
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._:/@+#,-]");

    private Provenance() {
    }

    /**
     * @param value a value read from outside (git, hostname, a store path)
     * @return the value with anything but {@code A-Z a-z 0-9 . _ : / @ + # , -} replaced by {@code _}, at most 255
     *         characters; {@code unknown} when empty
     */
    static String clean(String value) {
        String v = value == null ? "" : UNSAFE.matcher(value.strip()).replaceAll("_");
        if (v.isEmpty()) {
            return "unknown";
        }
        return v.length() > 255 ? v.substring(0, 255) : v;
    }
}
