package dev.pika.cli.docs;

import dev.pika.cli.completion.CompletionEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The sections a command writes in its picocli footer, read back for its man page (the convention is described in
 * docs/shell.md). The footer is {@code footerHeading} followed by {@code footer} lines; a line that is not indented
 * and ends with {@code :} starts a new section. Known sections:
 * <ul>
 *   <li>{@code Examples:} indented lines starting with {@code $ } are commands; other lines describe the commands
 *       after them.</li>
 *   <li>{@code Environment:} and {@code Files:} lines {@code "  NAME  text"} (two or more spaces between); a line
 *       indented deeper than its entry continues the text.</li>
 *   <li>{@code See also:} references such as {@code incus(1)}, separated by commas or spaces.</li>
 * </ul>
 * Any other heading becomes a man-page section of that name with its lines as text.
 *
 * @param examples    the examples, in order
 * @param environment the environment variables, in order
 * @param files       the files, in order
 * @param seeAlso     extra references, e.g. {@code incus(1)}
 * @param other       other sections: heading (upper case, without the colon) to text lines
 */
public record HelpSections(List<Example> examples, List<Entry> environment, List<Entry> files, List<String> seeAlso,
                           Map<String, List<String>> other) {
    private static final Pattern ENTRY = Pattern.compile("^(\\s+)(\\S+)\\s{2,}(.*)$");

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
        return parse(lines);
    }

    /**
     * Parses footer lines (already split at line breaks).
     *
     * @param lines the lines
     * @return the sections
     */
    public static HelpSections parse(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        List<Entry> environment = new ArrayList<>();
        List<Entry> files = new ArrayList<>();
        List<String> seeAlso = new ArrayList<>();
        Map<String, List<String>> other = new LinkedHashMap<>();
        String section = "";
        StringBuilder description = new StringBuilder();
        List<String> commands = new ArrayList<>();
        int entryIndent = -1;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (!indented && line.endsWith(":")) {
                if (!commands.isEmpty()) {
                    examples.add(new Example(description.toString(), List.copyOf(commands)));
                }
                commands.clear();
                description.setLength(0);
                section = line.substring(0, line.length() - 1).strip().toUpperCase(Locale.ROOT);
                entryIndent = -1;
                continue;
            }
            String text = line.strip();
            switch (section) {
                case "EXAMPLES", "EXAMPLE" -> {
                    if (text.startsWith("$ ")) {
                        commands.add(text.substring(2).strip());
                    } else {
                        if (!commands.isEmpty()) {
                            examples.add(new Example(description.toString(), List.copyOf(commands)));
                            commands.clear();
                            description.setLength(0);
                        }
                        description.append(description.length() == 0 ? "" : " ").append(text);
                    }
                }
                case "ENVIRONMENT", "FILES" -> {
                    List<Entry> target = section.equals("FILES") ? files : environment;
                    int indent = line.length() - line.stripLeading().length();
                    Matcher m = ENTRY.matcher(line);
                    if (!target.isEmpty() && (indent > entryIndent || !m.matches())) {
                        Entry last = target.remove(target.size() - 1);
                        target.add(new Entry(last.name(), (last.text() + " " + text).strip()));
                    } else if (m.matches()) {
                        entryIndent = indent;
                        target.add(new Entry(m.group(2), m.group(3).strip()));
                    } else {
                        entryIndent = indent;
                        target.add(new Entry(text, ""));
                    }
                }
                case "SEE ALSO" -> {
                    for (String ref : text.split("[,\\s]+")) {
                        if (!ref.isEmpty()) {
                            seeAlso.add(ref);
                        }
                    }
                }
                default -> other.computeIfAbsent(section.isEmpty() ? "NOTES" : section, k -> new ArrayList<>()).add(text);
            }
        }
        if (!commands.isEmpty()) {
            examples.add(new Example(description.toString(), List.copyOf(commands)));
        }
        return new HelpSections(examples, environment, files, seeAlso, other);
    }
}
