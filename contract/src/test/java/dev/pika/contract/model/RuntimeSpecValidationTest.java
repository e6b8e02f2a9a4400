package dev.pika.contract.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pika.contract.ContractConstants;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five validation rules of CONTRACT.md §4, one input breaking each, with the reference's messages. */
class RuntimeSpecValidationTest {

    static RuntimeSpec sample() throws ContractDecodeException {
        return ContractCodec.decodeSpec("spec", Fixtures.bytes("RuntimeSpec/accept-sample-runtime-spec.json"));
    }

    static RuntimeSpec withPaths(RuntimeSpec s, RuntimePaths paths) {
        return new RuntimeSpec(s.identity(), s.incus(), s.resources(), s.mounts(), paths, s.policies(),
                s.entryCommand(), s.labels(), s.metadata());
    }

    static RuntimeSpec withMounts(RuntimeSpec s, List<RuntimeMount> mounts) {
        return new RuntimeSpec(s.identity(), s.incus(), s.resources(), mounts, s.paths(), s.policies(),
                s.entryCommand(), s.labels(), s.metadata());
    }

    static List<String> messages(RuntimeSpec s) {
        return s.validate().stream().map(SpecViolation::message).toList();
    }

    @Test
    void sampleIsValid() throws Exception {
        assertEquals(List.of(), sample().validate());
    }

    @Test
    void rule1IdentityAndIncusFieldsMustBeNonEmptyAfterRustTrim() throws Exception {
        RuntimeSpec s = sample();
        RuntimeSpec bad = new RuntimeSpec(new RuntimeSpec.Identity(" \t", "\u00a0"),
                new RuntimeSpec.IncusConfig("", "\u3000", "alias"), s.resources(), s.mounts(), s.paths(),
                s.policies(), s.entryCommand(), s.labels(), s.metadata());
        List<SpecViolation> v = bad.validate();
        assertEquals(List.of("runtime spec field `identity.runtime_id` must be non-empty",
                "runtime spec field `identity.instance_name` must be non-empty",
                "runtime spec field `incus.project` must be non-empty",
                "runtime spec field `incus.profile` must be non-empty"), messages(bad));
        assertEquals(SpecViolation.Kind.EMPTY_FIELD, v.get(0).kind());
        assertEquals("/identity/runtime_id", v.get(0).pointer());
        assertEquals("/incus/profile", v.get(3).pointer());
        assertEquals("spec-empty-field", v.get(0).kind().ruleId());

        // U+001C is whitespace to Java's trim/strip but not to Rust's: a non-empty value for the reference
        RuntimeSpec javaBlankOnly = new RuntimeSpec(new RuntimeSpec.Identity("\u001c", "i"), s.incus(), null, null,
                null, null, null, null, null);
        assertEquals(List.of(), javaBlankOnly.validate());
    }

    @Test
    void rule2PathsMustBeNonEmptyAbsoluteWithoutParentTraversal() throws Exception {
        RuntimeSpec s = sample();
        RuntimePaths paths = new RuntimePaths(null, "", "run/pika-cloud/status.json", "/run/pika-cloud/../result.json",
                "/run/pika-cloud/..", null, "/run/pika-cloud/logs/..guest.log", null);
        List<SpecViolation> v = withPaths(s, paths).validate();
        assertEquals(List.of("runtime spec field `paths.events_path` must be non-empty",
                "runtime spec path `paths.status_path` = `run/pika-cloud/status.json` is invalid: must be absolute",
                "runtime spec path `paths.result_path` = `/run/pika-cloud/../result.json` is invalid: must not contain parent traversal",
                "runtime spec path `paths.guest_request_path` = `/run/pika-cloud/..` is invalid: must not contain parent traversal"),
                v.stream().map(SpecViolation::message).toList());
        assertEquals("/paths/status_path", v.get(1).pointer());
        assertEquals("run/pika-cloud/status.json", v.get(1).value());
        assertEquals(SpecViolation.Kind.INVALID_PATH, v.get(1).kind());
    }

