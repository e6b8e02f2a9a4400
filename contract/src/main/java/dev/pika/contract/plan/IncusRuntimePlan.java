package dev.pika.contract.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.contract.model.ContractJson;
import dev.pika.contract.model.RuntimePaths;
import dev.pika.contract.model.RuntimePolicies;
import dev.pika.contract.model.RuntimeSpec;
import dev.pika.contract.model.Serde;
import dev.pika.contract.model.SerdeDefault;
import dev.pika.contract.model.SpecViolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a valid runtime spec runs on Incus ({@code IncusRuntimePlan}, CONTRACT.md §4 "Incus plan"): the spec's
 * fields with each mount planned as a disk device.
 *
 * <p>JSON shape, in this field order (the reference's; note {@code mounts} comes after {@code entry_command}):
 * <pre>{ "identity": Identity, "incus": IncusConfig, "resources": Resources, "paths": RuntimePaths,
 *   "policies": RuntimePolicies, "entry_command"?: string, "mounts"?: [IncusMountPlan] = [],
 *   "labels"?: {string: string} = {}, "metadata"?: {string: any} = {} }</pre>
 * The first five are required when decoding a plan document; {@code entry_command} is omitted when absent.
 * Unknown fields are ignored. {@code labels} and {@code metadata} are sorted by key.
 *
 * @param identity     from the spec
 * @param incus        from the spec
 * @param resources    from the spec
 * @param paths        from the spec
 * @param policies     from the spec
 * @param entryCommand from the spec, or null
 * @param mounts       one planned device per spec mount, in order (null means none)
 * @param labels       from the spec (null means none)
 * @param metadata     from the spec (null means none)
 */
@Serde.Rust("IncusRuntimePlan")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"identity", "incus", "resources", "paths", "policies", "entry_command", "mounts", "labels",
        "metadata"})
public record IncusRuntimePlan(
        @JsonProperty(value = "identity", required = true) RuntimeSpec.Identity identity,
        @JsonProperty(value = "incus", required = true) RuntimeSpec.IncusConfig incus,
        @JsonProperty(value = "resources", required = true) RuntimeSpec.Resources resources,
        @JsonProperty(value = "paths", required = true) RuntimePaths paths,
        @JsonProperty(value = "policies", required = true) RuntimePolicies policies,
        @JsonProperty("entry_command") @JsonInclude(JsonInclude.Include.NON_NULL) String entryCommand,
        @JsonProperty("mounts") @JsonDeserialize(using = SerdeDefault.class) List<IncusMountPlan> mounts,
        @JsonProperty("labels") @JsonDeserialize(using = SerdeDefault.class) SortedMap<String, String> labels,
        @JsonProperty("metadata") @JsonDeserialize(using = SerdeDefault.class) SortedMap<String, JsonNode> metadata) {

    /** Instance config key of the memory limit. */
    public static final String LIMITS_MEMORY_KEY = "limits.memory";
    /** Instance config key of the CPU limit. */
    public static final String LIMITS_CPU_KEY = "limits.cpu";

    /** @throws NullPointerException when a required field is null */
    public IncusRuntimePlan {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(incus, "incus");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(policies, "policies");
        mounts = ContractJson.listCopy(mounts, "mounts");
        labels = ContractJson.sortedCopy(labels, "labels");
        metadata = ContractJson.sortedCopy(metadata, "metadata");
    }

    /**
     * The reference's {@code build_incus_plan}: validates the spec, then plans each mount with
     * {@link IncusMountPlan#of}.
     *
     * @param spec a runtime spec
     * @return the plan
     * @throws InvalidRuntimeSpecException when {@link RuntimeSpec#validate()} finds a violation
     */
    public static IncusRuntimePlan from(RuntimeSpec spec) {
        List<SpecViolation> violations = spec.validate();
        if (!violations.isEmpty()) {
            throw new InvalidRuntimeSpecException(violations);
        }
        List<IncusMountPlan> planned = new ArrayList<>(spec.mounts().size());
        spec.mounts().forEach(m -> planned.add(IncusMountPlan.of(m)));
        return new IncusRuntimePlan(spec.identity(), spec.incus(), spec.resources(), spec.paths(), spec.policies(),
                spec.entryCommand(), planned, spec.labels(), spec.metadata());
    }

    /**
     * The instance config the plan implies (the reference's {@code incus_runtime_config}), keys sorted:
     * {@code limits.cpu} = the vCPU count and {@code limits.memory} = {@code {memory_mib}MiB}, each only when
     * the resource is set. {@code root_disk_gib} sets no instance key.
     *
     * @return e.g. {@code {limits.cpu=2, limits.memory=4096MiB}}
     */
    public SortedMap<String, String> instanceConfig() {
        TreeMap<String, String> config = new TreeMap<>();
        if (resources.memoryMib() != null) {
            config.put(LIMITS_MEMORY_KEY, resources.memoryMib() + "MiB");
        }
        if (resources.vcpuCount() != null) {
            config.put(LIMITS_CPU_KEY, Integer.toString(resources.vcpuCount()));
        }
        return Collections.unmodifiableSortedMap(config);
    }

    /**
     * @return device name → {@link IncusMountPlan#deviceConfig() device config}, in mount order
     */
    public Map<String, SortedMap<String, String>> devices() {
        Map<String, SortedMap<String, String>> devices = new LinkedHashMap<>();
        for (IncusMountPlan m : mounts) {
            devices.put(m.deviceName(), m.deviceConfig());
        }
        return Collections.unmodifiableMap(devices);
    }
}
