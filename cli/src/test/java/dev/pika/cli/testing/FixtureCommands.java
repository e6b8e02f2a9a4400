package dev.pika.cli.testing;

import dev.pika.cli.common.Entry;
import dev.pika.cli.common.Environment;
import dev.pika.cli.common.Examples;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.Main;
import dev.pika.cli.common.UserException;
import dev.pika.cli.completion.RoleCandidates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * Throwaway commands for tests only: a richer model than the commands that exist on this branch (role, format and
 * kind options, files, nested subcommands), shaped like the validate and image commands. {@link #main} runs the
 * real pika with these added, so the completion and shell tests can drive real shells against it.
 */
public final class FixtureCommands {
    private FixtureCommands() {
    }

    /** The real {@code pika} command line with the fixture commands added ({@code image} only when missing). */
    public static CommandLine pika() {
        CommandLine cl = Main.commandLine(new Main());
        cl.addSubcommand(new CommandLine(new ValidateFixture()));
        cl.addSubcommand(new CommandLine(new ValidateFixtureStream()));
        if (!cl.getSubcommands().containsKey("image")) {
            cl.addSubcommand(new CommandLine(new ImageFixture()));
        }
        return cl;
    }

    /** A root with only the fixtures, for model-level unit tests independent of the real commands. */
    public static CommandLine fixtureRoot() {
        CommandLine cl = Main.commandLine(new Root());
        return cl;
    }

    public static void main(String[] args) {
        System.exit(pika().execute(args));
    }

    @Command(name = "pika", mixinStandardHelpOptions = true, description = "Fixture root.",
            exitCodeList = {" 0:success", " 1:failure", " 2:usage error"},
            subcommands = {ValidateFixture.class, ValidateFixtureStream.class, ImageFixture.class, CommandLine.HelpCommand.class,
                dev.pika.cli.completion.CompleteCommand.class})
    static final class Root {
    }

    /** Document kinds with ids, like the contract's DocumentKind. */
    public enum Kind {
        RESULT("result"), IMAGE_RECORD("image-record");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Output formats as a lower-case enum. */
    public enum Format { text, json }

    @Command(name = "validate-fixture", mixinStandardHelpOptions = true,
            description = {"Check fixture documents (a test-only command).", "Reads each FILE and fails when it is missing."},
            footerHeading = "%nOutput:%n",
            footer = {
                "  text  findings, then",
                "        a summary",
                "Details: docs/x.md"
            })
    @Examples({"Check one document:", "$ pika validate-fixture --kind result result.json"})
    @Environment(@Entry(name = "PIKA_FIXTURE",
            text = "A variable that only the fixture reads, described in a sentence long enough to wrap in help."))
    static final class ValidateFixture implements Callable<Integer> {
        @Option(names = "--role", paramLabel = "ROLE", completionCandidates = RoleCandidates.class,
                description = "Guest role: ${COMPLETION-CANDIDATES}.")
        String role;

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
                description = "Output format.")
        Format format;

        @Option(names = "--kind", paramLabel = "KIND", description = "Document kind.")
        Kind kind;

        @Option(names = "--out", paramLabel = "OUT", description = "Write the report here.")
        Path out;

        @Option(names = "--strict", description = "Warnings fail too.")
        boolean strict;

        @Option(names = "--secret", hidden = true)
        String secret;

        @Parameters(paramLabel = "FILE", arity = "0..*", description = "Documents to check.")
        List<Path> files = new ArrayList<>();

        @Override
        public Integer call() {
            for (Path f : files) {
                if (!Files.isReadable(f)) {
                    throw new UserException(ExitCodes.USAGE, "cannot read " + f + ": no such file");
                }
            }
            System.out.println("checked " + files.size() + " file(s) as " + role);
            return ExitCodes.OK;
        }
    }

    /** A second command sharing the prefix, so `val<TAB>` is ambiguous as it is with the real validate commands. */
    @Command(name = "validate-fixture-stream", mixinStandardHelpOptions = true,
            description = "Check a fixture stream (a test-only command).")
    static final class ValidateFixtureStream implements Runnable {
        @Parameters(paramLabel = "FILE", arity = "0..1", description = "The stream.")
        Path file;

        @Override
        public void run() {
        }
    }

    @Command(name = "image", mixinStandardHelpOptions = true, description = "Build and import role images (fixture).",
            subcommands = {ImageBuild.class, ImageImport.class})
    static final class ImageFixture {
        @Option(names = "--role", scope = ScopeType.INHERIT, paramLabel = "ROLE", description = "Guest role.")
        String role;
    }

    @Command(name = "build", mixinStandardHelpOptions = true, description = "Build the role image with nix.")
    static final class ImageBuild implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import the image into Incus.")
    static final class ImageImport implements Runnable {
        @Option(names = "--artifact", paramLabel = "PATH", description = "Image artifacts directory.")
        String artifact;

        @Option(names = "--remote-host", paramLabel = "HOST", description = "Build host.")
        String host;

        @Override
        public void run() {
        }
    }
}
