package dev.pika.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of ../shared/fixtures/upstream-incus-role-image/: success cases through {@code --dry-run --format json}
 * (same ssh/scp options, host, temp-dir templates, nix attribute and --out-link, project and alias as the
 * reference's recorded calls), usage and missing-artifact errors run for real (same message and exit code, with
 * the differences listed in docs/incus-role-image.md). The {@code fail-*} cases need the tools to fail, see
 * {@code ImageFailureInjectionIT}.
 */
class FixtureParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "incus-role-image: ";

    @TempDir
    Path scratch;

    static Path fixtures() {
        return Path.of(System.getProperty("pika.shared.dir", "../../shared"), "fixtures", "upstream-incus-role-image");
    }

    static Stream<Arguments> cases() throws IOException {
        JsonNode index = JSON.readTree(fixtures().resolve("index.json").toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : index) {
            out.add(Arguments.of(c.path("case").asText(), c.path("file").asText()));
        }
        assertEquals(22, out.size(), "fixture index changed: review the parity cases");
        return out.stream();
    }

    /** The scratch working directory the reference ran in (README.md of the fixtures). */
    static void makeScratch(Path dir) throws IOException {
        for (String f : List.of(".gitignore", "README.md", "flake.nix", "scripts/incus-role-image.sh", "notes.txt",
                "build.log", "result/metadata.tar.xz", "result/disk.qcow2",
                "artifacts/pikaci-runner/metadata.tar.xz", "artifacts/pikaci-runner/disk.qcow2",
                "artifacts/metadata-only/metadata.tar.xz")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f + "\n");
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(Path cwd, Map<String, String> env, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> e = new HashMap<>(env);
        e.put("PATH", "/nonexistent-pika-test-path"); // nothing may run: dry runs and usage errors only
        int code = ImageCommand.runAs("incus-role-image", List.of(), args.toArray(String[]::new),
                new ImageCommand.Context(cwd, e, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameBehaviourAsTheReference(String name, String file) throws IOException {
        JsonNode fx = JSON.readTree(fixtures().resolve(file).toFile());
        makeScratch(scratch);
        List<String> args = new ArrayList<>();
        fx.path("argv").forEach(a -> args.add(a.asText()));
        args.remove(0);
        Map<String, String> env = new HashMap<>();
        fx.path("env").fields().forEachRemaining(en -> env.put(en.getKey(), en.getValue().asText()));
        int refExit = fx.path("exit_code").asInt();
        boolean failCase = name.startsWith("fail-");
        if (failCase || (refExit == 0 && fx.path("calls").size() > 0)) {
            // a fail-* case's calls up to the failure are a prefix of a successful run's plan
            args.addAll(List.of("--dry-run", "--format", "json"));
            Run r = run(scratch, env, args);
            assertEquals(0, r.exit(), r.err());
            assertPlanMatches(fx, JSON.readTree(r.out()), failCase, scratch);
            return;
        }
        Run r = run(scratch, env, args);
        String refErr = fx.path("stderr").asText();
        switch (name) {
            case "help-after-subcommand" -> {
                assertEquals(0, r.exit());
                assertTrue(r.out().startsWith("Usage:"), r.out());
                assertTrue(r.out().contains("--role"), r.out());
                assertEquals("", r.err());
            }
            case "error-role-missing-value" -> {
                // deliberate difference: the reference dies in bash (`$2: unbound variable`, exit 1)
                assertEquals(1, refExit);
                assertEquals(2, r.exit());
                assertTrue(r.err().startsWith(PREFIX + "option --role needs a value\n"), r.err());
            }
            case "error-missing-subcommand" -> {
                // deliberate difference: the reference prints only the usage; we say what is missing first
                assertEquals(refExit, r.exit());
                assertEquals("", refErr);
                assertTrue(r.err().startsWith(PREFIX + "missing subcommand"), r.err());
                assertTrue(r.err().contains("Usage:\n"), r.err());
            }
            default -> {
                assertEquals(refExit, r.exit(), r.err());
                String firstLine = refErr.lines().findFirst().orElseThrow();
                assertEquals(PREFIX + firstLine, r.err().lines().findFirst().orElseThrow());
                if (refExit == 2) {
                    // the reference prints its usage on stdout; ours goes to stderr (stdout is for data)
                    assertTrue(fx.path("stdout").asText().startsWith("Usage:"));
                    assertTrue(r.err().contains("Usage:\n"), r.err());
                }
            }
        }
        assertEquals(name.equals("help-after-subcommand"), !r.out().isEmpty(), r.out());
    }

    /**
     * Compares our plan with the reference's recorded calls: the fixture's fake mktemp printed the template with
     * ABC123 for the X's; our plan shows the template itself.
     */
    static void assertPlanMatches(JsonNode fx, JsonNode plan, boolean prefixOnly, Path cwd) {
        List<List<String>> calls = new ArrayList<>();
        fx.path("calls").forEach(c -> calls.add(strings(c)));
        List<List<String>> steps = new ArrayList<>();
        List<List<String>> pipelines = new ArrayList<>();
        List<List<String>> remoteArgvs = new ArrayList<>();
        for (JsonNode p : plan.path("plan")) {
            assertTrue(p.path("phase").asText().matches("\\[[1-6]/[1-6]\\] .+"), p.toString());
            List<String> joined = new ArrayList<>();
            for (JsonNode step : p.path("pipeline")) {
                steps.add(strings(step.path("argv")));
                joined.add(String.join("\u0000", strings(step.path("argv"))));
                if (step.has("remote_argv")) {
                    remoteArgvs.add(strings(step.path("remote_argv")));
                }
            }
            pipelines.add(joined);
        }
        List<List<String>> ours = steps.stream().map(st -> referenceShape(st, cwd)).filter(java.util.Objects::nonNull)
                .map(FixtureParityTest::untemplate).toList();
        List<List<String>> sshCalls = ours.stream().filter(s -> s.get(0).equals("ssh")).toList();
        for (List<String> call : calls) {
            String prog = call.get(0);
            String last = call.get(call.size() - 1);
            switch (prog) {
                case "nix", "scp" -> assertTrue(ours.contains(call), "our plan lacks " + call + ": " + ours);
                case "ssh" -> {
                    List<String> prefix = call.subList(0, call.size() - 1);
                    assertFalse(sshCalls.isEmpty());
                    for (List<String> s : sshCalls) {
                        assertEquals(prefix, s.subList(0, s.size() - 1), "ssh options and host");
                    }
                    // pika's own options (timeouts, BatchMode, the shared connection) come on top, never instead
                    for (List<String> raw : steps) {
                        if (raw.get(0).equals("ssh") && referenceShape(raw, cwd) != null) {
                            assertTrue(raw.containsAll(List.of("BatchMode=yes", "ConnectTimeout=10")), raw.toString());
                        }
                    }
                    if (last.startsWith("mktemp -d ") || last.startsWith("rm -rf ") || last.startsWith("mkdir -p ")) {
                        assertTrue(ours.contains(call), "our plan lacks " + call + ": " + ours);
                    } else {
                        assertRemoteScript(last, sshCalls, remoteArgvs);
                    }
                }
                default -> throw new AssertionError("unexpected program in fixture: " + prog);
            }
        }
        for (JsonNode pass : fx.path("passthrough_calls")) {
            List<String> argv = strings(pass);
            assertTrue(ours.contains(argv), "our plan lacks " + argv + ": " + ours);
        }
        if (fx.path("passthrough_calls").size() > 0) {
            // git | tar | ssh 'mkdir -p TMP && tar -xf - -C TMP' is one pipeline
            assertTrue(pipelines.stream().anyMatch(p -> p.size() == 3 && p.get(0).startsWith("git")
                    && p.get(1).startsWith("tar") && p.get(2).startsWith("ssh")), pipelines.toString());
        }
        if (!prefixOnly && calls.stream().anyMatch(c -> c.get(0).equals("ssh"))) {
            // cleanup always comes last (the reference does it inside its import script, or at RETURN)
            List<String> lastStep = ours.get(ours.size() - 1);
            assertTrue(lastStep.get(lastStep.size() - 1).startsWith("rm -rf '/tmp/pika-incus-"), lastStep.toString());
        }
    }

    private static final Pattern IMPORT = Pattern.compile(
            "image import --project '([^']*)' (\\S+) (\\S+) --alias '([^']*)'");
    private static final Pattern CD = Pattern.compile("cd '([^']*)'\n");
    private static final Pattern NIX = Pattern.compile("(nix build \\S+ --out-link result)\n");
    private static final Pattern RM = Pattern.compile("rm -rf '([^']*)'\n");

    /** The reference's one remote script, checked piece by piece against our separate, quoted commands. */
    private static void assertRemoteScript(String script, List<List<String>> ssh, List<List<String>> remoteArgvs) {
        Matcher m = IMPORT.matcher(script);
        assertTrue(m.find(), script);
        String project = m.group(1);
        String alias = m.group(4);
        String meta = unquote(m.group(2));
        String disk = unquote(m.group(3));
        Matcher cd = CD.matcher(script);
        String base = cd.find() ? cd.group(1) + "/" : "";
        // deliberate differences: `--` before operands, provenance properties after them
        List<List<String>> remote = remoteArgvs.stream().map(r -> r.stream().filter(w -> !w.equals("--")
                && !w.matches("pika\\.[a-z_]+=.*")).toList()).map(FixtureParityTest::untemplate).toList();
        assertTrue(remote.contains(List.of("incus", "image", "import", "--project", project, base + meta, base + disk)),
                "import with project " + project + ": " + remote);
        String aliasUrl = "/1.0/images/aliases/" + Texts.urlEncode(alias) + "?project="
                + Texts.urlEncode(project);
        assertTrue(remote.contains(List.of("incus", "query", aliasUrl)), "alias " + alias + ": " + remote);
        assertTrue(remote.stream().anyMatch(r -> r.size() > 2 && r.get(r.size() - 1).equals(aliasUrl)
                && r.contains("PUT")), "alias retarget: " + remote);
        Matcher nix = NIX.matcher(script);
        if (nix.find()) {
            String expected = "cd '" + base.substring(0, base.length() - 1) + "' && " + nix.group(1);
            assertTrue(ssh.stream().anyMatch(s -> s.get(s.size() - 1).equals(expected)),
                    "remote nix build " + expected + ": " + ssh);
        }
        Matcher rm = RM.matcher(script);
        if (rm.find()) {
            String expected = "rm -rf '" + rm.group(1) + "'";
            assertTrue(ssh.stream().anyMatch(s -> s.get(s.size() - 1).equals(expected)), expected + ": " + ssh);
        }
    }

    /** ssh options pika adds on top of the reference's (docs/incus-role-image.md, "Deliberate differences"). */
    private static final Pattern OURS = Pattern.compile(
            "(BatchMode|ConnectTimeout|ServerAliveInterval|ServerAliveCountMax|ControlMaster|ControlPath|ControlPersist)=.*");

    /**
     * Our command in the reference's shape, or null for the steps the reference has no counterpart of (ssh -G, the
     * shared connection's master and its exit): without pika's own ssh options, the remote {@code sh -c 'CMD'}
     * unwrapped to CMD, {@code rm -rf -- DIR} as the reference's {@code rm -rf 'DIR'}, and absolute local paths
     * under {@code cwd} relative again.
     */
    static List<String> referenceShape(List<String> argv, Path cwd) {
        String prog = argv.get(0);
        if (!prog.equals("ssh") && !prog.equals("scp")) {
            return argv;
        }
        if (argv.contains("-G") || argv.contains("-O") || argv.contains("-f")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-o") && i + 1 < argv.size() && OURS.matcher(argv.get(i + 1)).matches()) {
                i++;
                continue;
            }
            if (cwd != null && a.startsWith(cwd + "/")) {
                a = a.substring(cwd.toString().length() + 1);
            }
            out.add(a);
        }
        if (prog.equals("ssh")) {
            String last = out.get(out.size() - 1);
            if (last.startsWith("sh -c '") && last.endsWith("'")) {
                last = last.substring("sh -c '".length(), last.length() - 1).replace("'\"'\"'", "'")
                        .replace("'\"\\\\\"'", "\\");
            }
            Matcher rm = Pattern.compile("rm -rf -- (\\S+)").matcher(last);
            if (rm.matches()) {
                last = "rm -rf '" + rm.group(1) + "'";
            }
            out.set(out.size() - 1, last);
        }
        return out;
    }

    private static String unquote(String word) {
        return word.startsWith("'") && word.endsWith("'") ? word.substring(1, word.length() - 1) : word;
    }

    private static List<String> untemplate(List<String> argv) {
        return argv.stream().map(a -> a.replace(".XXXXXX", ".ABC123")
                .replace("mktemp -d /tmp/pika-incus-image.ABC123", "mktemp -d /tmp/pika-incus-image.XXXXXX")
                .replace("mktemp -d /tmp/pika-incus-src.ABC123", "mktemp -d /tmp/pika-incus-src.XXXXXX")).toList();
    }

    private static List<String> strings(JsonNode array) {
        assertNotNull(array);
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }
}
