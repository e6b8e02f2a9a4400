package dev.pika.cli.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Require;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PythonJson} against the real thing: {@code python3}'s {@code json.loads} then {@code json.dumps} (event
 * lines) and {@code json.dumps(indent=2)} (status and result files), for details that exercise every rule.
 */
class PythonJsonOracleTest {
    private static final List<String> INPUTS = List.of(
            "{\"exit_code\": 0}",
            "null", "true", "0", "-0", "-0.0", "1.0", "1e0", "1E5", "1e16", "1e15", "123456789.123", "0.0001",
            "0.00001", "1.5e-5", "5e-324", "1.7976931348623157e308", "1e400", "-1e400", "NaN", "Infinity",
            "-Infinity", "0.1", "0.30000000000000004", "2.5e-7", "9007199254740993", "1e22", "1e23",
            "123456789012345678901234567890", "-98765432109876543210",
            "\"h\\u00e9llo \\u2603 \\ud83d\\ude00 \\ud800 tab\\t nl\\n cr\\r bs\\b ff\\f del\\u007f nul\\u0000\"",
            "\"caf\u00e9 \u6f22\"",
            "{\"a\": 1, \"b\": 2, \"a\": 3}",
            "{}", "[]", "[{}, [], [[]], {\"k\": []}]",
            "{\"nested\": {\"deeper\": [1, 2.5, \"x\", null, false, {\"e\": {}}]}}",
            "  {\"ws\" :\t[ 1 ,2 ] }\n");

    @Test
    void pythonJsonWritesWhatPythonWrites() throws Exception {
        Require.tool("python3");
        String script = "import json,sys\n"
                + "for arg in sys.argv[1:]:\n"
                + "    v = json.loads(arg)\n"
                + "    print(json.dumps(v))\n"
                + "    print(json.dumps(v, indent=2).replace('\\n', '\\\\n'))\n";
        List<String> argv = new java.util.ArrayList<>(List.of("python3", "-c", script));
        argv.addAll(INPUTS);
        Proc.Result py = Proc.of(argv).env("PYTHONIOENCODING", "utf-8").run();
        assertEquals(0, py.exit(), py.err());
        List<String> lines = py.out().lines().toList();
        for (int i = 0; i < INPUTS.size(); i++) {
            var node = PythonJson.loads(INPUTS.get(i));
            assertEquals(lines.get(2 * i), PythonJson.dumps(node), "json.dumps of " + INPUTS.get(i));
            assertEquals(lines.get(2 * i + 1), PythonJson.dumpIndented(node).replace("\n", "\\n"),
                    "json.dumps(indent=2) of " + INPUTS.get(i));
        }
    }
}