    @Test
    void rule3PathsMustStartWithStateDirAsAStringPrefix() throws Exception {
        RuntimeSpec s = sample();
        RuntimePaths paths = new RuntimePaths(null, null, "/tmp/status.json", null, null,
                "/run/pika-cloud-logs", null, "/var/artifacts");
        assertEquals(List.of(
                "runtime spec path `paths.status_path` = `/tmp/status.json` is invalid: must stay under paths.state_dir",
                "runtime spec path `paths.artifacts_dir` = `/var/artifacts` is invalid: must stay under paths.state_dir"),
                messages(withPaths(s, paths)));
        // a relative state_dir is rule 2's error only; nothing can be "under" it
        RuntimePaths relative = new RuntimePaths("run", null, null, null, null, null, null, null);
        assertEquals(List.of("runtime spec path `paths.state_dir` = `run` is invalid: must be absolute"),
                messages(withPaths(s, relative)));
        // moving everything together is fine
        RuntimePaths moved = new RuntimePaths("/srv/rt", "/srv/rt/e", "/srv/rt/s", "/srv/rt/r", "/srv/rt/g", "/srv/rt/l",
                "/srv/rt/l/g", "/srv/rt/a");
        assertEquals(List.of(), withPaths(s, moved).validate());
    }

    @Test
    void rule4EntryCommandWhenPresentMustBeNonEmpty() throws Exception {
        RuntimeSpec s = sample();
        assertEquals(List.of("runtime spec field `entry_command` must be non-empty"),
                messages(s.withEntryCommand("  \n")));
        assertEquals("/entry_command", s.withEntryCommand("").validate().get(0).pointer());
        assertEquals(List.of(), s.withEntryCommand(null).validate());
    }

    @Test
    void rule5MountsNeedSourceAbsoluteGuestPathAndUniqueGuestPaths() throws Exception {
        RuntimeSpec s = sample();
        List<RuntimeMount> mounts = new ArrayList<>(s.mounts());
        mounts.add(new RuntimeMount(MountKind.CACHE, "/cache", " ", MountMode.READ_WRITE, false));
        mounts.add(new RuntimeMount(MountKind.ARTIFACT_OUTPUT, "out", "/host/out", MountMode.READ_WRITE, false));
        mounts.add(new RuntimeMount(MountKind.CACHE, "/var/lib/pika", "cache", MountMode.READ_WRITE, false));
        List<SpecViolation> v = withMounts(s, mounts).validate();
        assertEquals(List.of("runtime spec field `mount.source` must be non-empty",
                "runtime spec path `mount.guest_path` = `out` is invalid: must be absolute",
                "runtime spec mount guest_path `/var/lib/pika` must be unique"),
                v.stream().map(SpecViolation::message).toList());
        assertEquals(List.of("/mounts/1/source", "/mounts/2/guest_path", "/mounts/3/guest_path"),
                v.stream().map(SpecViolation::pointer).toList());
        assertEquals(SpecViolation.Kind.DUPLICATE_MOUNT_GUEST_PATH, v.get(2).kind());
        assertEquals("/var/lib/pika", v.get(2).value());
    }

    @Test
    void rulesAreReportedInTheReferenceOrder() throws Exception {
        RuntimeSpec s = sample();
        RuntimeSpec bad = new RuntimeSpec(new RuntimeSpec.Identity("", "i"), s.incus(), null,
                List.of(new RuntimeMount(MountKind.CACHE, "/c", "", MountMode.READ_ONLY, false)),
                new RuntimePaths(null, null, "/tmp/s", null, null, null, "rel", null), null, "", null, null);
        assertEquals(List.of("identity.runtime_id", "paths.guest_log_path", "paths.status_path", "entry_command",
                "mount.source"), bad.validate().stream().map(SpecViolation::field).toList());
    }

    @Test
    void canonicalArtifactPathsUseRustDebugQuoting() {
        RuntimeArtifactPaths p = new RuntimeArtifactPaths("/run/e\"vents", "/run/custom/status.json", null);
        assertEquals(List.of(
                "artifacts.status_path must use canonical path \"/run/pika-cloud/status.json\", got \"/run/custom/status.json\"",
                "artifacts.events_path must use canonical path \"/run/pika-cloud/events.jsonl\", got \"/run/e\\\"vents\""),
                p.validateCanonicalPaths("artifacts"));
        assertEquals(List.of(), RuntimeArtifactPaths.defaults().validateCanonicalPaths("x"));
        assertEquals(RuntimeArtifactPaths.defaults(), RuntimePaths.defaults().artifactPaths());
        assertEquals(ContractConstants.RESULT_PATH, RuntimeArtifactPaths.defaults().resultPath());
    }

    @Test
    void rustTextMatchesRust() {
        assertEquals("a b", RustText.trim("\u2002\u0085a b\u202f\n"));
        assertEquals("\u001ca", RustText.trim("\u001ca"));
        assertEquals("\"a\\n\\t\\0\\u{1}é\"", RustText.debugQuote("a\n\t\0\u0001é"));
    }
}
