package dev.pika.cli.docs;

import static dev.pika.cli.docs.Troff.code;
import static dev.pika.cli.docs.Troff.lines;
import static dev.pika.cli.docs.Troff.quote;
import static dev.pika.cli.docs.Troff.text;
import static dev.pika.cli.docs.Troff.wrap;

import dev.pika.cli.completion.CompletionEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes one man(7) page (troff) for a picocli command: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, COMMANDS (when it
 * has subcommands), EXIT STATUS, ENVIRONMENT, FILES (when there are any; declared as data, see {@link HelpSections}),
 * the footer's other sections as written (e.g. OUTPUT, NOTES), EXAMPLES, SEE ALSO, in the order of man-pages(7). The output is deterministic (no clock), plain ASCII with troff escapes, and clean under
 * {@code mandoc -T lint} above style level.
 *
 * @param spec          the command
 * @param name          the page name, e.g. {@code pika-validate-result} (file {@code NAME.1})
 * @param invocation    what a user types to run it, e.g. {@code pika validate-result} or {@code incus-role-image}
 * @param intro         paragraphs placed before the command's description (e.g. what a launcher stands for)
 * @param hiddenOptions option names not documented on this page (e.g. {@code --role} on a legacy launcher)
 * @param environment   environment variables documented on every page, after the command's own
 * @param files         files documented on this page, after the command's own
 * @param seeAlso       references, e.g. {@code pika(1)}
 * @param date          the page date, {@code YYYY-MM-DD}
 * @param source        the source line, e.g. {@code pika 0.1.0}
 * @param examplePrefix the command words the page's examples are written with, replaced by {@code invocation}
 *                      (e.g. {@code pika image} on the {@code incus-role-image} page); null to keep them as written
 */
