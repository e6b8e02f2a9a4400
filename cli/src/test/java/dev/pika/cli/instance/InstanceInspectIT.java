package dev.pika.cli.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.testkit.Await;
import dev.pika.testkit.Fixtures;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Require;
import dev.pika.testkit.Requires;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pika instance inspect} and {@code list} against real Incus: system containers built offline from Debian's
 * busybox-static (a rootfs whose {@code /sbin/init} copies the case's lifecycle files into {@code /run/pika-cloud},
 * with the guest's real boot id put in for {@code @BOOT@}), imported as an image into a random project that is
 * removed afterwards. One container per case: ready, not ready for each of the server's reasons, failed with and
 * without failure_reason, a completed CI run, no lifecycle files, a stopped instance.
 */
@Requires({"incus", "busybox"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceInspectIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MANAGED = "managed-openclaw";
    private static final String CI = "pikaci-runner";
    private static final String OTHER_BOOT = "00000000-1111-2222-3333-444444444444";
    private static final String INIT = """
            #!/bin/busybox sh
            export PATH=/bin
            boot=$(cat /proc/sys/kernel/random/boot_id)
            mkdir -p /run/pika-cloud
            for f in /etc/pika-case/*; do
                [ -f "$f" ] || continue
                n=${f##*/}
                sed "s/@BOOT@/$boot/g" "$f" > "/run/pika-cloud/.$n.tmp" && mv "/run/pika-cloud/.$n.tmp" "/run/pika-cloud/$n"
            done
            touch /run/pika-case-done
            exec sleep 2147483647
            """;

    private final String project = "pika-it-inst-" + UUID.randomUUID().toString().substring(0, 8);
    /** Case name → expected verdict in {@code list}. */
    private final Map<String, String> verdicts = new LinkedHashMap<>();

    private static String status(String state, String bootId, String details) {
        return "{\n  \"schema_version\": 1,\n  \"state\": \"" + state + "\",\n  \"updated_at\": "
                + "\"2026-11-21T07:45:29+00:00\",\n  \"message\": \"case " + state + "\""
                + (bootId == null ? "" : ",\n  \"boot_id\": \"" + bootId + "\"")
                + (details == null ? "" : ",\n  \"details\": " + details) + "\n}\n";
    }

    private static String details(String agent, String backend, String service, String probe, String failure) {
        StringBuilder sb = new StringBuilder("{\"agent_kind\": \"" + agent + "\", \"backend_mode\": \"" + backend
                + "\", \"service_kind\": \"" + service + "\", \"service_probe_satisfied\": true");
        if (probe != null) {
            sb.append(", \"probe\": \"").append(probe).append('"');
        }
        if (failure != null) {
            sb.append(", \"failure_reason\": \"").append(failure).append('"');
        }
        return sb.append('}').toString();
    }

    private static String good(String probe, String failure) {
        return details("openclaw", "native", "openclaw_gateway", probe, failure);
    }

    private Proc.Result incus(String... args) {
        List<String> a = new ArrayList<>(List.of("incus"));
        a.addAll(List.of(args));
        return Proc.of(a).timeout(Duration.ofSeconds(120)).run();
    }

    @BeforeAll
    void buildImageAndStartOneContainerPerCase(@TempDir Path tmp) throws Exception {
        Require.tool("incus");
        Path busybox = Require.tool("busybox");
        Path root = Files.createDirectories(tmp.resolve("rootfs"));
        for (String d : List.of("bin", "sbin", "etc", "proc", "sys", "dev", "run", "tmp")) {
            Files.createDirectories(root.resolve(d));
        }
        Files.copy(busybox.toRealPath(), root.resolve("bin/busybox"));
        for (String applet : Proc.of(busybox.toString(), "--list").run().ok().split("\n")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(root.resolve("bin/" + applet.strip()), Path.of("busybox"));
            }
        }
        Files.writeString(root.resolve("sbin/init"), INIT);
        assertTrue(root.resolve("sbin/init").toFile().setExecutable(true, false));
        Files.writeString(tmp.resolve("metadata.yaml"), "architecture: x86_64\ncreation_date: 1700000000\n"
                + "properties:\n  description: pika instance-inspect test guest (busybox)\n  os: busybox\n");
        Proc.of("tar", "-C", root.toString(), "-czf", tmp.resolve("rootfs.tar.gz").toString(), ".").run().ok();
        Proc.of("tar", "-C", tmp.toString(), "-czf", tmp.resolve("meta.tar.gz").toString(), "metadata.yaml").run()
                .ok();
        incus("project", "create", project, "-c", "features.images=true", "-c", "features.profiles=false").ok();
        incus("image", "import", "--project", project, tmp.resolve("meta.tar.gz").toString(),
                tmp.resolve("rootfs.tar.gz").toString(), "--alias", "busybox-guest").ok();

        String ready = status("ready", "@BOOT@", good("openclaw_gateway_health", null));
        guest("ready", MANAGED, Map.of("status.json", ready), "ready (phase ready)");
        guest("missing-boot-id", MANAGED, Map.of("status.json", status("ready", null, good("p", null))),
                "not ready: missing boot_id (phase creating)");
        guest("boot-id-mismatch", MANAGED, Map.of("status.json", status("ready", OTHER_BOOT, good("p", null))),
                "not ready: boot_id mismatch (phase creating)");
        guest("missing-details", MANAGED, Map.of("status.json", status("ready", "@BOOT@", null)),
                "not ready: missing details (phase creating)");
        guest("malformed-details", MANAGED, Map.of("status.json", status("ready", "@BOOT@",
                "{\"probe\": 7}")), "not ready: malformed details (phase creating)");
        guest("agent-kind", MANAGED, Map.of("status.json", status("ready", "@BOOT@",
                details("hermes", "native", "openclaw_gateway", "p", null))),
                "not ready: mismatched agent_kind (phase creating)");
        guest("backend-mode", MANAGED, Map.of("status.json", status("ready", "@BOOT@",
                details("openclaw", "vm", "openclaw_gateway", "p", null))),
                "not ready: mismatched backend_mode (phase creating)");
        guest("service-kind", MANAGED, Map.of("status.json", status("ready", "@BOOT@",
                details("openclaw", "native", "ssh", "p", null))),
                "not ready: mismatched service_kind (phase creating)");
        guest("no-probe", MANAGED, Map.of("status.json", status("ready", "@BOOT@", good(" ", null))),
                "not ready: missing readiness probe (phase creating)");
        guest("failed-with-reason", MANAGED, Map.of("status.json", status("failed", "@BOOT@",
                good(null, "openclaw_gateway_exited"))), "failed: openclaw_gateway_exited (phase error)");
        guest("failed-without-reason", MANAGED, Map.of("status.json", status("failed", "@BOOT@", good(null, null))),
                "not ready: missing failure_reason (phase creating)");
        guest("starting", MANAGED, Map.of("status.json", status("starting", "@BOOT@", good(null, null))),
                "not ready: state starting (phase creating)");
        String helper = "upstream-lifecycle-helper/";
        guest("ci-completed", CI, Map.of("status.json", Fixtures.text(helper + "status-completed.json"),
                "events.jsonl", Fixtures.text(helper + "events-run.jsonl"),
                "events.jsonl.seq", Fixtures.text(helper + "events-run.jsonl.seq"),
                "result.json", Fixtures.text(helper + "result-completed.json"),
                "guest-request.json", "{\"schema_version\": 2, \"command\": \"cargo test\", \"timeout_secs\": 600, "
                        + "\"run_as_root\": false}\n"), "run passed");
        guest("no-files", MANAGED, Map.of(), "not ready: no readable status.json (phase creating)");
        guest("stopped", CI, Map.of("status.json", Fixtures.text(helper + "status-failed-exit9.json"),
                "result.json", Fixtures.text(helper + "result-failed-exit9.json")), "run failed");
        for (String name : verdicts.keySet()) {
            Await.until(name + " wrote its lifecycle files", Duration.ofSeconds(90),
                    () -> incus("file", "pull", "--project", project, name + "/run/pika-case-done", "-").exit() == 0);
        }
        incus("stop", "--force", "--project", project, "stopped").ok();
    }

    /** Creates a container with {@code user.pika.guest_role}, pushes the case's templates, starts it. */
    private void guest(String name, String role, Map<String, String> files, String verdict) throws Exception {
        incus("create", "--project", project, "busybox-guest", name, "-c", "user.pika.guest_role=" + role).ok();
        Path dir = Files.createTempDirectory("pika-case");
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.writeString(p, f.getValue());
                incus("file", "push", "--project", project, "--create-dirs", p.toString(),
                        name + "/etc/pika-case/" + f.getKey()).ok();
            }
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
        incus("start", "--project", project, name).ok();
        verdicts.put(name, verdict);
    }

    @AfterAll
    void removeTheProject() {
        if (incus("project", "show", project).exit() != 0) {
            return;
        }
        for (String name : incus("list", "--project", project, "--format", "csv", "-c", "n").out().split("\n")) {
            if (!name.isBlank()) {
                incus("delete", "--force", "--project", project, name.strip());
            }
        }
        for (String fp : incus("image", "list", "--project", project, "--format", "csv", "-c", "F").out()
                .split("\n")) {
            if (!fp.isBlank()) {
                incus("image", "delete", "--project", project, fp.strip());
            }
        }
        incus("project", "delete", project).ok();
    }

    private Proc.Result pika(String... args) {
        List<String> a = new ArrayList<>(List.of("instance"));
        a.addAll(List.of(args));
        a.addAll(List.of("--local", "--project", project));
        return Proc.pika(a.toArray(String[]::new)).run();
    }

    private JsonNode inspectJson(String name) throws Exception {
        Proc.Result r = pika("inspect", "--format", "json", name);
        assertEquals(0, r.exit(), r.both());
        return MAPPER.readTree(r.out());
    }

    @Test
    void listGivesEveryCaseItsVerdictOneLineEach() throws Exception {
        Proc.Result json = pika("list", "--format", "json");
        assertEquals(0, json.exit(), json.both());
        Map<String, String> seen = new LinkedHashMap<>();
        Map<String, String> rows = new LinkedHashMap<>();
        for (JsonNode n : MAPPER.readTree(json.out())) {
            seen.put(n.get("name").asText(), n.get("verdict").asText());
            rows.put(n.get("name").asText(), n.toString());
            assertTrue(n.get("valid").asBoolean(), n.toString());
        }
        for (String name : verdicts.keySet()) {
            assertEquals(verdicts.get(name), seen.get(name), () -> name + ": list said " + rows.get(name) + "\n"
                    + pika("inspect", name).both()
                    + incus("info", "--project", project, name, "--show-log").both());
        }
        assertEquals(verdicts.keySet(), seen.keySet());

        Proc.Result text = pika("list");
        assertEquals(0, text.exit(), text.both());
        List<String> lines = text.lines();
        assertEquals(verdicts.size() + 1, lines.size(), text.out());
        assertTrue(lines.get(0).matches("NAME +ROLE +STATE +BOOT +VERDICT"), lines.get(0));
        assertTrue(lines.contains("ready" + " ".repeat(18) + "managed-openclaw  Running  match     ready (phase ready)"),
                text.out());
        assertTrue(lines.contains("stopped" + " ".repeat(16) + "pikaci-runner     Stopped  unknown   run failed"),
                text.out());
        assertTrue(lines.contains("missing-details        managed-openclaw  Running  match     not ready: missing "
                + "details (phase creating)"), text.out());
    }

    @Test
    void inspectShowsTheFirstReasonPhaseAndBootIds() throws Exception {
        JsonNode mismatch = inspectJson("boot-id-mismatch");
        assertEquals("boot_id mismatch", mismatch.get("readiness").get("reason").asText());
        assertEquals("creating", mismatch.get("readiness").get("phase").asText());
        assertEquals("mismatch", mismatch.get("boot_id_match").asText());
        assertEquals("user.pika.guest_role", mismatch.get("role_source").asText());
        String current = mismatch.get("current_boot_id").asText();
        assertEquals(36, current.length(), current);
        assertEquals(OTHER_BOOT, mismatch.get("status").get("boot_id").asText());

        JsonNode ready = inspectJson("ready");
        assertTrue(ready.get("readiness").get("ready").asBoolean());
        assertTrue(ready.get("readiness").get("startup_probe_satisfied").asBoolean());
        assertEquals(ready.get("current_boot_id").asText(), ready.get("status").get("boot_id").asText(),
                "init put the guest's real boot id in (Incus gives each container start its own)");

        JsonNode failed = inspectJson("failed-with-reason");
        assertEquals("error", failed.get("readiness").get("phase").asText());
        assertEquals("openclaw_gateway_exited", failed.get("readiness").get("failure_reason").asText());

        JsonNode asCi = MAPPER.readTree(pika("inspect", "--format", "json", "--role", CI, "ready").out());
        assertEquals("--role", asCi.get("role_source").asText());
        assertTrue(asCi.get("readiness").isNull());
        assertEquals("no result; state ready", asCi.get("verdict").asText());
    }

    @Test
    void aCompletedCiRunAStoppedInstanceAndNoFiles() throws Exception {
        JsonNode run = inspectJson("ci-completed");
        assertEquals("passed", run.get("run_status").asText());
        assertEquals(3, run.get("events").get("count").asInt());
        assertEquals(0, run.get("cross_findings").size(), run.get("cross_findings").toString());
        for (String f : InstanceReader.FILES) {
            assertTrue(run.get("files").get(f).get("present").asBoolean(), f);
        }
        JsonNode stopped = inspectJson("stopped");
        assertEquals("Stopped", stopped.get("state").asText());
        assertTrue(stopped.get("current_boot_id").isNull());
        assertEquals("the instance is not running", stopped.get("boot_id_error").asText());
        assertEquals("failed", stopped.get("run_status").asText());
        assertEquals(0, stopped.get("cross_findings").size(), "the helper's failed status and result agree");
        JsonNode none = inspectJson("no-files");
        for (String f : InstanceReader.FILES) {
            assertTrue(!none.get("files").get(f).get("present").asBoolean() && !none.get("files").get(f).has("error"),
                    "missing, not an error: " + none.get("files").get(f));
        }
    }

    @Test
    @Requires({"sshd", "incus-remote"})
    void overSshAndThroughAnIncusRemoteTheLinesAreTheSame() {
        String local = pika("list").ok();
        Proc.Result ssh = Proc.pika("instance", "list", "--remote-host", "root@127.0.0.1", "--project", project)
                .env("PIKA_BUILD_SSH_KEY", Require.SSH_KEY).run();
        assertEquals(local, ssh.ok(), ssh.both());
        Proc.Result remote = Proc.pika("instance", "list", "--remote", "pika-loopback", "--project", project).run();
        assertEquals(local, remote.ok(), remote.both());
        Proc.Result one = Proc.pika("instance", "inspect", "--remote", "pika-loopback", "--project", project,
                "--format", "json", "ready").run();
        assertTrue(one.ok().contains("\"verdict\" : \"ready (phase ready)\"")
                || one.out().contains("\"verdict\": \"ready (phase ready)\""), one.out());
    }

    @Test
    void usageErrorsAndAnUnreachableHost() {
        assertEquals(2, Proc.pika("instance").run().exit());
        assertEquals(2, Proc.pika("instance", "inspect", "--local").run().exit());
        Proc.Result sudo = Proc.pika("instance", "list", "--local", "--sudo", "sometimes").run();
        assertEquals(2, sudo.exit());
        assertTrue(sudo.err().contains("--sudo"), sudo.err());
        assertEquals(2, Proc.pika("instance", "list", "--local", "--format", "yaml").run().exit());
        Proc.Result down = Proc.pika("instance", "list", "--remote-host", "root@127.0.0.1", "--ssh-option", "Port=1",
                "--sudo", "never", "--project", project).run();
        assertEquals(1, down.exit(), down.both());
        assertTrue(down.err().startsWith("pika: cannot read the instances in project " + project + " on "
                + "root@127.0.0.1: "), down.err());
        assertTrue(!down.err().contains("Exception"), down.err());
    }

    @Test
    void textInspectOfANotReadyManagedGuest() throws Exception {
        Proc.Result r = pika("inspect", "missing-details");
        assertEquals(0, r.exit(), r.both());
        String boot = incus("exec", "--project", project, "missing-details", "--", "cat",
                "/proc/sys/kernel/random/boot_id").ok().strip();
        assertEquals(String.join("\n",
                "instance    missing-details (container, project " + project + ", on this machine)",
                "state       Running",
                "role        managed-openclaw (user.pika.guest_role)",
                "boot id     current " + boot + ", status.json " + boot + " (match)",
                "status      ready at 2026-11-21T07:45:29+00:00: case ready",
                "events      missing (events.jsonl)",
                "result      missing (result.json)",
                "request     missing (guest-request.json)",
                "findings    none",
                "verdict     not ready: missing details (phase creating)", ""), r.out());
        Path capture = Repo.root().resolve("cli/target/instance-inspect-not-ready.txt");
        Files.writeString(capture, "$ pika instance inspect --local --project " + project + " missing-details\n"
                + r.out(), StandardCharsets.UTF_8);
        Proc.Result missing = pika("inspect", "no-such-instance");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().startsWith("pika: cannot read instance no-such-instance in project " + project),
                missing.err());
    }
}
