package dev.pika.contract.validate.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pika.contract.validate.DocumentKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz property in the default build, over the fuzzers' seed corpus: every example and reference fixture,
 * validated as every kind, whole, cut short, and with bytes changed (a fixed-seed random, so runs repeat).
 */
class SeedReplayTest {
    static Stream<Path> seeds() {
        List<Path> seeds = FuzzSupport.seeds();
        assertTrue(seeds.size() > 40, "seeds found: " + seeds.size());
        return seeds.stream();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyKindGivesFindingsOrAVerdict(Path seed) throws IOException {
        byte[] bytes = Files.readAllBytes(seed);
        Random random = new Random(seed.getFileName().toString().hashCode());
        List<byte[]> variants = new ArrayList<>(List.of(bytes, Arrays.copyOf(bytes, bytes.length / 2),
                Arrays.copyOf(bytes, Math.max(0, bytes.length - 1))));
        for (int i = 0; i < 8 && bytes.length > 0; i++) {
            byte[] changed = bytes.clone();
            changed[random.nextInt(changed.length)] = (byte) random.nextInt(256);
            variants.add(changed);
        }
        for (DocumentKind kind : DocumentKind.values()) {
            for (byte[] v : variants) {
                FuzzSupport.check(kind, v);
            }
        }
    }
}
