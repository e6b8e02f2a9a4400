package dev.pika.cli.completion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The bash, zsh and fish completion scripts of pika and its launchers. The scripts are thin: at TAB time they run
 * {@code pika __complete -- WORDS… CURRENT} and show what it prints (see {@link CompleteCommand}), so new commands,
 * options and candidates need no new scripts. Templates live next to this class as {@code SHELL.template}.
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
     * @return the script text, ending with a newline
     */
    public static String script(Shell shell, Launcher launcher) {
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
                .replace("@PROG@", launcher.name());
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
        String name = shell.id() + ".template";
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
