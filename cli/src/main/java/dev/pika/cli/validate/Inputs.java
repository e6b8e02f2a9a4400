package dev.pika.cli.validate;

import dev.pika.cli.common.InputFiles;
import dev.pika.contract.lifecycle.StateDirChecks;
import dev.pika.contract.validate.DocumentKind;
import dev.pika.contract.validate.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the command line's arguments into {@link Input}s: a file stays a file; a directory gives its files with a
 * canonical name (CONTRACT.md §2) that the command checks, every other entry as skipped, its subdirectories with
 * {@code -r}, and, after its files, its cross-file checks when it holds lifecycle documents.
 */
final class Inputs {
    /** The documents whose presence makes a directory a state directory. */
    private static final Set<DocumentKind> LIFECYCLE = EnumSet.of(DocumentKind.STATUS, DocumentKind.EVENTS,
            DocumentKind.RESULT);

    private Inputs() {
    }

    /**
     * @param cmd       the command (what it picks, whether it checks across files)
     * @param arg       one argument
     * @param recursive {@code -r}
     * @param out       where the inputs go, in order
     */
    static void expand(ValidateSupport cmd, String arg, boolean recursive, List<Input> out) {
        if (arg.equals("-") || !Files.isDirectory(Path.of(arg))) {
            out.add(new Input.Doc(arg, null));
            return;
        }
        if (!directory(cmd, Path.of(arg), recursive, out)) {
            out.add(new Input.Unreadable(arg, "nothing to check in " + arg + ": no file in it has a canonical name "
                    + "this command checks" + (recursive ? "" : " (-r also looks in its subdirectories)")));
        }
    }

    /** @return whether a document (or an unreadable directory) was found */
    private static boolean directory(ValidateSupport cmd, Path dir, boolean recursive, List<Input> out) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            out.add(new Input.Unreadable(dir.toString(), "cannot read " + dir + ": " + InputFiles.reason(e)));
            return true;
        }
        boolean any = false;
        boolean lifecycle = false;
        for (Path e : entries) {
            String name = e.getFileName().toString();
            if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                if (recursive) {
                    any |= directory(cmd, e, true, out);
                } else {
                    out.add(new Input.Skip(e.toString(), "a directory (-r checks inside)"));
                }
                continue;
            }
            Optional<DocumentKind> kind = DocumentKind.fromCanonicalFileName(name);
            if (kind.isPresent() && cmd.picks(kind.get())) {
                out.add(new Input.Doc(e.toString(), kind.get()));
                any = true;
                lifecycle |= LIFECYCLE.contains(kind.get());
            } else {
                out.add(new Input.Skip(e.toString(), kind.map(k -> "a " + k.title() + ", which this command does "
                        + "not check").orElse(name.equals(StateDirChecks.SEQ_FILE)
                        ? "the event stream's seq file, not a document" + (cmd.checksAcrossFiles()
                                ? " (the state-directory checks read it)" : "")
                        : "not a canonical document name")));
            }
        }
        if (lifecycle && cmd.checksAcrossFiles()) {
            out.add(new Input.StateDir(dir));
        }
        return any;
    }

    /**
     * @param dir    a state directory
     * @param name   a file name in it
     * @param limits the byte limit
     * @return the file's bytes, or null when it is absent, not a regular file, unreadable or larger than the limit
     *     (its own check reports why)
     */
    static byte[] lifecycleFile(Path dir, String name, Limits limits) {
        Path p = dir.resolve(name);
        try {
            if (!Files.isRegularFile(p) || Files.size(p) > limits.maxBytes()) {
                return null;
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            return null;
        }
    }
}
