package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * What the host needs to run one guest VM ({@code RuntimeSpec}, CONTRACT.md §4).
 *
 * <p>JSON shape, in this field order (the reference's):
 * <pre>{ "identity": Identity, "incus": IncusConfig,
 *   "resources"?: Resources = {}, "mounts"?: [RuntimeMount] = [], "paths"?: RuntimePaths = canonical,
 *   "policies"?: RuntimePolicies = defaults, "entry_command"?: string,
 *   "labels"?: {string: string} = {}, "metadata"?: {string: any} = {} }</pre>
 * Missing defaulted fields decode to their defaults, and are always encoded; {@code entry_command} is omitted when
 * absent. Unknown fields are ignored, including the legacy top-level {@code provider} and the removed
 * {@code bootstrap} / {@code lifecycle_root}. {@code labels} and {@code metadata} are Rust {@code BTreeMap}s:
 * they keep and encode their keys sorted ({@link ContractJson#CODE_POINT_ORDER}).
 *
 * <p>A decodable spec may still be invalid: {@link #validate()} applies the reference's five rules.
 *
 * @param identity     which runtime and instance this is
 * @param incus        where in Incus it runs
 * @param resources    optional limits (null given to the constructor means none)
 * @param mounts       the mounts, in order (null means none)
 * @param paths        the guest paths (null means the canonical ones)
 * @param policies     the policies (null means {@link RuntimePolicies#defaults()})
 * @param entryCommand the command the guest runs on boot, or null when absent
 * @param labels       string labels (null means none)
 * @param metadata     free-form JSON metadata (null means none)
 */
@Serde.Rust("RuntimeSpec")
@Serde.Tolerated("provider")
@Serde.Removed(value = "bootstrap", hint = "`bootstrap` was removed: move `bootstrap.entry_command` to the top-level "
        + "`entry_command`; `bootstrap.guest_request_path` is now `paths.guest_request_path` (CONTRACT.md §4)")
@Serde.Removed(value = "lifecycle_root", hint = "`lifecycle_root` was removed: the lifecycle directory is "
        + "`paths.state_dir` (default /run/pika-cloud) (CONTRACT.md §4)")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"identity", "incus", "resources", "mounts", "paths", "policies", "entry_command", "labels",
        "metadata"})
public record RuntimeSpec(
        @JsonProperty(value = "identity", required = true) Identity identity,
        @JsonProperty(value = "incus", required = true) IncusConfig incus,
        @JsonProperty("resources") @JsonDeserialize(using = SerdeDefault.class) Resources resources,
        @JsonProperty("mounts") @JsonDeserialize(using = SerdeDefault.class) List<RuntimeMount> mounts,
        @JsonProperty("paths") @JsonDeserialize(using = SerdeDefault.class) RuntimePaths paths,
        @JsonProperty("policies") @JsonDeserialize(using = SerdeDefault.class) RuntimePolicies policies,
        @JsonProperty("entry_command") @JsonInclude(JsonInclude.Include.NON_NULL) String entryCommand,
        @JsonProperty("labels") @JsonDeserialize(using = SerdeDefault.class) SortedMap<String, String> labels,
        @JsonProperty("metadata") @JsonDeserialize(using = SerdeDefault.class) SortedMap<String, JsonNode> metadata) {

    /** Applies the serde defaults and makes immutable copies. */
    public RuntimeSpec {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(incus, "incus");
        resources = resources != null ? resources : Resources.NONE;
        mounts = ContractJson.listCopy(mounts, "mounts");
        paths = paths != null ? paths : RuntimePaths.defaults();
        policies = policies != null ? policies : RuntimePolicies.defaults();
        labels = ContractJson.sortedCopy(labels, "labels");
        metadata = ContractJson.sortedCopy(metadata, "metadata");
    }

    /**
     * The reference's {@code RuntimeSpec::for_incus}: canonical paths, default policies, no entry command, labels
     * or metadata.
     *
     * @param identity  the identity
     * @param incus     the Incus placement
     * @param resources the limits
     * @param mounts    the mounts
     * @return the spec
     */
    public static RuntimeSpec forIncus(Identity identity, IncusConfig incus, Resources resources,
                                       List<RuntimeMount> mounts) {
        return new RuntimeSpec(identity, incus, resources, mounts, null, null, null, null, null);
    }

    /**
     * @param newEntryCommand the new value
     * @return a copy with {@code entry_command} set (null removes it)
     */
    public RuntimeSpec withEntryCommand(String newEntryCommand) {
        return new RuntimeSpec(identity, incus, resources, mounts, paths, policies, newEntryCommand, labels,
                metadata);
    }

    /**
     * The reference's {@code RuntimeSpec::validate} (CONTRACT.md §4 "Validation rules"), every rule an error:
     * <ol>
     *   <li>non-empty after trim ({@link RustText#isBlank}): {@code identity.runtime_id},
     *       {@code identity.instance_name}, {@code incus.project}, {@code incus.profile}, {@code incus.image_alias};</li>
     *   <li>each of {@code paths.*} (in field order) non-empty, absolute, without a {@code ..} component;</li>
     *   <li>each path except {@code state_dir} starts with {@code paths.state_dir} (a string prefix test, as the
     *       reference does) — reason {@code must stay under paths.state_dir};</li>
     *   <li>{@code entry_command}, when present, non-empty after trim;</li>
     *   <li>each mount: {@code mount.source} non-empty; {@code mount.guest_path} non-empty, absolute, no
     *       {@code ..}; guest paths unique.</li>
     * </ol>
     * The reference stops at the first error: the first element here is exactly the error it reports. Later
     * elements list further problems, one per field at most (a path that breaks rule 2 is not checked against
     * rule 3, and rule 3 is skipped when {@code state_dir} itself is invalid).
     *
     * @return the violations in rule order, empty when the spec is valid
     */
    public List<SpecViolation> validate() {
        ValueRules.MapValues doc = new ValueRules.MapValues()
                .put("/identity/runtime_id", identity.runtimeId())
                .put("/identity/instance_name", identity.instanceName())
                .put("/incus/project", incus.project())
                .put("/incus/profile", incus.profile())
                .put("/incus/image_alias", incus.imageAlias())
                .put("/entry_command", entryCommand)
                .put("/mounts", mounts);
        paths.byField().forEach((field, value) -> doc.put("/paths/" + field, value));
        for (int i = 0; i < mounts.size(); i++) {
            doc.put("/mounts/" + i + "/source", mounts.get(i).source());
            doc.put("/mounts/" + i + "/guest_path", mounts.get(i).guestPath());
        }
        List<SpecViolation> out = new ArrayList<>();
        ValueRules.runtimeSpec(doc, v -> out.add(SpecViolation.of(v)));
        return List.copyOf(out);
    }

    /**
     * Which runtime this is ({@code RuntimeIdentity}). JSON: {@code { "runtime_id": string, "instance_name": string }},
     * both required and non-empty in a valid spec.
     *
     * @param runtimeId    the host's runtime id
     * @param instanceName the Incus instance name
     */
    @Serde.Rust("RuntimeIdentity")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"runtime_id", "instance_name"})
    public record Identity(
            @JsonProperty(value = "runtime_id", required = true) String runtimeId,
            @JsonProperty(value = "instance_name", required = true) String instanceName) {

        /** @throws NullPointerException when a field is null */
        public Identity {
            Objects.requireNonNull(runtimeId, "runtime_id");
            Objects.requireNonNull(instanceName, "instance_name");
        }
    }

    /**
     * Where in Incus the runtime runs ({@code IncusRuntimeConfig}). JSON:
     * {@code { "project": string, "profile": string, "image_alias": string }}, all required and non-empty in a
     * valid spec.
     *
     * @param project    the Incus project
     * @param profile    the Incus profile
     * @param imageAlias the image alias to launch, e.g. {@code pikaci/dev}
     */
    @Serde.Rust("IncusRuntimeConfig")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"project", "profile", "image_alias"})
    public record IncusConfig(
            @JsonProperty(value = "project", required = true) String project,
            @JsonProperty(value = "profile", required = true) String profile,
            @JsonProperty(value = "image_alias", required = true) String imageAlias) {

        /** @throws NullPointerException when a field is null */
        public IncusConfig {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(imageAlias, "image_alias");
        }
    }

    /**
     * Optional resource limits ({@code RuntimeResources}). JSON:
     * {@code { "vcpu_count"?: u8, "memory_mib"?: u32, "root_disk_gib"?: u32 }}; absent (null) fields are omitted,
     * so no limits encode as {@code {}}.
     *
     * @param vcpuCount   virtual CPUs, 0..255, or null
     * @param memoryMib   memory in MiB (2^20 bytes), 0..4294967295, or null
     * @param rootDiskGib root disk size in GiB (2^30 bytes), 0..4294967295, or null
     */
    @Serde.Rust("RuntimeResources")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"vcpu_count", "memory_mib", "root_disk_gib"})
    public record Resources(
            @Serde.Rust("u8") @JsonProperty("vcpu_count") Integer vcpuCount,
            @Serde.Rust("u32") @JsonProperty("memory_mib") Long memoryMib,
            @Serde.Rust("u32") @JsonProperty("root_disk_gib") Long rootDiskGib) {

        /** No limits. */
        public static final Resources NONE = new Resources(null, null, null);

        /** @throws IllegalArgumentException when a value is out of its range */
        public Resources {
            Unsigned.requireU8("vcpu_count", vcpuCount);
            Unsigned.requireU32("memory_mib", memoryMib);
            Unsigned.requireU32("root_disk_gib", rootDiskGib);
        }
    }
}
