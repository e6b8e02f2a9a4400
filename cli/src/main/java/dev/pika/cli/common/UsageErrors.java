package dev.pika.cli.common;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors as one line on stderr, exit code {@link ExitCodes#USAGE}:
 * {@code pika: unknown option '--bogus'; see 'pika validate-result --help'}. The prefix is the program name (pika,
 * or the launcher's name such as {@code incus-role-image}); a suggestion is added only for a real near-miss
 * (edit distance at most 2, and less than half the word), never a list of unrelated commands. An unknown option
 * is reported before a missing parameter it may have caused. Arguments are shown escaped ({@link Display}).
 */
final class UsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        CommandSpec spec = cl.getCommandSpec();
        String unknown = unknownOption(spec, args);
        String message;
        List<String> near;
        if (unknown != null) {
            message = "unknown option " + quote(unknown);
            near = nearMisses(unknown, optionNames(spec));
        } else if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            boolean commands = !spec.subcommands().isEmpty();
            message = (word.startsWith("-") ? "unknown option " : commands ? "unknown command " : "unexpected argument ")
                    + quote(word);
            near = nearMisses(word, word.startsWith("-") ? optionNames(spec) : spec.subcommands().keySet());
        } else {
            message = sentence(ex.getMessage());
            near = List.of();
        }
        StringBuilder line = new StringBuilder(spec.root().name()).append(": ").append(message);
        if (!near.isEmpty()) {
            line.append(" (did you mean ").append(String.join(" or ", near.stream().map(UsageErrors::quote).toList()))
                    .append("?)");
        }
        line.append("; see '").append(spec.qualifiedName()).append(" --help'");
        err.println(line);
        err.flush();
        return ExitCodes.USAGE;
    }

    /** @return the first argument that looks like an option no command on the path to {@code spec} has, or null */
    private static String unknownOption(CommandSpec spec, String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return null;
            }
            if (a.length() > 1 && a.startsWith("-") && !a.matches("-[0-9].*")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                boolean known = false;
                for (CommandSpec s = spec; s != null && !known; s = s.parent()) {
                    known = s.optionsMap().containsKey(name) || (!name.startsWith("--") && clustered(s, name));
                }
                if (!known) {
                    return name;
                }
            }
        }
        return null;
    }

    /** {@code -hq}: every letter a short option of {@code s}. */
    private static boolean clustered(CommandSpec s, String word) {
        return word.chars().skip(1).allMatch(c -> s.optionsMap().containsKey("-" + (char) c));
    }

    private static Collection<String> optionNames(CommandSpec spec) {
        return spec.optionsMap().keySet().stream().filter(n -> n.startsWith("--")).toList();
    }

    /** @return the candidates within edit distance 2 of {@code word} and less than half its length away */
    static List<String> nearMisses(String word, Collection<String> candidates) {
        List<String> near = new ArrayList<>();
        for (String c : candidates) {
            int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d > 0 && d <= 2 && d * 2 < Math.max(word.replaceFirst("^-+", "").length(), 2)) {
                near.add(c);
            }
        }
        return near.stream().sorted().limit(3).toList();
    }

    /** Optimal string alignment distance (Levenshtein plus transposition of neighbours). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String quote(String word) {
        return "'" + Display.escape(word) + "'";
    }

    /** picocli's "Missing required option: '--exit-code=N'" as "missing required option '--exit-code=N'". */
    private static String sentence(String message) {
        String m = Display.escape(message == null ? "invalid arguments" : message.strip());
        m = m.replaceFirst("^(Missing required (?:option|parameter)s?): ", "$1 ");
        if (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1);
        }
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
