package dev.pika.contract.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pika.contract.Finding;
import dev.pika.contract.Severity;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.ContractDecodeException;
import dev.pika.contract.model.GuestRole;
import dev.pika.contract.model.LifecycleEvent;
import dev.pika.contract.model.LifecycleStatus;
import dev.pika.contract.model.RuntimeState;
import dev.pika.contract.model.RustText;
import dev.pika.contract.model.TerminalResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lint across the files of one state directory ({@code /run/pika-cloud} layout, CONTRACT.md §2): each document is
 * validated on its own elsewhere; these checks compare documents that decode. Every finding is a
 * {@link Severity#WARNING} (the reference reads each file alone and accepts them), an error under {@code --strict}.
 *
 * <p>Rules: {@code state-result-vs-status} (a result next to a status whose state is not the same terminal state),
 * {@code state-last-event-vs-status} (the last event's kind is not the status's state), {@code state-boot-id}
 * (status and last event carry different boot ids), {@code state-exit-code} (the result's {@code exit_code} is not
 * the status details' {@code exit_code}), {@code state-seq} (event {@code seq} not 1, 2, 3, … without gap or repeat),
 * {@code state-seq-file} (the {@code .seq} file does not hold the last {@code seq}), and, for the
 * {@code managed-openclaw} role when the status claims {@code ready} or {@code failed}, {@code readiness} (the first
 * of the server's readiness checks, §9, that fails; the boot id check needs a live guest and is skipped here).
 */
public final class StateDirChecks {
    /** File name of the event stream's sequence file ({@code P.seq}, the lifecycle helper's default). */
    public static final String SEQ_FILE = "events.jsonl.seq";
    /** Findings reported per rule at most (a long stream with a gap at every line stays readable). */
    static final int MAX_PER_RULE = 10;

    private StateDirChecks() {
    }

    /**
     * The canonical files of one state directory, as bytes; null when a file is absent.
     *
     * @param dir     how the directory is named in findings (a path, or {@code NAME:/run/pika-cloud})
     * @param status  {@code status.json}
     * @param events  {@code events.jsonl}
     * @param result  {@code result.json}
     * @param seq     {@code events.jsonl.seq}
     */
    public record Files(String dir, byte[] status, byte[] events, byte[] result, byte[] seq) {
        /** @return the source name of {@code name} inside the directory */
        String source(String name) {
            return dir.endsWith("/") ? dir + name : dir + "/" + name;
        }
    }

    /**
     * Runs the checks.
     *
     * @param files the directory's files
     * @param role  the guest role ({@code --role}, or the instance's {@code user.pika.guest_role}), or null
     * @return the findings, all warnings, in rule order
     */
    public static List<Finding> check(Files files, GuestRole role) {
        List<Finding> out = new ArrayList<>();
        LifecycleStatus status = decode(LifecycleStatus.class, files.source("status.json"), files.status());
        TerminalResult result = decode(TerminalResult.class, files.source("result.json"), files.result());
        List<Line> events = events(files);
        String statusSrc = files.source("status.json");
        if (result != null && status != null) {
            String want = result.status().wire();
            if (!status.state().isTerminal() || !status.state().wire().equals(want)) {
                out.add(warn("state-result-vs-status", statusSrc, 0, "result.json says `" + want
                        + "` but status.json's state is `" + status.state().wire() + "`"));
            }
        }
        Line last = events == null || events.isEmpty() ? null : events.get(events.size() - 1);
        if (last != null && status != null && last.event.kind() != status.state()) {
            out.add(warn("state-last-event-vs-status", files.source("events.jsonl"), last.number,
                    "the last event's kind is `" + last.event.kind().wire() + "` but status.json's state is `"
                            + status.state().wire() + "`"));
        }
        if (last != null && status != null && last.event.bootId() != null && status.bootId() != null
                && !RustText.trim(last.event.bootId()).equals(RustText.trim(status.bootId()))) {
            out.add(warn("state-boot-id", statusSrc, 0, "status.json's boot_id `" + status.bootId()
                    + "` is not the last event's `" + last.event.bootId() + "` (events.jsonl line " + last.number
                    + ")"));
        }
        if (result != null && status != null) {
            JsonNode code = status.details() == null ? null : status.details().get("exit_code");
            if (code != null && code.isIntegralNumber() && !Objects.equals(result.exitCode(), code.intValue())) {
                out.add(warn("state-exit-code", files.source("result.json"), 0, "result.json's exit_code is "
                        + result.exitCode() + " but status.json's details.exit_code is " + code.asText()));
            }
        }
        if (events != null) {
            seq(files, events, out);
        }
        if (role == GuestRole.MANAGED_OPENCLAW && status != null
                && (status.state() == RuntimeState.READY || status.state() == RuntimeState.FAILED)) {
            Readiness.Verdict v = Readiness.check(status, null);
            if (!v.passed()) {
                out.add(warn("readiness", statusSrc, 0, "the server would not take this `" + status.state().wire()
                        + "` status: " + v.reason().wire() + " (CONTRACT.md §9)"));
            }
        }
        return out;
    }

    private static void seq(Files files, List<Line> events, List<Finding> out) {
        String src = files.source("events.jsonl");
        long expected = 1;
        int reported = 0;
        for (Line l : events) {
            long seq = l.event.seq();
            if (seq != expected && reported++ < MAX_PER_RULE) {
                String what = Long.compareUnsigned(seq, expected) < 0 ? "repeats or goes back" : "skips";
                out.add(warn("state-seq", src, l.number, "seq " + Long.toUnsignedString(seq) + " " + what
                        + ": expected " + Long.toUnsignedString(expected)));
            }
            expected = seq + 1;
        }
        if (files.seq() == null) {
            return;
        }
        String text = new String(files.seq(), StandardCharsets.UTF_8).strip();
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).event.seq();
        String seqSrc = files.source(SEQ_FILE);
        try {
            long value = Long.parseUnsignedLong(text);
            if (value != last) {
                out.add(warn("state-seq-file", seqSrc, 0, SEQ_FILE + " holds " + Long.toUnsignedString(value)
                        + " but the last event's seq is " + Long.toUnsignedString(last)
                        + (Long.compareUnsigned(value, last) > 0 ? " (events were lost, or written elsewhere)"
                        : " (the next event would repeat a seq)")));
            }
        } catch (NumberFormatException e) {
            out.add(warn("state-seq-file", seqSrc, 0, SEQ_FILE + " does not hold a u64 (`" + text
                    + "`): the helper would fail to append the next event"));
        }
    }

    /** One decoded event and its 1-based line in the stream. */
    private record Line(int number, LifecycleEvent event) {
    }

    /** @return the stream's events, or null when it is absent or does not decode (the validator reports why) */
    private static List<Line> events(Files files) {
        if (files.events() == null) {
            return null;
        }
        String text = new String(files.events(), StandardCharsets.UTF_8);
        List<Line> lines = new ArrayList<>();
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            if (RustText.isBlank(split[i])) {
                continue;
            }
            LifecycleEvent e = decode(LifecycleEvent.class, files.source("events.jsonl"),
                    split[i].getBytes(StandardCharsets.UTF_8));
            if (e == null) {
                return null;
            }
            lines.add(new Line(i + 1, e));
        }
        return lines;
    }

    private static <T> T decode(Class<T> type, String source, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return ContractCodec.decode(type, source, bytes);
        } catch (ContractDecodeException | RuntimeException e) {
            return null;
        }
    }

    private static Finding warn(String rule, String source, int line, String message) {
        return new Finding(Severity.WARNING, rule, source, line, 0, line, 0, "", message, null);
    }
}
