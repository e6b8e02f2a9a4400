package dev.pika.contract.gen;

import dev.pika.contract.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Generate [--check] REPO_DIR} (run by {@code scripts/regen-docs.sh}): regenerates the files derived from
 * the contract's one definition — the validator's type model {@code validate/Schemas.java} from the
 * {@code model/} records ({@link TypeModel}), and in {@code docs/validation.md} the type tables (from the same
 * model) and the rule table (from the rule registry, {@link Rule}). A generated region of a Markdown file lies between {@code <!-- BEGIN GENERATED: NAME … -->} and
 * {@code <!-- END GENERATED: NAME -->}; the text around it is hand-written. With {@code --check} nothing is
 * written and the exit status is 1 when a file is stale (its name is printed on stderr). Runs at build time
 * only: nothing here is used when pika starts.
 */
public final class Generate {
    private Generate() {
    }

    /** The Markdown file holding the generated validation tables, relative to the repository. */
    public static final String VALIDATION_DOC = "docs/validation.md";

    /**
     * @param root the repository
     * @return every generated file's path relative to {@code root} → its content as the generator makes it now
     * @throws IOException when a file with generated regions cannot be read, or lacks a region
     */
    public static Map<String, String> outputs(Path root) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String doc = Files.readString(root.resolve(VALIDATION_DOC), StandardCharsets.UTF_8);
        TypeModel model = new TypeModel();
        out.put(VALIDATION_DOC, replaceRegion(replaceRegion(doc, "rules", ruleTable()), "types", model.markdown()));
        out.put(TypeModel.SOURCE, model.source());
        return out;
    }

    /**
     * @param root the repository
     * @return the generated files (relative paths) whose checked-in content differs from the generator's
     * @throws IOException when a file cannot be read
     */
    public static List<String> stale(Path root) throws IOException {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> e : outputs(root).entrySet()) {
            Path file = root.resolve(e.getKey());
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
                stale.add(e.getKey());
            }
        }
        return stale;
    }

    /** @return the rule table: one row per {@link Rule}, in registry order */
    static String ruleTable() {
        StringBuilder sb = new StringBuilder("| rule id | severity | what |\n|---|---|---|\n");
        for (Rule r : Rule.values()) {
            sb.append("| `").append(r.id()).append("` | ")
                    .append(r.severity().map(s -> s.label()).orElse("varies"))
                    .append(" | ").append(r.doc().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    /**
     * @param text    a Markdown file
     * @param name    the region's name
     * @param content the region's new content (whole lines)
     * @return {@code text} with the region's content replaced
     * @throws IOException when the region's markers are missing
     */
    static String replaceRegion(String text, String name, String content) throws IOException {
        String begin = "<!-- BEGIN GENERATED: " + name;
        String end = "<!-- END GENERATED: " + name + " -->";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new IOException("no generated region `" + name + "` (" + begin + " … " + end + ")");
        }
        int afterBegin = text.indexOf('\n', b) + 1;
        return text.substring(0, afterBegin) + content + text.substring(e);
    }

    /**
     * @param args {@code [--check] REPO_DIR}
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        boolean check = args.length == 2 && args[0].equals("--check");
        if (args.length != (check ? 2 : 1)) {
            System.err.println("usage: Generate [--check] REPO_DIR");
            System.exit(2);
        }
        Path root = Path.of(args[args.length - 1]);
        if (check) {
            List<String> stale = stale(root);
            stale.forEach(f -> System.err.println("stale generated file: " + f + " (run scripts/regen-docs.sh)"));
            System.exit(stale.isEmpty() ? 0 : 1);
        }
        for (Map.Entry<String, String> e : outputs(root).entrySet()) {
            Path file = root.resolve(e.getKey());
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
                continue;
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".gen", ".tmp");
            Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
