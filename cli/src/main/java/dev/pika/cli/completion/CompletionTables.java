package dev.pika.cli.completion;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The completion engine as an awk program with its tables generated from the command model, so a TAB in bash,
 * zsh or fish starts no JVM: {@code complete.awk} (next to this class) is {@link CompletionEngine#complete} written
 * in POSIX awk, and this class appends {@code function init()}, one table line per command, subcommand name,
 * option, positional and value list. The program prints what {@code pika __complete} prints ({@link CompleteCommand});
 * for an option or positional whose candidates implement {@link Dynamic} it prints {@code :jvm} and the shell
 * asks {@code pika __complete}. The scripts embed the program (drift-tested with the man pages);
 * {@code CompletionTablesTest} compares it with the engine for every command and option.
 */
public final class CompletionTables {
    /** A {@code completionCandidates} class whose values only the JVM can list at TAB time (none today). */
    public interface Dynamic {
    }

    private CompletionTables() {
    }

    /**
     * @param root the {@code pika} command
     * @return the awk program: the engine, then the tables of every command under {@code root}
     */
    public static String awkProgram(CommandSpec root) {
        StringBuilder sb = new StringBuilder(CompletionScripts.resource("complete.awk"));
        sb.append("function init() {\n");
        command(sb, root, "");
        sb.append("}\n");
        String program = sb.toString();
        if (program.indexOf('\'') >= 0) {
            throw new IllegalStateException("the awk program must not hold a single quote (the shells quote it)");
        }
        return program;
    }

    private static void command(StringBuilder sb, CommandSpec spec, String key) {
        Map<String, CommandLine> subs = spec.subcommands();
        StringBuilder visible = new StringBuilder();
        for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!sub.usageMessage().hidden() && e.getKey().equals(sub.name())) {
                String summary = CompletionEngine.summary(sub);
                visible.append(visible.length() == 0 ? "" : "\n").append(e.getKey())
                        .append(summary.isEmpty() ? "" : "\t" + summary);
            }
        }
        boolean help = spec.userObject() instanceof CommandLine.HelpCommand && spec.parent() != null;
        String parentKey = help ? key.contains(" ") ? key.substring(0, key.lastIndexOf(' ')) : "" : "-";
        List<OptionSpec> options = spec.options();
        List<PositionalParamSpec> positionals = spec.positionalParameters();
        call(sb, "cmd", q(key), subs.isEmpty() ? "0" : "1", q(parentKey), positionals.size(), options.size(),
                q(visible.toString()));
        for (int i = 0; i < options.size(); i++) {
            OptionSpec o = options.get(i);
            String id = key + "#" + (i + 1);
            call(sb, "opt", q(key), i + 1, q(String.join(" ", o.names())), q(o.longestName()), o.arity().min(),
                    o.arity().max(), o.isMultiValue() ? 1 : 0, o.hidden() ? 1 : 0,
                    q(CompletionEngine.summary(o.description())));
            if (o.arity().max() > 0) {
                values(sb, id, o);
            }
        }
        for (int i = 0; i < positionals.size(); i++) {
            PositionalParamSpec p = positionals.get(i);
            call(sb, "pos", q(key), i + 1, p.index().min(), p.index().max(), p.hidden() ? 1 : 0);
            values(sb, key + "@" + (i + 1), p);
        }
        for (Map.Entry<String, CommandLine> e : subs.entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            String child = key.isEmpty() ? sub.name() : key + " " + sub.name();
            call(sb, "subname", q(key), q(e.getKey()), q(child));
            if (e.getKey().equals(sub.name())) {
                command(sb, sub, child);
            }
        }
    }

    private static void values(StringBuilder sb, String id, ArgSpec arg) {
        Iterable<String> candidates = CompletionEngine.candidateValues(arg);
        CompletionEngine.Completion all = CompletionEngine.values(arg, "");
        StringBuilder list = new StringBuilder();
        for (CompletionEngine.Candidate c : all.candidates()) {
            list.append(list.length() == 0 ? "" : "\n").append(c.value());
        }
        call(sb, "val", q(id), candidates == null ? 0 : 1, q(list.toString()), all.directive(),
                candidates instanceof Dynamic ? 1 : 0);
    }

    private static void call(StringBuilder sb, String function, Object... args) {
        sb.append("    ").append(function).append('(');
        for (int i = 0; i < args.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(args[i]);
        }
        sb.append(")\n");
    }

    /** @return {@code s} as an awk string literal; a single quote as {@code \047}, control characters in octal */
    static String q(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\'' -> sb.append("\\047");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\%03o", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
