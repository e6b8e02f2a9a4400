package dev.pika.cli.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Local temp dirs of the image commands (the build's out-link dir, the ssh socket dir): removed at the end. */
final class LocalFiles {
    private LocalFiles() {
    }

    /** Deletes {@code dir} and everything in it, best effort (it is a temp dir of ours). */
    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** @return the size of a file in bytes, 0 when it cannot be read */
    static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
