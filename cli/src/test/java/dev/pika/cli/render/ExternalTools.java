package dev.pika.cli.render;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Finds the real tools the render tests run (bash, shellcheck). */
public final class ExternalTools {
    private ExternalTools() {
    }

    /**
     * Returns the path of a tool on {@code PATH}. When it is missing the test FAILS if {@code CI=true}, and is
     * skipped otherwise, naming the setup script that installs it.
     *
     * @param tool program name, e.g. {@code shellcheck}
     * @return its absolute path
     */
    public static Path require(String tool) {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toAbsolutePath();
                }
            }
        }
        String message = tool + " is not installed: run .ci/setup-render.sh (it apt-installs " + tool + ")";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }
}
