package dev.pika.cli.completion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The bash, zsh and fish completion scripts of pika and its launchers. At TAB time a script runs the awk program
 * it embeds ({@link CompletionTables}: the engine and the command model's tables, no JVM) and shows what it
 * prints, the output of {@code pika __complete -- WORDS… CURRENT} (see {@link CompleteCommand}), which it asks
 * instead when awk is missing or a value is dynamic. A new command or option means regenerated scripts
 * ({@code scripts/regen-docs.sh}, drift-tested). Templates live next to this class as {@code SHELL.template}.
 */
public final class CompletionScripts {
    /** The shells scripts are made for. */
    public enum Shell {
        BASH, ZSH, FISH;

        /** @return the lower-case name, as typed on the command line */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @param program a program name
         * @return the file name a completion directory expects for it: {@code pika}, {@code _pika},
         *         {@code pika.fish}
         */
        public String fileName(String program) {
            return switch (this) {
                case BASH -> program;
                case ZSH -> "_" + program;
                case FISH -> program + ".fish";
            };
        }
    }

    private CompletionScripts() {
    }

    /**
     * @param shell    the shell
     * @param launcher the program the script completes
     * @param root     the {@code pika} command, whose tables the script embeds
     * @return the script text, ending with a newline
     */
    public static String script(Shell shell, Launcher launcher, CommandSpec root) {
        boolean self = launcher.prefix().isEmpty();
        String note = self ? "" : "# " + launcher.name() + " ARGS runs `" + launcher.pikaCommand()
                + " ARGS`; completion asks the pika next to " + launcher.name() + ", else the one on PATH.\n";
        return template(shell)
                .replace("@NOTE@\n", note)
                .replace("@FIND_PIKA@", self ? "" : findPika(shell))
                .replace("@CALL@", self ? "\"$prog\"" : "\"$pika\"")
                .replace("@PREFIX@", prefix(shell, launcher.prefix()))
                .replace("@PIKA_COMMAND@", launcher.pikaCommand())
                .replace("@FN@", launcher.identifier())
                .replace("@PROG@", launcher.name())
                .replace("@AWK@", quoted(shell, CompletionTables.awkProgram(root)));
    }

    /** @return the awk program inside single quotes of {@code shell}: it holds no single quote; fish reads \\ */
    private static String quoted(Shell shell, String program) {
        return shell == Shell.FISH ? program.replace("\\", "\\\\") : program;
    }

    private static String prefix(Shell shell, List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(w).append(' '); // launcher prefixes are plain words: no quoting needed in any shell
        }
        return sb.toString();
    }

    private static String findPika(Shell shell) {
        return switch (shell) {
            case BASH -> """
                        local pika=pika dir
                        if [[ $prog == */* ]]; then dir=${prog%/*}; else dir=$(type -P "$prog"); dir=${dir%/*}; fi
                        [[ -n $dir && -x $dir/pika ]] && pika=$dir/pika
                    """;
            case ZSH -> """
                        local pika=pika dir
                        if [[ $prog == */* ]]; then dir=${prog:h}; else dir=${commands[$prog]:h}; fi
                        [[ -n $dir && -x $dir/pika ]] && pika=$dir/pika
                    """;
            case FISH -> """
                        set -l pika pika
                        set -l dir (string replace -r '/[^/]*$' '' -- (command -s $prog))
                        if test -n "$dir" -a -x "$dir/pika"
                            set pika $dir/pika
                        end
                    """;
        };
    }

    private static String template(Shell shell) {
        return resource(shell.id() + ".template");
    }

    /** @return the text of the resource {@code name} next to this class */
    static String resource(String name) {
        try (InputStream in = CompletionScripts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + CompletionScripts.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