public record ManPage(CommandSpec spec, String name, String invocation, List<String> intro, Set<String> hiddenOptions,
                      List<HelpSections.Entry> environment, List<HelpSections.Entry> files, List<String> seeAlso,
                      String date, String source, String examplePrefix) {

    /** @return the page text, in the sections of man-pages(7), each input line at most 80 bytes */
    public String render() {
        HelpSections declared = HelpSections.of(spec);
        StringBuilder out = new StringBuilder();
        out.append(".\\\" Generated from pika's picocli command model by dev.pika.cli.docs.DocsGenerator; do not edit.\n");
        out.append(".\\\" Regenerate with scripts/regen-docs.sh.\n");
        out.append(".TH ").append(quote(name.toUpperCase(Locale.ROOT))).append(" 1 ").append(quote(date)).append(' ')
                .append(quote(source)).append(" \"pika manual\"\n");
        out.append(".nh\n.ad l\n");
        out.append(".SH NAME\n").append(code(name)).append(" \\- ")
                .append(text(CompletionEngine.summary(spec))).append('\n');
        synopsis(out);
        description(out);
        options(out);
        commands(out);
        exitStatus(out);
        entries(out, "ENVIRONMENT", merge(declared.environment(), environment));
        entries(out, "FILES", merge(declared.files(), files));
        footerSections(out, declared);
        examples(out, declared);
        seeAlso(out);
        return wrap(out.toString());
    }

    /** SYNOPSIS: the synopsis lines, the invocation in bold. */
    private void synopsis(StringBuilder out) {
        out.append(".SH SYNOPSIS\n");
        boolean firstSynopsis = true;
        for (String line : synopses()) {
            out.append(firstSynopsis ? "" : ".br\n");
            firstSynopsis = false;
            if (line.equals(invocation) || line.startsWith(invocation + " ")) {
                out.append(".B ").append(code(invocation)).append('\n');
                line = line.substring(invocation.length()).strip();
            }
            if (!line.isEmpty()) {
                out.append(code(line)).append('\n');
            }
        }
    }

    /** DESCRIPTION: the intro paragraphs, then one per description element. */
    private void description(StringBuilder out) {
        out.append(".SH DESCRIPTION\n");
        boolean first = true;
        List<String> paragraphs = new ArrayList<>(intro);
        for (String d : spec.usageMessage().description()) {
            paragraphs.add(CompletionEngine.plain(d));
        }
        for (String paragraph : paragraphs) {
            if (paragraph.isBlank()) {
                continue;
            }
            if (!first) {
                out.append(".PP\n");
            }
            first = false;
            out.append(lines(paragraph)).append('\n');
        }
    }

    /** OPTIONS: positional parameters and options that are not hidden. */
    private void options(StringBuilder out) {
        List<ArgSpec> args = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                args.add(p);
            }
        }
        for (OptionSpec o : spec.options()) {
            if (!o.hidden() && !hiddenOptions.contains(o.longestName())) {
                args.add(o);
            }
        }
        if (!args.isEmpty()) {
            out.append(".SH OPTIONS\n");
            for (ArgSpec a : args) {
                out.append(".TP\n").append(tag(a)).append('\n').append(argDescription(a)).append('\n');
            }
        }
    }

    /** COMMANDS: the subcommands, each pointing to its page. */
    private void commands(StringBuilder out) {
        List<CommandSpec> subs = subcommands(spec);
        if (!subs.isEmpty()) {
            out.append(".SH COMMANDS\n");
            for (CommandSpec sub : subs) {
                out.append(".TP\n").append("\\fB").append(code(sub.name())).append("\\fR\n")
                        .append(text(CompletionEngine.summary(sub)))
                        .append(". See \\fB").append(code(DocsGenerator.pageName(sub))).append("\\fR(1).\n");
            }
        }
    }

    /** EXIT STATUS: the command's exit code list, else the root's. */
    private void exitStatus(StringBuilder out) {
        Map<String, String> exitCodes = spec.usageMessage().exitCodeList();
        if (exitCodes.isEmpty()) {
            exitCodes = spec.root().usageMessage().exitCodeList();
        }
        if (!exitCodes.isEmpty()) {
            out.append(".SH EXIT STATUS\n");
            for (Map.Entry<String, String> e : exitCodes.entrySet()) {
                out.append(".TP\n.B ").append(code(e.getKey().strip())).append('\n')
                        .append(lines(CompletionEngine.plain(e.getValue()).strip())).append('\n');
            }
        }
    }

    /** The footer's sections as written (NOTES as running text). */
    private void footerSections(StringBuilder out, HelpSections footer) {
        for (Map.Entry<String, List<String>> e : footer.other().entrySet()) {
            // kept as written in --help (columns and all), with the help's indentation removed
            int indent = Integer.MAX_VALUE;
            for (String line : e.getValue()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
            out.append(".SH ").append(quote(e.getKey())).append('\n');
            boolean notes = e.getKey().equals("NOTES");
            out.append(notes ? "" : ".nf\n");
            boolean first = true;
            for (String line : e.getValue()) {
                if (notes && !first) {
                    out.append(".br\n");
                }
                first = false;
                out.append(text(notes ? line.strip() : line.substring(indent).stripTrailing())).append('\n');
            }
            out.append(notes ? "" : ".fi\n");
        }
    }

    /** EXAMPLES: the declared examples, else how to show the usage help. */
    private void examples(StringBuilder out, HelpSections footer) {
        out.append(".SH EXAMPLES\n");
        List<HelpSections.Example> examples = footer.examples();
        if (examples.isEmpty()) {
            examples = List.of(new HelpSections.Example("Show the usage help of this command:",
                    List.of(invocation + " --help")));
        }
        boolean afterText = false;
        for (HelpSections.Example ex : examples) {
            if (!ex.description().isEmpty()) {
                out.append(afterText ? ".PP\n" : "").append(text(ex.description())).append('\n');
                afterText = true;
            }
            out.append(afterText ? ".PP\n" : "").append(".RS 4\n.nf\n");
            afterText = true;
            for (String c : ex.commands()) {
                if (examplePrefix != null && (c.equals(examplePrefix) || c.startsWith(examplePrefix + " "))) {
                    c = invocation + c.substring(examplePrefix.length());
                }
                boolean continuation = c.startsWith(" ");
                out.append(code(continuation ? c : "$ " + c)).append('\n');
            }
            out.append(".fi\n.RE\n");
        }
    }

    /** SEE ALSO: the references, comma-separated. */
    private void seeAlso(StringBuilder out) {
        List<String> refs = seeAlso;
        if (!refs.isEmpty()) {
            out.append(".SH SEE ALSO\n");
            for (int i = 0; i < refs.size(); i++) {
                String ref = refs.get(i);
                int paren = ref.indexOf('(');
                String page = paren > 0 ? ref.substring(0, paren) : ref;
                String section = paren > 0 ? ref.substring(paren) : "";
                out.append(".BR ").append(code(page)).append(' ').append(section)
                        .append(i < refs.size() - 1 ? "," : "").append('\n');
            }
        }
    }

    /** The non-hidden subcommands of a command, each once (aliases skipped). */
    static List<CommandSpec> subcommands(CommandSpec spec) {
        List<CommandSpec> subs = new ArrayList<>();
        for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!sub.usageMessage().hidden() && e.getKey().equals(sub.name())) {
                subs.add(sub);
            }
        }
        return subs;
    }

    /**
     * The synopsis lines, each starting with {@link #invocation} where picocli's start with the command's qualified
     * name: the {@code customSynopsis} lines when the command has them, else picocli's synopsis on one line.
     */
    private List<String> synopses() {
        List<String> lines = new ArrayList<>();
        String[] custom = spec.usageMessage().customSynopsis();
        if (custom.length > 0) {
            for (String line : custom) {
                for (String part : CompletionEngine.plain(line).split("\n")) {
                    if (!part.isBlank()) {
                        lines.add(part.strip());
                    }
                }
            }
        } else {
            CommandLine.Help help = new CommandLine.Help(spec,
                    CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
            lines.add(help.synopsis(0).strip());
        }
        List<String> out = new ArrayList<>();
        String qualified = spec.qualifiedName();
        for (String line : lines) {
            line = line.replaceAll("\\s+", " ").replace(qualified + " ", invocation + " ");
            if (line.equals(qualified)) {
                line = invocation;
            }
            for (String hidden : hiddenOptions) {
                String h = Pattern.quote(hidden);
                line = line.replaceAll("\\[" + h + "[= ][^]]*] ?", "").replaceAll(h + "[= ]\\S+ ?", "").strip();
            }
            out.add(line);
        }
        return out;
    }

    private static String tag(ArgSpec a) {
        if (a instanceof OptionSpec o) {
            StringBuilder sb = new StringBuilder();
            for (String n : o.names()) {
                sb.append(sb.length() == 0 ? "" : ", ").append("\\fB").append(code(n)).append("\\fR");
            }
            if (o.arity().max() > 0) {
                sb.append("=\\fI").append(code(o.paramLabel())).append("\\fR");
                if (o.isMultiValue()) {
                    sb.append("...");
                }
            }
            return sb.toString();
        }
        return "\\fI" + code(a.paramLabel()) + "\\fR" + (a.isMultiValue() ? "..." : "");
    }

    private static String argDescription(ArgSpec a) {
        String description = CompletionEngine.plain(String.join(" ", a.description())).strip();
        StringBuilder sb = new StringBuilder(description.isEmpty() ? "" : lines(description));
        Iterable<String> candidates = CompletionEngine.candidateValues(a);
        if (candidates != null) {
            List<String> values = new ArrayList<>();
            candidates.forEach(values::add);
            String joined = String.join(", ", values);
            if (!values.isEmpty() && !description.contains(joined)) {
                sb.append(sb.length() == 0 ? "" : "\n").append("Values: ").append(code(joined)).append('.');
            }
        }
        String dflt = a.defaultValue();
        if (dflt != null && !description.contains(dflt)) {
            sb.append(sb.length() == 0 ? "" : "\n").append("Default: ").append(code(dflt)).append('.');
        }
        return sb.length() == 0 ? "\\&" : sb.toString();
    }

    private static List<HelpSections.Entry> merge(List<HelpSections.Entry> own, List<HelpSections.Entry> common) {
        Map<String, HelpSections.Entry> byName = new LinkedHashMap<>();
        for (HelpSections.Entry e : own) {
            byName.putIfAbsent(e.name(), e);
        }
        for (HelpSections.Entry e : common) {
            byName.putIfAbsent(e.name(), e);
        }
        return new ArrayList<>(byName.values());
    }

    private static void entries(StringBuilder out, String section, List<HelpSections.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        out.append(".SH ").append(section).append('\n');
        for (HelpSections.Entry e : entries) {
            out.append(".TP\n.B ").append(code(e.name())).append('\n')
                    .append(e.text().isEmpty() ? "\\&" : text(e.text())).append('\n');
        }
    }

}
