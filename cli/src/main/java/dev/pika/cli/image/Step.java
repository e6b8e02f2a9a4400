package dev.pika.cli.image;

import java.util.List;

/**
 * One command of an image plan, exactly as it is executed (or, with {@code --dry-run}, printed).
 *
 * @param argv          the full argv, e.g. {@code [ssh, -o, StrictHostKeyChecking=accept-new, HOST, REMOTE-COMMAND]}
 * @param note          a comment shown above the command in the plan (when it runs, what a result means), or null
 * @param dryRunOutput  the stdout a dry run pretends the command printed, so the rest of the plan can be shown
 *                      (e.g. the mktemp template as the temp dir); empty when the output is not used
 * @param remoteArgv    for an ssh step that runs one simple command: the words the remote shell runs (the last
 *                      ssh argument is exactly these words, quoted); null otherwise
 */
public record Step(List<String> argv, String note, String dryRunOutput, List<String> remoteArgv) {
    public Step {
        argv = List.copyOf(argv);
        dryRunOutput = dryRunOutput == null ? "" : dryRunOutput;
        remoteArgv = remoteArgv == null ? null : List.copyOf(remoteArgv);
    }

    /** A step that is not a simple remote command. */
    public Step(List<String> argv, String note, String dryRunOutput) {
        this(argv, note, dryRunOutput, null);
    }

    /** @return the program (argv[0]) */
    public String program() {
        return argv.get(0);
    }

    /** @return the argv as one shell-quoted line */
    public String shellLine() {
        return ShellQuote.join(argv);
    }
}
