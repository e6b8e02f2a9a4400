package dev.pika.cli.shell;

import dev.pika.cli.completion.CompleteCommand;
import dev.pika.cli.completion.CompletionEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The read-eval-print loop of {@code pika shell}: a jline {@link LineReader} whose TAB completion is the same
 * {@link CompletionEngine} the bash, zsh and fish scripts use, running each line with the {@code pika} command
 * line the shell runs in (picocli resets every option to its initial value before each parse).
 */
public final class PikaShell {
    /** The prompt. */
    public static final String PROMPT = "pika> ";
    /** Words that leave the shell. */
    static final Set<String> EXIT_WORDS = Set.of("exit", "quit");
    /** Commands not offered or run inside the shell. */
    static final Set<String> NOT_IN_SHELL = Set.of("shell", CompleteCommand.NAME);

    /** jline's colours in completion lists, all plain under {@code NO_COLOR}. */
    private static final List<String> NO_COLOR_STYLES = List.of(LineReader.COMPLETION_STYLE_STARTING,
            LineReader.COMPLETION_STYLE_DESCRIPTION, LineReader.COMPLETION_STYLE_GROUP,
            LineReader.COMPLETION_STYLE_SELECTION, LineReader.COMPLETION_STYLE_BACKGROUND,
            LineReader.COMPLETION_STYLE_LIST_STARTING, LineReader.COMPLETION_STYLE_LIST_DESCRIPTION,
            LineReader.COMPLETION_STYLE_LIST_GROUP, LineReader.COMPLETION_STYLE_LIST_SELECTION,
            LineReader.COMPLETION_STYLE_LIST_BACKGROUND);

    private final CommandLine root;

    /**
     * @param root the configured top-level {@code pika} command line that runs each input line
     */
    public PikaShell(CommandLine root) {
        this.root = root;
    }

    /**
     * Runs the shell on the process's terminal.
     *
     * @param root    the top-level command line
     * @param history the history file (its directory is created when missing)
     * @return the exit code of the shell: 0
     * @throws IOException when the terminal cannot be opened
     */
    static int runOnSystemTerminal(CommandLine root, Path history) throws IOException {
        // dumb(true): input that is not a terminal (a script piped in) runs without jline's warning
        try (Terminal terminal = TerminalBuilder.builder().name("pika").system(true).dumb(true).nativeSignals(true)
                .signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
            return new PikaShell(root).run(terminal, history);
        }
    }

    /**
     * Reads and runs lines until Ctrl-D or {@code exit}.
     *
     * @param terminal the terminal
     * @param history  the history file, or null for none
     * @return 0
     */
    public int run(Terminal terminal, Path history) {
        PrintWriter out = terminal.writer();
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("pika")
                .completer(new EngineCompleter(root.getCommandSpec()))
                .parser(new ShellLineParser())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (System.getenv("NO_COLOR") != null) {
            for (String style : NO_COLOR_STYLES) {
                builder.variable(style, "fg:default,bg:default");
            }
        }
        if (history != null) {
            try {
                Files.createDirectories(history.getParent());
                builder.variable(LineReader.HISTORY_FILE, history);
            } catch (IOException | RuntimeException e) {
                out.println("pika shell: history not kept: cannot create " + history.getParent() + ": " + e);
            }
        }
        LineReader reader = builder.build();
        out.println("pika shell: TAB completes, `help` lists commands, `help COMMAND` shows usage, Ctrl-D exits.");
        out.flush();
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue; // Ctrl-C: the line is dropped, a fresh prompt follows
            } catch (EndOfFileException e) {
                break;
            }
            // the words the completer saw, from the same parser (ShellLineParser)
            List<String> words = new ArrayList<>(reader.getParsedLine().words());
            if (!words.isEmpty() && words.get(0).equals("pika") && words.size() > 1) {
                words.remove(0);
            }
            if (words.isEmpty() || line.isBlank()) {
                continue;
            }
            if (EXIT_WORDS.contains(words.get(0))) {
                break;
            }
            if (NOT_IN_SHELL.contains(words.get(0))) {
                out.println("pika shell: `" + words.get(0) + "` is not available inside the shell");
                out.flush();
                continue;
            }
            int code = execute(terminal, words);
            if (code != 0) {
                out.println("[exit " + code + "]");
                out.flush();
            }
        }
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            out.println("pika shell: cannot save the history: " + e.getMessage());
        }
        out.flush();
        return 0;
    }

    private int execute(Terminal terminal, List<String> words) {
        Thread worker = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> worker.interrupt());
        try {
            return root.execute(words.toArray(String[]::new));
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            Thread.interrupted(); // clear an interrupt that arrived after the command finished
            System.out.flush();
            System.err.flush();
        }
    }

    /** jline completion from the {@link CompletionEngine}, with jline's own file-name completion for paths. */
    static final class EngineCompleter implements Completer {
        private final CommandSpec root;
        private final Completer files = new Completers.FileNameCompleter();
        private final Completer dirs = new Completers.DirectoriesCompleter(() -> Path.of(""));

        EngineCompleter(CommandSpec root) {
            this.root = root;
        }

        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            List<String> words = new ArrayList<>(line.words().subList(0, line.wordIndex()));
            words.add(line.word().substring(0, line.wordCursor()));
            if (words.size() > 1 && words.get(0).equals("pika")) {
                words.remove(0);
            }
            boolean first = words.size() == 1;
            CompletionEngine.Completion completion = CompletionEngine.complete(root, words);
            for (CompletionEngine.Candidate c : completion.candidates()) {
                if (first && NOT_IN_SHELL.contains(c.value())) {
                    continue;
                }
                String description = c.description().isEmpty() ? null : c.description();
                candidates.add(new Candidate(c.value(), c.value(), null, description, null, null, true));
            }
            if (first) {
                for (String exit : EXIT_WORDS) {
                    if (exit.startsWith(words.get(0))) {
                        candidates.add(new Candidate(exit, exit, null, "leave the shell", null, null, true));
                    }
                }
            }
            if (completion.files()) {
                files.complete(reader, line, candidates);
            } else if (completion.dirs()) {
                dirs.complete(reader, line, candidates);
            }
        }
    }
}
