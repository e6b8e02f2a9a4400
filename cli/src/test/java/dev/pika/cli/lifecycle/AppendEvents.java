package dev.pika.cli.lifecycle;

import dev.pika.cli.Main;

/**
 * A guest process that appends events one after another through the real command ({@code pika lifecycle event},
 * parsed and run as from the command line): {@code AppendEvents EVENTS_PATH WRITER_ID COUNT}. Used by
 * {@link LifecycleSeqConcurrencyIT} to start several such processes at once.
 */
public final class AppendEvents {
    private AppendEvents() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            int code = Main.run("lifecycle", "event", "--events-path", args[0], "--kind", "starting", "--message",
                    "writer " + args[1] + " event " + i, "--details-json",
                    "{\"writer\": " + args[1] + ", \"n\": " + i + "}");
            if (code != 0) {
                System.exit(code);
            }
        }
    }
}
