package dev.pika.cli.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.cli.Main;
import dev.pika.cli.render.CliRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pika image-record from-incus} with a recording stand-in for incus/ssh: the exact argv (local and over ssh,
 * with the reference's ssh options), the exact-alias pick among prefix matches, and failure handling. The real
 * thing (LXD, ssh on loopback) is {@link ImageRecordLiveIT}.
 */
class FromIncusTest {
    static final String FP_DEV = "f504710f6874ba5a36011cbec7bb27c23fa5df227529afc07528097f92e5f9b8";
    static final String FP_DEV2 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    /** What {@code image list pikaci/dev} prints when pikaci/dev2 also exists: a prefix match comes first. */
    static final String LIST = "[{\"aliases\":[{\"name\":\"pikaci/dev2\",\"description\":\"\"}],\"fingerprint\":\""
            + FP_DEV2 + "\",\"type\":\"virtual-machine\"},"
            + "{\"aliases\":[{\"name\":\"other\",\"description\":\"\"},{\"name\":\"pikaci/dev\",\"description\":\"\"}],"
            + "\"fingerprint\":\"" + FP_DEV + "\",\"type\":\"virtual-machine\"}]\n";

    @TempDir
    Path dir;

    final List<List<String>> calls = new ArrayList<>();

    CliRun run(Map<String, String> env, IncusImageList.Result answer, String... args) {
        ImageRecordCommand.FromIncus cmd = new ImageRecordCommand.FromIncus(env, argv -> {
            calls.add(argv);
            return answer;
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new CliRun(cl.execute(args), out.toString(), err.toString());
    }

    static IncusImageList.Result listed(String stdout) {
        return new IncusImageList.Result(0, stdout, "");
    }

    @Test
    void localQueryAndDefaultAliasRecordsTheRole() {
        CliRun r = run(Map.of(), listed(LIST), "--role", "pikaci-runner", "--local", "--incus-bin", "lxc");
        assertEquals(List.of(List.of("lxc", "image", "list", "--project", "pika-managed-agents", "pikaci/dev",
                "--format", "json")), calls);
        assertEquals("{\n"
                + "  \"guest_role\": \"pikaci-runner\",\n"
                + "  \"project\": \"pika-managed-agents\",\n"
                + "  \"alias\": \"pikaci/dev\",\n"
                + "  \"fingerprint\": \"" + FP_DEV + "\"\n"
                + "}\n", r.ok());
    }

    @Test
    void remoteQueryUsesTheReferenceSshOptionsAndOneQuotedRemoteCommand() {
        run(Map.of("PIKA_BUILD_SSH_KEY", "/k"), listed(LIST), "--role", "pikaci-runner", "--project", "p+1");
        String auto = "sh -c " + dev.pika.cli.image.ShellQuote.quote(IncusImageList.AUTO_SUDO) + " sh ";
        assertEquals(List.of(List.of("ssh", "-i", "/k", "-o", "StrictHostKeyChecking=accept-new", "-o",
                "BatchMode=yes", "-o", "ConnectTimeout=10", "pika-build",
                auto + "incus image list --project p+1 pikaci/dev --format json")), calls);
        calls.clear();
        run(Map.of("PIKA_BUILD_SSH_KEY", ""), listed(LIST), "--role", "managed-openclaw", "--remote-host",
                "ci@build-1", "--alias", "pikaci/dev", "--incus-bin", "/opt/incus/bin/incus", "--sudo", "never");
        assertEquals(List.of(List.of("ssh", "-o", "StrictHostKeyChecking=accept-new", "-o", "BatchMode=yes", "-o",
                "ConnectTimeout=10", "ci@build-1",
                "/opt/incus/bin/incus image list --project pika-managed-agents pikaci/dev --format json")), calls);
        calls.clear();
        run(Map.of(), listed(LIST), "--role", "pikaci-runner", "--local", "--sudo", "always");
        assertEquals(List.of(List.of("sudo", "-n", "incus", "image", "list", "--project", "pika-managed-agents",
                "pikaci/dev", "--format", "json")), calls, "sudo never waits for a password");
    }

    @Test
    void remoteAutoSudoRunsIncusUnderSudoOnlyForANonRootUser() throws Exception {
        // the remote side of --sudo auto, run by a real sh: as root it execs the command itself
        Process p = new ProcessBuilder("sh", "-c", IncusImageList.AUTO_SUDO, "sh", "echo", "ran as is").start();
        assertEquals("ran as is\n", new String(p.getInputStream().readAllBytes()));
        assertEquals(0, p.waitFor());
    }

    @Test
    void twoEntriesWithTheAliasOrAnInvalidFingerprintAreErrors() {
        String two = "[{\"aliases\":[{\"name\":\"pikaci/dev\"}],\"fingerprint\":\"" + FP_DEV + "\"},"
                + "{\"aliases\":[{\"name\":\"pikaci/dev\"}],\"fingerprint\":\"" + FP_DEV2 + "\"}]";
        CliRun r = run(Map.of(), listed(two), "--role", "pikaci-runner", "--local");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("listed two images with alias pikaci/dev"), r.err());
        assertEquals("", r.out());
        String hostile = "[{\"aliases\":[{\"name\":\"pikaci/dev\"}],\"fingerprint\":\"--force\\n$(touch x)\"}]";
        CliRun bad = run(Map.of(), listed(hostile), "--role", "pikaci-runner", "--local");
        assertEquals(1, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("where an image fingerprint (64 hex digits) belongs"), bad.err());
        assertEquals("", bad.out(), "no record with a hostile fingerprint");
    }

    @Test
    void customAliasOrAnotherRolesAliasSuppressesTheRole() {
        String custom = "[{\"aliases\":[{\"name\":\"ci/custom\"}],\"fingerprint\":\"" + FP_DEV + "\"}]";
        assertEquals("{\n  \"project\": \"p\",\n  \"alias\": \"ci/custom\",\n  \"fingerprint\": \"" + FP_DEV
                + "\"\n}\n", run(Map.of(), listed(custom), "--role", "pikaci-runner", "--local", "--project", "p",
                "--alias", "ci/custom").ok());
        String out = run(Map.of(), listed(LIST), "--role", "managed-openclaw", "--local", "--alias", "pikaci/dev")
                .ok();
        assertTrue(!out.contains("guest_role") && out.contains(FP_DEV), out);
    }

    @Test
    void roleIsParsedAsTheReferenceDoes() {
        assertTrue(run(Map.of(), listed(LIST), "--role", " pikaci-runner\t", "--local").ok()
                .contains("\"guest_role\": \"pikaci-runner\""));
        calls.clear();
        CliRun bad = run(Map.of(), listed(LIST), "--role", "PIKACI-RUNNER", "--local");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("expected `managed-openclaw` or `pikaci-runner`, got \"PIKACI-RUNNER\""),
                bad.err());
        assertEquals(List.of(), calls, "nothing runs on a usage error");
    }

    @Test
    void absentAliasIsAClearFailure() {
        CliRun r = run(Map.of(), listed(LIST), "--role", "pikaci-runner", "--local", "--alias", "pikaci/de");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertEquals("from-incus: no image with alias pikaci/de in project pika-managed-agents (incus); similar "
                + "aliases: pikaci/dev2, other, pikaci/dev\n", r.err());
        CliRun none = run(Map.of(), listed("[]"), "--role", "pikaci-runner", "--remote-host", "h");
        assertEquals(1, none.exitCode());
        assertEquals("from-incus: no image with alias pikaci/dev in project pika-managed-agents (incus on h)\n",
                none.err());
    }

    @Test
    void failuresOfSshIncusOrItsOutputExitOne() {
        CliRun ssh = run(Map.of(), new IncusImageList.Result(255, "", "ssh: connect to host h port 22: Connection "
                + "refused\n"), "--role", "pikaci-runner", "--remote-host", "h");
        assertEquals(1, ssh.exitCode());
        assertEquals("from-incus: ssh to h failed (exit 255) listing images of project pika-managed-agents: ssh: "
                + "connect to host h port 22: Connection refused\n", ssh.err());
        CliRun incus = run(Map.of(), new IncusImageList.Result(1, "", "Error: Project not found\n"),
                "--role", "pikaci-runner", "--local", "--incus-bin", "lxc", "--project", "nope");
        assertEquals(1, incus.exitCode());
        assertEquals("from-incus: lxc failed (exit 1) listing images of project nope: Error: Project not found\n",
                incus.err());
        CliRun garbage = run(Map.of(), listed("+----+\n| ALIAS |\n"), "--role", "pikaci-runner", "--local");
        assertEquals(1, garbage.exitCode());
        assertTrue(garbage.err().startsWith("from-incus: incus image list printed no JSON array: +----+"),
                garbage.err());
        CliRun noFp = run(Map.of(), listed("[{\"aliases\":[{\"name\":\"pikaci/dev\"}]}]"), "--role",
                "pikaci-runner", "--local");
        assertEquals(1, noFp.exitCode());
        assertTrue(noFp.err().contains("without a fingerprint"), noFp.err());
    }

    @Test
    void missingProgramIsAFailureNotACrash() {
        ImageRecordCommand.FromIncus cmd = new ImageRecordCommand.FromIncus(Map.of(), IncusImageList.PROCESS);
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(cmd);
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("--role", "pikaci-runner", "--local", "--incus-bin",
                dir.resolve("no-such-incus").toString());
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("from-incus: cannot run " + dir.resolve("no-such-incus")),
                err.toString());
    }

    @Test
    void usageErrorsExitTwoAndRunNothing() {
        IncusImageList.Result any = listed(LIST);
        assertEquals(2, run(Map.of(), any, "--local").exitCode(), "--role is required");
        assertEquals(2, run(Map.of(), any, "--role", "pikaci-runner", "--local", "--remote-host", "h").exitCode());
        CliRun alias = run(Map.of(), any, "--role", "pikaci-runner", "--local", "--alias", "-rf");
        assertEquals(2, alias.exitCode());
        assertTrue(alias.err().contains("invalid --alias \"-rf\""), alias.err());
        assertEquals(2, run(Map.of(), any, "--role", "pikaci-runner", "--remote-host", "-oProxyCommand=x")
                .exitCode());
        assertEquals(2, run(Map.of(), any, "--role", "pikaci-runner", "--local", "--project", "a b").exitCode());
        assertEquals(2, run(Map.of(), any, "--role", "pikaci-runner", "--local", "--incus-bin", "lxc;id")
                .exitCode());
        assertEquals(List.of(), calls);
    }

    @Test
    void outputFileIsWrittenWhole() throws IOException {
        Path target = dir.resolve("image-record.json");
        Files.writeString(target, "old");
        CliRun r = run(Map.of(), listed(LIST), "--role", "pikaci-runner", "--local", "-o", target.toString());
        assertEquals("", r.ok());
        assertTrue(Files.readString(target).startsWith("{\n  \"guest_role\": \"pikaci-runner\""));
        CliRun failed = run(Map.of(), listed("[]"), "--role", "pikaci-runner", "--local", "-o", target.toString());
        assertEquals(1, failed.exitCode());
        assertTrue(Files.readString(target).contains(FP_DEV), "a failed query leaves the previous file alone");
    }
}
