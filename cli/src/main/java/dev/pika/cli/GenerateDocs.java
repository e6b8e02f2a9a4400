package dev.pika.cli;

import dev.pika.cli.docs.DocsGenerator;
import java.io.IOException;

/**
 * {@code GenerateDocs [--check] REPO_DIR} (scripts/regen-docs.sh): regenerates the man pages and completion scripts
 * from the {@code pika} command tree this composition root builds ({@link DocsGenerator}).
 */
public final class GenerateDocs {
    private GenerateDocs() {
    }

    /**
     * @param args {@code [--check] REPO_DIR}
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        DocsGenerator.main(Main.commandLine(new Main()).getCommandSpec(), args);
    }
}
