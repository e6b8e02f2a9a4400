package dev.pika.contract.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Objects;

/**
 * Restart, retention and output-collection policies of a runtime ({@code RuntimePolicies}, CONTRACT.md §4).
 *
 * <p>JSON shape, in this field order: <pre>{ "restart_policy": RestartPolicy, "retention_policy": RetentionPolicy,
 * "output_collection"?: OutputCollectionPolicy }</pre> The two policies are required inside the object;
 * {@code output_collection} defaults to {@link OutputCollectionPolicy#defaults()}. The whole object defaults to
 * {@link #defaults()} when missing from a {@link RuntimeSpec}. Unknown fields are ignored.
 *
 * @param restartPolicy    when to restart
 * @param retentionPolicy  how long to keep the instance
 * @param outputCollection which outputs to collect (null given to the constructor means the default)
 */
@Serde.Rust("RuntimePolicies")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"restart_policy", "retention_policy", "output_collection"})
public record RuntimePolicies(
        @JsonProperty(value = "restart_policy", required = true) RestartPolicy restartPolicy,
        @JsonProperty(value = "retention_policy", required = true) RetentionPolicy retentionPolicy,
        @JsonProperty("output_collection") @JsonDeserialize(using = SerdeDefault.class) OutputCollectionPolicy outputCollection) {

    /** @throws NullPointerException when a policy is null */
    public RuntimePolicies {
        Objects.requireNonNull(restartPolicy, "restart_policy");
        Objects.requireNonNull(retentionPolicy, "retention_policy");
        outputCollection = outputCollection != null ? outputCollection : OutputCollectionPolicy.defaults();
    }

    /** @return {@code never}, {@code destroy_on_completion}, default output collection */
    public static RuntimePolicies defaults() {
        return new RuntimePolicies(RestartPolicy.NEVER, RetentionPolicy.DESTROY_ON_COMPLETION, null);
    }
}
