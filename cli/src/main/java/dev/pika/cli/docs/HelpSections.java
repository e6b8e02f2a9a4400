package dev.pika.cli.docs;

import dev.pika.cli.common.Cli;
import dev.pika.cli.completion.CompletionEngine;
import dev.pika.cli.completion.Launcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The sections a command writes in its picocli footer, read back for its man page (the convention is described in
 * docs/shell.md). The footer is {@code footerHeading} followed by {@code footer} lines; a line that is not indented
 * and ends with {@code :} starts a new section. Known sections:
 * <ul>
 *   <li>{@code Examples:} (or {@code Example:}) lines that start with {@code $ } or with a program name
 *       ({@code pika}, {@code incus-role-image}, …) are commands, a command ending in {@code \} continues on the
 *       next line; other lines describe the commands after them.</li>
 *   <li>{@code Environment:} and {@code Files:} entries {@code "  NAME  text"} (two or more spaces between); a line
 *       indented deeper than its entry continues the text.</li>
 *   <li>{@code See also:} references such as {@code incus(1)}, separated by commas or spaces.</li>
 * </ul>
 * Any other heading (e.g. {@code Output:}) becomes a man-page section of that name: a list of entries when its lines
 * have the entry shape, else its lines as text. A line that is not indented and is no heading goes to NOTES.
 *
 * @param examples    the examples, in order
 * @param environment the environment variables, in order
 * @param files       the files, in order
 * @param seeAlso     extra references, e.g. {@code incus(1)}
 * @param other       other sections: heading (upper case, without the colon) to its lines, indentation kept
 */
public record HelpSections(List<Example> examples, List<Entry> environment, List<Entry> files, List<String> seeAlso,
                           Map<String, List<String>> other) {
    private static final Pattern ENTRY = Pattern.compile("^(\\s+)(\\S+)\\s{2,}(\\S.*)$");

    /**
     * A name and its description.
     *
     * @param name the variable or file name
     * @param text the description, one line
     */
    public record Entry(String name, String text) {
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
     * Reads a command's footer.
     *
     * @param spec the command
     * @return its sections; empty lists when it has no footer
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
        List<String> examples = Cli.examples(spec);
        if (!examples.isEmpty()) {
            lines.add("Examples:");
            examples.forEach(e -> lines.add("  " + e));
        }
        return parse(lines);
    }

    /**
     * Parses footer lines (already split at line breaks).
     *
     * @param lines the lines
     * @return the sections
     */
    public static HelpSections parse(List<String> lines) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        String section = "NOTES";
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (!indented && line.endsWith(":")) {
                section = line.substring(0, line.length() - 1).strip().toUpperCase(Locale.ROOT);
                if (section.equals("EXAMPLE")) {
                    section = "EXAMPLES";
                }
                continue;
            }
            sections.computeIfAbsent(indented ? section : "NOTES", k -> new ArrayList<>()).add(line);
        }
        List<Example> examples = examples(sections.remove("EXAMPLES"));
        List<Entry> environment = entriesOrNames(sections.remove("ENVIRONMENT"));
        List<Entry> files = entriesOrNames(sections.remove("FILES"));
        List<String> seeAlso = new ArrayList<>();
        for (String line : sections.getOrDefault("SEE ALSO", List.of())) {
            for (String ref : line.strip().split("[,\\s]+")) {
                if (!ref.isEmpty()) {
                    seeAlso.add(ref);
                }
            }
        }
        sections.remove("SEE ALSO");
        return new HelpSections(examples, environment, files, seeAlso, sections);
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

    private static List<Example> examples(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        if (lines == null) {
            return examples;
        }
        StringBuilder description = new StringBuilder();
        List<String> commands = new ArrayList<>();
        boolean continued = false;
        for (String line : lines) {
            String text = line.strip();
            if (continued || isCommand(text)) {
                String command = continued ? "    " + text : text.startsWith("$ ") ? text.substring(2).strip() : text;
                commands.add(command);
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

    /**
     * Reads lines of the entry shape {@code "  NAME  text"}, where lines indented deeper than the entry continue
     * its text.
     *
     * @param lines the section's lines, indentation kept
     * @return the entries, or empty when a line has neither shape
     */
    public static Optional<List<Entry>> entries(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        int entryIndent = -1;
        for (String line : lines) {
            int indent = line.length() - line.stripLeading().length();
            Matcher m = ENTRY.matcher(line);
            if (!entries.isEmpty() && indent > entryIndent) {
                Entry last = entries.remove(entries.size() - 1);
                entries.add(new Entry(last.name(), (last.text() + " " + line.strip()).strip()));
            } else if (m.matches()) {
                entryIndent = indent;
                entries.add(new Entry(m.group(2), m.group(3).strip()));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(entries);
    }

    private static List<Entry> entriesOrNames(List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        return entries(lines).orElseGet(() -> lines.stream().map(l -> new Entry(l.strip(), "")).toList());
    }
}
