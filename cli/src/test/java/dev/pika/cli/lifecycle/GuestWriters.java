package dev.pika.cli.lifecycle;

import dev.pika.cli.common.Cli;
import dev.pika.cli.render.CliRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine;

/** Runs {@code pika lifecycle …} in-process with an injected clock and boot id (the writer's seams). */
final class GuestWriters {
    /** The boot id of the machine that made the reference fixtures. */
    static final String FIXTURE_BOOT_ID = "46ce6850-048c-48cd-8469-88aa789f6265";

    private GuestWriters() {
    }

    /**
     * @param dir     where the boot-id file is put
     * @param instant the clock's instant
     * @param zone    the local zone
     * @return a writer whose clock stands still at {@code instant} and whose boot id is {@link #FIXTURE_BOOT_ID}
     */
    static LifecycleWriter fixed(Path dir, Instant instant, ZoneId zone) {
        try {
            Path bootId = dir.resolve("boot_id");
            Files.writeString(bootId, FIXTURE_BOOT_ID + "\n");
            return new LifecycleWriter(Clock.fixed(instant, zone), bootId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param writer the writer the subcommands use
     * @param args   the words after {@code pika lifecycle}
     * @return what the run produced
     */
    static CliRun lifecycle(LifecycleWriter writer, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                Object made = cls == LifecycleStatusCommand.class ? new LifecycleStatusCommand(writer)
                        : cls == LifecycleEventCommand.class ? new LifecycleEventCommand(writer)
                        : cls == LifecycleResultCommand.class ? new LifecycleResultCommand(writer)
                        : CommandLine.defaultFactory().create(cls);
                return cls.cast(made);
            }
        };
        CommandLine cl = new CommandLine(CommandLine.Model.CommandSpec.create().name("pika"));
        cl.addSubcommand(new CommandLine(LifecycleCommand.class, factory));
        Cli.configure(cl);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] words = new String[args.length + 1];
        words[0] = "lifecycle";
        System.arraycopy(args, 0, words, 1, args.length);
        int code = cl.execute(words);
        return new CliRun(code, out.toString(), err.toString());
    }
}
