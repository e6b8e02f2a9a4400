package dev.pika.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pika.cli.common.ExitCodes;
import dev.pika.testkit.Repo;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package structure of docs STYLE §4: {@code Main} is the composition root that no command package imports,
 * {@code cli.common} is a leaf, and the exit codes in {@link ExitCodes} are the README's table.
 */
class ArchitectureTest {
    private static final Path SOURCES = Repo.root().resolve("cli/src/main/java/dev/pika/cli");

    private static List<Path> sourcesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    @Test
    void noCommandPackageImportsMain() throws IOException {
        List<String> offenders = new ArrayList<>();
        Pattern main = Pattern.compile("\\bdev\\.pika\\.cli\\.Main\\b");
        for (Path p : sourcesIn(SOURCES)) {
            boolean rootPackage = p.getParent().equals(SOURCES);
            if (!rootPackage && main.matcher(Files.readString(p)).find()) {
                offenders.add(SOURCES.relativize(p).toString());
            }
        }
        assertEquals(List.of(), offenders, "only the composition root (package dev.pika.cli) may use Main");
    }

    @Test
    void commonIsALeaf() throws IOException {
        List<String> offenders = new ArrayList<>();
        Pattern other = Pattern.compile("\\bdev\\.pika\\.cli\\.(?!common\\.)[A-Za-z]");
        for (Path p : sourcesIn(SOURCES.resolve("common"))) {
            Matcher m = other.matcher(Files.readString(p).replaceFirst("(?m)^package .*$", ""));
            while (m.find()) {
                offenders.add(SOURCES.relativize(p) + ": " + m.group());
            }
        }
        assertEquals(List.of(), offenders, "cli.common depends on no other pika cli package");
    }

    @Test
    void readmeListsEveryExitCode() throws IOException, IllegalAccessException {
        TreeMap<Integer, String> declared = new TreeMap<>();
        for (Field f : ExitCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                declared.put(f.getInt(null), f.getName());
            }
        }
        String readme = Files.readString(Repo.root().resolve("README.md"));
        String table = readme.substring(readme.indexOf("## Exit codes"));
        table = table.substring(0, table.indexOf("\n## "));
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\|").matcher(table);
        List<Integer> documented = new ArrayList<>();
        while (row.find()) {
            documented.add(Integer.parseInt(row.group(1)));
        }
        assertEquals(new ArrayList<>(declared.keySet()), documented, "README exit-code table against " + declared);
    }
}
