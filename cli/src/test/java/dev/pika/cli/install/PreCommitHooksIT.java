package dev.pika.cli.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.testkit.Proc;
import dev.pika.testkit.Repo;
import dev.pika.testkit.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code .pre-commit-hooks.yaml} run by the real pre-commit framework ({@code pre-commit try-repo}
 * clones this checkout, uncommitted changes included, as a hook repository) in a scratch git repository: a valid
 * document passes, an invalid one fails the hook with pika's finding, and a file whose name tells no kind is not
 * passed to pika. {@code PIKA_JAR} points the hook's launcher at the built jar, so no Maven build runs in the clone.
 */
@Requires({"pre-commit", "git"})
class PreCommitHooksIT {
    @TempDir
    static Path tmp;
    static Path work;

    @BeforeAll
    static void scratchRepository() throws Exception {
        work = Files.createDirectories(tmp.resolve("work"));
        git("init", "-q");
        Files.copy(Repo.example("result.json"), work.resolve("result.json"));
        Files.copy(Repo.example("legacy-passed-result.json"), work.resolve("result-legacy.json"));
        Files.writeString(work.resolve("notes.json"), "not json, and not a contract document");
        git("add", ".");
    }

    private static void git(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "git";
        System.arraycopy(args, 0, argv, 1, args.length);
        Proc.Result r = Proc.of(argv).cwd(work).run();
        assertEquals(0, r.exit(), String.join(" ", argv) + ": " + r.err());
    }

    private static Proc.Result tryRepo(String hook, String... files) {
        String[] argv = new String[5 + files.length];
        argv[0] = "pre-commit";
        argv[1] = "try-repo";
        argv[2] = Repo.root().toString();
        argv[3] = hook;
        argv[4] = "--files";
        System.arraycopy(files, 0, argv, 5, files.length);
        return Proc.of(argv).cwd(work)
                .env("PRE_COMMIT_HOME", tmp.resolve("pre-commit-home").toString())
                .env("PIKA_JAR", Repo.jar().toString())
                .env("JAVA_HOME", System.getProperty("java.home"))
                .env("NO_COLOR", "1")
                .timeout(Duration.ofSeconds(300))
                .run();
    }

    @Test
    void validDocumentPasses() {
        Proc.Result r = tryRepo("pika-validate", "result.json", "notes.json");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("pika validate") && r.out().contains("Passed"), r.out());
    }

    @Test
    void invalidDocumentFailsWithTheFinding() {
        Proc.Result r = tryRepo("pika-validate", "result.json", "result-legacy.json");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("Failed"), r.out());
        assertTrue(r.out().contains("result-legacy.json:3:13: error[unknown-variant]: unknown variant `passed`"),
                r.out());
    }

    @Test
    void aFileWhoseNameTellsNoKindIsNotChecked() {
        Proc.Result r = tryRepo("pika-validate", "notes.json");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("(no files to check)Skipped"), r.out());
    }
}
