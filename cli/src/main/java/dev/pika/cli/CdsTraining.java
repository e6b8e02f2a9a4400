package dev.pika.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * The launcher's training run for the start-up cache (see {@code docs/performance.md}): {@code bin/pika} runs
 * this class once per jar and JDK under {@code -XX:ArchiveClassesAtExit} (JDK 17-23) or
 * {@code -XX:AOTMode=record} (JDK 24+), so that the resulting archive holds the classes a typical command
 * loads — picocli's model of every command, the help renderer, Jackson and the validators — whichever command
 * the user happens to run first. It prints nothing and always exits 0: a failed training only means no cache.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    /**
     * Runs representative commands with standard output and error discarded.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true);
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            for (String[] command : commands()) {
                try {
                    Main.run(command);
                } catch (RuntimeException | LinkageError e) {
                    // training is best effort: a command that fails here still loaded its classes
                }
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** @return the command lines of the training run: help and version, and every subcommand's help */
    static List<String[]> commands() {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--version"});
        commands.add(new String[] {"--help"});
        for (String name : Main.commandLine(new Main()).getSubcommands().keySet()) {
            commands.add(new String[] {name, "--help"});
        }
        commands.add(new String[] {"no-such-command"});
        return commands;
    }
}
