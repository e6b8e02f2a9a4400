package dev.pika.cli.completion;

import dev.pika.cli.common.Entry;
import dev.pika.cli.common.Examples;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.FilesUsed;
import dev.pika.cli.common.UserException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pika completion bash|zsh|fish [PROGRAM]}: prints a completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {
            "Print the shell completion script for pika or one of its launchers.",
            "The script is thin: at TAB time it asks `pika __complete` for subcommands, options, role ids, "
                    + "format and kind values, and file names, so it never needs regenerating when commands change."
        })
@Examples({
    "Enable completion in the current bash session:",
    "$ source <(pika completion bash)",
    "Install the zsh completion for incus-role-image:",
    "$ pika completion zsh incus-role-image > ~/.zfunc/_incus-role-image",
    "Install the fish completion:",
    "$ pika completion fish > ~/.config/fish/completions/pika.fish"
})
@FilesUsed(@Entry(name = "completions/",
        text = "The scripts of every program and shell, checked in and installed by scripts/install.sh."))
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", completionCandidates = ShellNames.class,
            description = "The shell: ${COMPLETION-CANDIDATES}.")
    String shell;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PROGRAM", completionCandidates = ProgramNames.class,
            defaultValue = "pika",
            description = "The program to complete: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String program;

    @Override
    public Integer call() {
        CompletionScripts.Shell sh = null;
        for (CompletionScripts.Shell s : CompletionScripts.Shell.values()) {
            if (s.id().equals(shell)) {
                sh = s;
            }
        }
        if (sh == null) {
            throw new UserException(ExitCodes.USAGE, "unsupported shell \"" + shell + "\": expected bash, zsh or fish");
        }
        Launcher launcher;
        try {
            launcher = Launcher.named(program);
        } catch (IllegalArgumentException e) {
            throw new UserException(ExitCodes.USAGE, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(CompletionScripts.script(sh, launcher, spec.root()));
        out.flush();
        return ExitCodes.OK;
    }

    /** The shells, for completion and help. */
    static final class ShellNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(CompletionScripts.Shell.values()).map(CompletionScripts.Shell::id).iterator();
        }
    }

    /** The programs with completion scripts, for completion and help. */
    static final class ProgramNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Launcher.all().stream().map(Launcher::name).iterator();
        }
    }
}
