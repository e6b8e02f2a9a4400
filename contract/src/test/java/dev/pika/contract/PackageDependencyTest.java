package dev.pika.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The top level of {@code contract/} ({@code Finding}, {@code Severity}, {@code ContractConstants}) imports
 * nothing from its subpackages, so there is no package cycle between it and {@code model}. Read from the
 * sources' import lines, so it needs no bytecode library.
 */
class PackageDependencyTest {

    private static final Path SRC = Path.of("src/main/java/dev/pika/contract");
    private static final Pattern REF =
            Pattern.compile("(?m)^import (?:static )?dev\\.pika\\.contract\\.(model|plan|validate)\\b");

    @Test
    void topLevelDependsOnNoSubpackage() throws IOException {
        assertEquals(List.of(), references(SRC, false, "model|plan|validate"));
    }

    private static List<String> references(Path dir, boolean recurse, String forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = recurse ? Files.walk(dir) : Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = REF.matcher(Files.readString(f));
                while (m.find()) {
                    if (m.group(1).matches(forbidden)) {
                        found.add(f.getFileName() + " -> " + m.group());
                    }
                }
            }
        }
        return found;
    }
}
