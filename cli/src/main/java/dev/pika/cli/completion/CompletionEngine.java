package dev.pika.cli.completion;

import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Answers "what can come next?" for a partly typed command line by walking the picocli command model. One engine
 * serves the hidden {@code pika __complete} entry point (bash, zsh, fish) and {@code pika shell}, so every place
 * offers the same candidates.
 *
 * <p>Where candidates come from, in order: an enum type with a public {@code String id()} method (its ids, e.g.
 * {@code GuestRole}, {@code DocumentKind}); the argument's {@code completionCandidates} (enum constants' {@code
 * toString()} by default, or a class such as {@link RoleCandidates}); role ids for a {@code --role} option that
 * declares none; file names ({@link #FILES}) for {@code File}/{@code Path} types and for labels naming a
 * {@code FILE}, {@code PATH} or {@code DIR} ({@link #DIRS}). Subcommands and options come from the spec; hidden
 * ones are never offered.
 *
 * <p>Cheap by design: no I/O and no class loading beyond the command model, so a TAB answers as fast as pika starts.
 */
public final class CompletionEngine {
    /** Directive bit: the shell should also offer file names matching the current word. */
    public static final int FILES = 1;
    /** Directive bit: the shell should also offer directory names matching the current word. */
    public static final int DIRS = 2;
    /** Directive bit: no space after the completed word (the word continues, e.g. {@code --opt=}). */
    public static final int NOSPACE = 4;

    private CompletionEngine() {
    }

    /**
     * One completion: the text to insert and a one-line description (empty when there is none).
     *
     * @param value       the whole word, e.g. {@code --format}, {@code validate-result}, {@code pikaci-runner}
     * @param description a short description for shells that show one (zsh, fish), never null
     */
    public record Candidate(String value, String description) {
    }

    /**
     * The answer for one position.
     *
     * @param candidates candidates that start with the current word, in model order
     * @param directive  bits of {@link #FILES}, {@link #DIRS}, {@link #NOSPACE}; 0 means "only these candidates"
     */
    public record Completion(List<Candidate> candidates, int directive) {
        /** @return whether the shell should offer file names too */
        public boolean files() {
            return (directive & FILES) != 0;
        }

        /** @return whether the shell should offer directory names too */
        public boolean dirs() {
            return (directive & DIRS) != 0;
        }
    }

    /**
     * Completes the last of {@code words}.
     *
     * @param root  the top-level command spec ({@code pika})
     * @param words the arguments after the program name; the last one is the word being completed, the empty
     *              string when the cursor starts a new word. An empty list is the same as {@code [""]}.
     * @return candidates and directive; never null
     */
    public static Completion complete(CommandSpec root, List<String> words) {
        String cur = words.isEmpty() ? "" : words.get(words.size() - 1);
        CommandSpec spec = root;
        int positionals = 0;
        boolean endOfOptions = false;
        Set<OptionSpec> used = new HashSet<>();
        OptionSpec pending = null;
        int pendingValues = 0;
        OptionSpec optionalValueOf = null;
        for (int i = 0; i < words.size() - 1; i++) {
            String w = words.get(i);
            OptionSpec optionalBefore = optionalValueOf;
            optionalValueOf = null;
            if (pendingValues > 0) {
                pendingValues--;
                continue;
            }
            if (!endOfOptions && w.equals("--")) {
                endOfOptions = true;
                continue;
            }
            if (!endOfOptions && w.length() > 1 && w.startsWith("-")) {
                int eq = w.indexOf('=');
                OptionSpec opt = spec.findOption(eq > 0 ? w.substring(0, eq) : w);
                if (opt != null) {
                    used.add(opt);
                    if (eq < 0 && takesValue(opt)) {
                        if (opt.arity().min() == 0) {
                            optionalValueOf = opt;
                        } else {
                            pending = opt;
                            pendingValues = opt.arity().min();
                        }
                    }
                }
                continue;
            }
            if (optionalBefore != null) {
                continue; // the optional value of the previous option
            }
            CommandLine sub = positionals == 0 ? spec.subcommands().get(w) : null;
            if (sub != null) {
                spec = sub.getCommandSpec();
                positionals = 0;
                endOfOptions = false;
                used.clear();
                continue;
            }
            if (!spec.positionalParameters().isEmpty()) {
                positionals++;
            }
        }
        if (pendingValues > 0) {
            return values(pending, cur);
        }
        if (!endOfOptions && cur.startsWith("-")) {
            int eq = cur.indexOf('=');
            if (eq > 0) {
                OptionSpec opt = spec.findOption(cur.substring(0, eq));
                if (opt == null || !takesValue(opt)) {
                    return none();
                }
                String head = cur.substring(0, eq + 1);
                Completion v = values(opt, cur.substring(eq + 1));
                List<Candidate> prefixed = new ArrayList<>();
                for (Candidate c : v.candidates()) {
                    prefixed.add(new Candidate(head + c.value(), c.description()));
                }
                return new Completion(prefixed, v.directive());
            }
            return new Completion(options(spec, cur, used), 0);
        }
        List<Candidate> out = new ArrayList<>();
        int directive = 0;
        if (optionalValueOf != null) {
            Completion v = values(optionalValueOf, cur);
            out.addAll(v.candidates());
            directive |= v.directive();
        }
        if (positionals == 0) {
            out.addAll(subcommands(spec, cur));
            if (spec.userObject() instanceof CommandLine.HelpCommand && spec.parent() != null) {
                out.addAll(subcommands(spec.parent(), cur));
            }
        }
        PositionalParamSpec param = positionalAt(spec, positionals);
        if (param != null) {
            Completion v = values(param, cur);
            out.addAll(v.candidates());
            directive |= v.directive();
        }
        if (param == null && spec.subcommands().isEmpty() && out.isEmpty()) {
            return new Completion(options(spec, cur, used), 0);
        }
        return new Completion(out, directive);
    }

    private static Completion none() {
        return new Completion(List.of(), 0);
    }

    private static boolean takesValue(OptionSpec opt) {
        return opt.arity().max() > 0;
    }

    private static List<Candidate> options(CommandSpec spec, String cur, Set<OptionSpec> used) {
        List<Candidate> out = new ArrayList<>();
        for (OptionSpec opt : spec.options()) {
            if (opt.hidden() || (used.contains(opt) && !opt.isMultiValue())) {
                continue;
            }
            String longest = opt.longestName();
            for (String name : opt.names()) {
                boolean offered = name.equals(longest) || (cur.length() >= 2 && !cur.startsWith("--"));
                if (offered && name.startsWith(cur)) {
                    out.add(new Candidate(name, summary(opt.description())));
                }
            }
        }
        return out;
    }

    private static List<Candidate> subcommands(CommandSpec spec, String cur) {
        List<Candidate> out = new ArrayList<>();
        for (var e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!sub.usageMessage().hidden() && e.getKey().startsWith(cur) && e.getKey().equals(sub.name())) {
                out.add(new Candidate(e.getKey(), summary(sub)));
            }
        }
        return out;
    }

    private static PositionalParamSpec positionalAt(CommandSpec spec, int index) {
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden() && p.index().contains(index)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The candidates for one option value or positional parameter.
     *
     * @param arg    the option or parameter
     * @param prefix what has been typed of the value
     * @return matching candidates, or a file/directory directive
     */
    static Completion values(ArgSpec arg, String prefix) {
        Iterable<String> candidates = candidateValues(arg);
        if (candidates != null) {
            List<Candidate> out = new ArrayList<>();
            for (String c : candidates) {
                if (c.startsWith(prefix)) {
                    out.add(new Candidate(c, ""));
                }
            }
            return new Completion(out, 0);
        }
        Class<?> type = valueType(arg);
        String label = arg.paramLabel().toUpperCase(Locale.ROOT);
        if (label.contains("DIR")) {
            return new Completion(List.of(), DIRS);
        }
        if (File.class.isAssignableFrom(type) || Path.class.isAssignableFrom(type)
                || label.contains("FILE") || label.contains("PATH")) {
            return new Completion(List.of(), FILES);
        }
        return none();
    }

    /**
     * The values an option or parameter accepts, as the user types them: the ids of an enum type with a public
     * {@code String id()} method, else its {@code completionCandidates}, else the role ids for a {@code --role}
     * option. Used for completion and for the "Values:" line of man pages.
     *
     * @param arg the option or parameter
     * @return the values, or null when they are open-ended
     */
    public static Iterable<String> candidateValues(ArgSpec arg) {
        Iterable<String> candidates = enumIds(valueType(arg));
        if (candidates == null) {
            candidates = arg.completionCandidates();
        }
        if (candidates == null && arg instanceof OptionSpec opt && List.of(opt.names()).contains("--role")) {
            candidates = new RoleCandidates();
        }
        return candidates;
    }

    private static Class<?> valueType(ArgSpec arg) {
        return arg.isMultiValue() && arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
    }

    /** The ids of an enum with a public {@code String id()} method, or null. */
    private static List<String> enumIds(Class<?> type) {
        if (!type.isEnum()) {
            return null;
        }
        try {
            Method id = type.getMethod("id");
            if (id.getReturnType() != String.class || Modifier.isStatic(id.getModifiers())) {
                return null;
            }
            List<String> ids = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                ids.add((String) id.invoke(constant));
            }
            return ids;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /**
     * A command's one-line summary: the first sentence of its header (what picocli lists under "Commands:"), else
     * of its description.
     *
     * @param spec the command
     * @return the summary, possibly empty
     */
    public static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        return summary(header.length > 0 ? header : spec.usageMessage().description());
    }

    /**
     * The first sentence of a picocli description, without markup or line-break escapes: a one-line summary. The
     * sentence ends at {@code ". "} before a capital letter, or at {@code ": "} or {@code "; "}, outside parentheses
     * and backquotes (so {@code "e.g. x"} and {@code "(CONTRACT.md §2): details"} keep what belongs together).
     *
     * @param description the description lines, may be empty
     * @return the summary, possibly empty
     */
    public static String summary(String[] description) {
        if (description == null || description.length == 0) {
            return "";
        }
        String text = plain(String.join(" ", description)).replaceAll("\\s+", " ").strip();
        int depth = 0;
        boolean code = false;
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            char next = text.charAt(i + 1);
            if (c == '`') {
                code = !code;
            } else if (!code && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!code && (c == ')' || c == ']' || c == '}')) {
                depth = Math.max(0, depth - 1);
            } else if (!code && depth == 0 && next == ' ' && i > 0 && (c == ':' || c == ';'
                    || (c == '.' && i + 2 < text.length() && Character.isUpperCase(text.charAt(i + 2))))) {
                return text.substring(0, i);
            }
        }
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Removes picocli markup ({@code @|bold text|@}) and {@code %n} line breaks.
     *
     * @param text picocli help text
     * @return plain text
     */
    public static String plain(String text) {
        return text.replaceAll("@\\|[\\w,]+ (.*?)\\|@", "$1").replace("%n", "\n");
    }
}
