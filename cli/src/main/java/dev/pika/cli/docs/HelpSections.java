package dev.pika.cli.docs;

import dev.pika.cli.common.Cli;
import dev.pika.cli.completion.CompletionEngine;
import dev.pika.cli.completion.Launcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command's man page says besides its options: the examples ({@link dev.pika.cli.common.Examples}),
 * environment variables ({@link dev.pika.cli.common.Environment}) and files ({@link dev.pika.cli.common.FilesUsed})
 * read from the command's annotations, the same data {@code --help} renders; and the other sections of its picocli
 * footer (e.g. {@code Output:}), split at their headings and kept as written. A footer line that is not indented and
 * ends with {@code :} starts a section; a line that is not indented and is no heading goes to NOTES.
 *
 * @param examples    the examples, in order
 * @param environment the environment variables, in order
 * @param files       the files, in order
 * @param other       the footer's sections: heading (upper case, without the colon) to its lines, indentation kept
 */
public record HelpSections(List<Example> examples, List<Entry> environment, List<Entry> files,
                           Map<String, List<String>> other) {

    /**
     * A name and its description.
     *
     * @param name the variable or file name
     * @param text the description, one line
     */
    public record Entry(String name, String text) {
        static List<Entry> of(List<dev.pika.cli.common.Entry> declared) {
            return declared.stream().map(e -> new Entry(e.name(), e.text())).toList();
        }
    }

    /**
     * An example: what it does, and the commands.
     *
     * @param description one line, may be empty
     * @param commands    the command lines, without the {@code $ } prompt
     */
    public record Example(String description, List<String> commands) {
    }

    /**
     * Reads a command's declared sections and its footer.
     *
     * @param spec the command
     * @return its sections; empty lists when it declares none
     */
    public static HelpSections of(CommandSpec spec) {
        List<String> lines = new ArrayList<>();
        String heading = CompletionEngine.plain(spec.usageMessage().footerHeading()).strip();
        if (!heading.isEmpty()) {
            lines.add(heading);
        }
        for (String line : spec.usageMessage().footer()) {
            for (String part : CompletionEngine.plain(line).split("\n", -1)) {
                lines.add(part.stripTrailing());
            }
        }
        return new HelpSections(examples(Cli.examples(spec)), Entry.of(Cli.environment(spec)),
                Entry.of(Cli.files(spec)), sections(lines));
    }

    /**
     * Splits footer lines (already split at line breaks) at their headings.
     *
     * @param lines the lines
     * @return heading (upper case, without the colon; NOTES for lines outside a section) to its lines
     */
    static Map<String, List<String>> sections(List<String> lines) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        String section = "NOTES";
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (!indented && line.endsWith(":")) {
                section = line.substring(0, line.length() - 1).strip().toUpperCase(Locale.ROOT);
                continue;
            }
            sections.computeIfAbsent(indented ? section : "NOTES", k -> new ArrayList<>()).add(line);
        }
        return sections;
    }

    private static boolean isCommand(String text) {
        if (text.startsWith("$ ")) {
            return true;
        }
        for (Launcher l : Launcher.all()) {
            if (text.equals(l.name()) || text.startsWith(l.name() + " ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Groups {@link dev.pika.cli.common.Examples} lines: a line starting with a program name or with the prompt
     * {@code $ } is a command (one
     * ending in {@code \} continues on the next line), other lines describe the commands after them.
     *
     * @param lines the declared lines
     * @return the examples
     */
    static List<Example> examples(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        List<String> commands = new ArrayList<>();
        boolean continued = false;
        for (String line : lines) {
            String text = line.strip();
            if (continued || isCommand(text)) {
                commands.add(continued ? "    " + text : text.startsWith("$ ") ? text.substring(2).strip() : text);
                continued = text.endsWith("\\");
                continue;
            }
            if (!commands.isEmpty()) {
                examples.add(new Example(description.toString(), List.copyOf(commands)));
                commands.clear();
                description.setLength(0);
            }
            description.append(description.length() == 0 ? "" : " ").append(text);
        }
        if (!commands.isEmpty()) {
            examples.add(new Example(description.toString(), List.copyOf(commands)));
        }
        return examples;
    }
}
