package dev.pika.cli.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.UserException;
import dev.pika.cli.image.ShellQuote;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks Incus which image an alias names, the way the CI host does when it writes an image record (CONTRACT.md §6):
 * {@code INCUS image list --project P ALIAS --format json}, on this machine or over ssh with the reference's options
 * ({@code -i $PIKA_BUILD_SSH_KEY} when set, {@code -o StrictHostKeyChecking=accept-new}; every remote word
 * shell-quoted), then the entry whose {@code aliases[].name} equals the alias exactly — {@code image list} itself
 * matches prefixes, so {@code pikaci/dev} also lists {@code pikaci/dev2}.
 */
final class IncusImageList {
    /** Created on first use: commands hold an {@link Exec} from start-up, and a mapper costs ~50 ms. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private IncusImageList() {
    }

    /** Runs one command; tests substitute it to record argv or inject failures. */
    interface Exec {
        /**
         * @param argv the command
         * @return its exit code and output
         * @throws IOException when the program cannot be started
         */
        Result run(List<String> argv) throws IOException;
    }

    /**
     * @param exitCode the exit code
     * @param stdout   standard output
     * @param stderr   standard error
     */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** When incus runs under {@code sudo -n} ({@code --sudo}). */
    enum Sudo {
        /** when the user running incus is not root (decided where incus runs). */
        AUTO,
        ALWAYS,
        NEVER
    }

    /** Decides {@code --sudo auto} on the remote: the one remote command runs incus under sudo when not root. */
    static final String AUTO_SUDO = "if [ \"$(id -u)\" -ne 0 ]; then exec sudo -n \"$@\"; fi; exec \"$@\"";

    /**
     * Where incus runs.
     *
     * @param host     ssh destination, or null for this machine
     * @param sshKey   {@code PIKA_BUILD_SSH_KEY}, or null
     * @param incusBin the client program
     * @param sudo     whether incus runs under {@code sudo -n}
     */
    record Target(String host, String sshKey, String incusBin, Sudo sudo) {
        /** A target without sudo. */
        Target(String host, String sshKey, String incusBin) {
            this(host, sshKey, incusBin, Sudo.NEVER);
        }

        /** @return true when incus runs on this machine */
        boolean local() {
            return host == null;
        }

        /** @return {@code incus} on this machine, or {@code incus on HOST} */
        String describe() {
            return local() ? incusBin : incusBin + " on " + host;
        }
    }

    /**
     * @param target  where incus runs
     * @param project the Incus project
     * @param alias   the image alias
     * @return the argv: {@code INCUS image list --project P ALIAS --format json}, wrapped in ssh when remote
     */
    static List<String> argv(Target target, String project, String alias) {
        List<String> words = new ArrayList<>();
        boolean localRoot = localUid() == 0;
        if (target.sudo() == Sudo.ALWAYS || target.sudo() == Sudo.AUTO && target.local() && !localRoot) {
            words.addAll(List.of("sudo", "-n"));
        } else if (target.sudo() == Sudo.AUTO && !target.local()) {
            words.addAll(List.of("sh", "-c", AUTO_SUDO, "sh"));
        }
        words.addAll(List.of(target.incusBin(), "image", "list", "--project", project, alias, "--format", "json"));
        if (target.local()) {
            return words;
        }
        List<String> argv = new ArrayList<>();
        argv.add("ssh");
        if (target.sshKey() != null && !target.sshKey().isEmpty()) {
            argv.add("-i");
            argv.add(target.sshKey());
        }
        argv.add("-o");
        argv.add("StrictHostKeyChecking=accept-new");
        // never a password prompt, and a bounded wait for an unreachable host (as incus-role-image)
        argv.addAll(List.of("-o", "BatchMode=yes", "-o", "ConnectTimeout=10"));
        argv.add(target.host());
        argv.add(ShellQuote.join(words));
        return argv;
    }

