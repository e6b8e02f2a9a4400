package dev.pika.contract.model;

import java.util.Optional;

/**
 * Incus guest roles and their image defaults (CONTRACT.md §5).
 *
 * <p>JSON form is the kebab-case {@link #id()}, matched exactly. Text form (CLI flags, environment) is
 * trimmed first, see {@link #parse(String)}.
 */
@Serde.Rust("IncusGuestRole")
public enum GuestRole implements WireValue {
    /** The managed OpenClaw agent VM. */
    MANAGED_OPENCLAW("managed-openclaw", "pika-agent/dev", "managed-openclaw-incus-image",
            "pika-agent-incus-dev-image", 8192),
    /** The Pika CI runner VM. */
    PIKACI_RUNNER("pikaci-runner", "pikaci/dev", "pikaci-runner-incus-image",
            "pikaci-incus-dev-image", 12288);

    /** Instance config key stamped on managed instances. */
    public static final String INSTANCE_CONFIG_KEY = "user.pika.guest_role";
    /** Environment variable the CI executor reads the role from. */
    public static final String CI_ROLE_ENV = "PIKACI_REMOTE_LINUX_VM_INCUS_GUEST_ROLE";
    /** Environment variable the Pika server reads the role from. */
    public static final String SERVER_ROLE_ENV = "PIKA_AGENT_INCUS_GUEST_ROLE";

    private final String id;
    private final String defaultImageAlias;
    private final String flakePackageAttr;
    private final String legacyPackageAttr;
    private final int imageDiskSizeMib;

    GuestRole(String id, String defaultImageAlias, String flakePackageAttr, String legacyPackageAttr,
              int imageDiskSizeMib) {
        this.id = id;
        this.defaultImageAlias = defaultImageAlias;
        this.flakePackageAttr = flakePackageAttr;
        this.legacyPackageAttr = legacyPackageAttr;
        this.imageDiskSizeMib = imageDiskSizeMib;
    }

    /** @return the kebab-case role id, e.g. {@code pikaci-runner} (its JSON form) */
    public String id() {
        return id;
    }

    /** @return the JSON form, the kebab-case {@link #id()} */
    @Override
    public String wire() {
        return id;
    }

    /** @return the image alias the role uses unless told otherwise, e.g. {@code pikaci/dev} */
    public String defaultImageAlias() {
        return defaultImageAlias;
    }

    /** @return the flake package attribute, e.g. {@code pikaci-runner-incus-image} */
    public String flakePackageAttr() {
        return flakePackageAttr;
    }

    /** @return the package attribute older flakes used, e.g. {@code pikaci-incus-dev-image} */
    public String legacyPackageAttr() {
        return legacyPackageAttr;
    }

    /** @return the image's root disk size in MiB */
    public int imageDiskSizeMib() {
        return imageDiskSizeMib;
    }

    /**
     * The reference's {@code uses_default_image_alias}: true only when {@code alias.trim()} equals
     * {@link #defaultImageAlias()} (Rust's {@code trim}: Unicode {@code White_Space}, not Java's {@code <= ' '}).
     *
     * @param alias an image alias, may be null (then false)
     * @return whether the alias is this role's default
     */
    public boolean usesDefaultImageAlias(String alias) {
        return alias != null && RustText.trim(alias).equals(defaultImageAlias);
    }

    /**
     * The role to record on an image record for this alias: this role when the alias is its default,
     * empty for a custom alias (CONTRACT.md §5, "a custom alias suppresses it").
     *
     * @param alias the image alias in use
     * @return this role, or empty
     */
    public Optional<GuestRole> recordedFor(String alias) {
        return usesDefaultImageAlias(alias) ? Optional.of(this) : Optional.empty();
    }

    /**
     * Exact JSON-form lookup (no trimming, case-sensitive).
     *
     * @param id a role id
     * @return the role, or empty when {@code id} is not exactly a role id
     */
    public static Optional<GuestRole> fromId(String id) {
        for (GuestRole r : values()) {
            if (r.id.equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * The role whose default alias is {@code alias} (after trimming), if any.
     *
     * @param alias an image alias
     * @return the implied role, or empty
     */
    public static Optional<GuestRole> forDefaultAlias(String alias) {
        for (GuestRole r : values()) {
            if (r.usesDefaultImageAlias(alias)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses text as the reference's {@code FromStr} does (CONTRACT.md §5): surrounding whitespace is trimmed as
     * Rust's {@code str::trim} does (Unicode {@code White_Space}, so no-break spaces too), then the id must match
     * exactly and case-sensitively.
     *
     * @param text user text (flag or environment value); null is treated as empty
     * @return the role
     * @throws IllegalArgumentException with the reference's message
     *         {@code expected `managed-openclaw` or `pikaci-runner`, got "X"}, where X is the trimmed text quoted
     *         as Rust's {@code {:?}} does (quotes and backslashes escaped, control characters as {@code \n},
     *         <code>&#92;u{7f}</code>, …)
     */
    public static GuestRole parse(String text) {
        String trimmed = RustText.trim(text == null ? "" : text);
        return fromId(trimmed).orElseThrow(() -> new IllegalArgumentException(
                "expected `managed-openclaw` or `pikaci-runner`, got " + RustText.debugQuote(trimmed)));
    }

    @Override
    public String toString() {
        return id;
    }
}
