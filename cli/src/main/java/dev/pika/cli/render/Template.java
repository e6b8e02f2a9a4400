package dev.pika.cli.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text template stored as a class-path resource next to this class, with {@code @name@} placeholders
 * ({@code name} = lower-case letters and underscores). Substitution is a single pass: inserted values are never
 * scanned for placeholders again, and no other character of the template is interpreted (backslashes, {@code $},
 * braces and quotes are copied as they are), so the resource's bytes are the output's bytes.
 */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("@([a-z_]+)@");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /**
     * Loads a template resource from {@code dev/pika/cli/render/}.
     *
     * @param resourceName file name of the resource, e.g. {@code tart-guest-script.sh.in}
     * @return the template
     * @throws IllegalStateException when the resource is missing from the jar (a packaging bug)
     */
    static Template load(String resourceName) {
        try (InputStream in = Template.class.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new IllegalStateException("template resource " + resourceName + " is missing from the jar");
            }
            return new Template(resourceName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template resource " + resourceName, e);
        }
    }

    /** @return the template text with no substitution (for templates without placeholders) */
    String text() {
        return text;
    }

    /**
     * Fills every placeholder.
     *
     * @param values the text for each placeholder name; must name exactly the template's placeholders
     * @return the rendered text
     * @throws IllegalArgumentException when a placeholder has no value or a value has no placeholder
     */
    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        Set<String> used = new HashSet<>();
        while (m.find()) {
            String key = m.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("template " + name + ": no value for @" + key + "@");
            }
            used.add(key);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!used.containsAll(values.keySet())) {
            Set<String> unused = new HashSet<>(values.keySet());
            unused.removeAll(used);
            throw new IllegalArgumentException("template " + name + ": no placeholder for " + unused);
        }
        return out.toString();
    }
}