    /**
     * Runs the query and returns the fingerprint of the image the alias names.
     *
     * @return the fingerprint
     * @throws UserException exit code 1 when the command fails, prints something that is not an image list, or
     *                       lists no image with exactly this alias
     */
    static String fingerprint(Exec exec, Target target, String project, String alias) {
        List<String> argv = argv(target, project, alias);
        Result r;
        try {
            r = exec.run(argv);
        } catch (IOException e) {
            String why = e.getMessage() != null && e.getMessage().contains("error=2") ? "not found on PATH"
                    : e.getMessage();
            throw new UserException(ExitCodes.FAILURE, "cannot run " + argv.get(0) + ": " + why, e);
        }
        if (r.exitCode() != 0) {
            String who = !target.local() && r.exitCode() == 255 ? "ssh to " + target.host() : target.describe();
            throw new UserException(ExitCodes.FAILURE, who + " failed (exit " + r.exitCode() + ") listing images of "
                    + "project " + project + ": " + lastLine(r.stderr()));
        }
        return pick(r.stdout(), target, project, alias);
    }

    /**
     * @param json the output of {@code image list --format json}
     * @return the fingerprint of the entry with an alias named exactly {@code alias}
     * @throws UserException exit code 1 when there is none, or the output is not an image list
     */
    static String pick(String json, Target target, String project, String alias) {
        JsonNode list;
        try {
            list = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            list = null;
        }
        if (list == null || !list.isArray()) {
            throw new UserException(ExitCodes.FAILURE, target.describe() + " image list printed no JSON array: "
                    + abbreviate(json.strip()));
        }
        List<String> others = new ArrayList<>();
        String found = null;
        for (JsonNode image : list) {
            for (JsonNode a : image.path("aliases")) {
                String name = a.path("name").asText(null);
                if (alias.equals(name)) {
                    JsonNode fp = image.get("fingerprint");
                    if (fp == null || !fp.isTextual() || fp.asText().isEmpty()) {
                        throw new UserException(ExitCodes.FAILURE, target.describe() + " listed the image "
                                + "with alias " + alias + " without a fingerprint");
                    }
                    // untrusted: only 64 hex digits ever reach the record
                    String checked = dev.pika.cli.image.Names.fingerprint(fp.asText(), target.describe()
                            + " image list");
                    if (found != null) {
                        // an alias names one image: two entries mean the answer cannot be trusted (as the reference)
                        throw new UserException(ExitCodes.FAILURE, target.describe() + " listed two images with "
                                + "alias " + alias + " in project " + project + ": " + found + " and " + checked);
                    }
                    found = checked;
                } else if (name != null) {
                    others.add(name);
                }
            }
        }
        if (found != null) {
            return found;
        }
        throw new UserException(ExitCodes.FAILURE, "no image with alias " + alias + " in project " + project
                + " (" + target.describe() + ")" + (others.isEmpty() ? ""
                        : "; similar aliases: " + String.join(", ", others.subList(0, Math.min(5, others.size())))));
    }

    private static int localUid() {
        try {
            return (Integer) java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : 1000;
        }
    }

    private static String lastLine(String s) {
        String t = s.strip();
        int nl = t.lastIndexOf('\n');
        return abbreviate(nl < 0 ? t : t.substring(nl + 1));
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.isEmpty() ? "(nothing)" : one.length() <= 200 ? one : one.substring(0, 200) + "…";
    }

    /** Really runs the command: stdin from /dev/null, stdout and stderr captured. */
    static final Exec PROCESS = argv -> {
        Process p = new ProcessBuilder(argv).redirectInput(new File("/dev/null")).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errPump = new Thread(() -> copy(p.getErrorStream(), err), "pika-incus-stderr");
        errPump.setDaemon(true);
        errPump.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            int code = p.waitFor();
            errPump.join();
            return new Result(code, out, err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new UserException(ExitCodes.INTERRUPTED, "interrupted while running " + argv.get(0), e);
        }
    };

    private static void copy(InputStream in, ByteArrayOutputStream sink) {
        try (in) {
            in.transferTo(sink);
        } catch (IOException ignored) {
            // the child went away; its exit code tells what happened
        }
    }
}
