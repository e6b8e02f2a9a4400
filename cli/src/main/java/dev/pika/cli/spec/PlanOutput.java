package dev.pika.cli.spec;

import dev.pika.cli.image.ShellQuote;
import dev.pika.contract.plan.IncusMountPlan;
import dev.pika.contract.plan.IncusRuntimePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text and argv forms of an {@link IncusRuntimePlan} (CONTRACT.md §4). The JSON form is the plan's own
 * encoding ({@code ContractCodec.encodePretty}).
 */
final class PlanOutput {
    /** The Incus client the argv form names. */
    static final String INCUS = "incus";

    private PlanOutput() {
    }

    /**
     * The commands an operator could run to create the planned instance, stopped: {@code incus init IMAGE NAME
     * --project P --profile PROFILE [-c limits.*=V …]}, then one {@code incus config device add NAME DEVICE disk
     * KEY=VALUE … --project P} per mount, in mount order, with the device config keys sorted.
     *
     * @param plan the plan
     * @return one argv per command
     */
    static List<List<String>> argv(IncusRuntimePlan plan) {
        String project = plan.incus().project();
        String instance = plan.identity().instanceName();
        List<List<String>> commands = new ArrayList<>();
        List<String> init = new ArrayList<>(List.of(INCUS, "init", plan.incus().imageAlias(), instance,
                "--project", project, "--profile", plan.incus().profile()));
        plan.instanceConfig().forEach((k, v) -> init.addAll(List.of("-c", k + "=" + v)));
        commands.add(init);
        for (IncusMountPlan m : plan.mounts()) {
            List<String> add = new ArrayList<>(List.of(INCUS, "config", "device", "add", instance, m.deviceName(),
                    IncusMountPlan.DISK_DEVICE_TYPE));
            m.deviceConfig().forEach((k, v) -> {
                if (!k.equals(IncusMountPlan.DEVICE_TYPE_KEY)) {
                    add.add(k + "=" + v);
                }
            });
            add.addAll(List.of("--project", project));
            commands.add(add);
        }
        return commands;
    }

    /** @return {@link #argv} as shell command lines (POSIX-quoted words), one per line */
    static String argvText(IncusRuntimePlan plan) {
        StringBuilder out = new StringBuilder();
        for (List<String> command : argv(plan)) {
            out.append(ShellQuote.join(command)).append('\n');
        }
        return out.toString();
    }

    /**
     * A short summary for people: the instance, its image and profile, the {@code limits.*} config, then each
     * device with its config.
     *
     * @param plan the plan
     * @return lines ending in a newline
     */
    static String text(IncusRuntimePlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("instance ").append(plan.identity().instanceName())
                .append(" (runtime ").append(plan.identity().runtimeId()).append(")\n");
        out.append("  project ").append(plan.incus().project()).append(", profile ").append(plan.incus().profile())
                .append(", image ").append(plan.incus().imageAlias()).append('\n');
        out.append("config:").append(plan.instanceConfig().isEmpty() ? " (none)\n" : "\n");
        plan.instanceConfig().forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        out.append("devices:").append(plan.mounts().isEmpty() ? " (none)\n" : "\n");
        for (IncusMountPlan m : plan.mounts()) {
            out.append("  ").append(m.deviceName()).append(" (").append(m.kind().wire())
                    .append(m.required() ? ", required" : "").append(")\n");
            for (Map.Entry<String, String> e : m.deviceConfig().entrySet()) {
                out.append("    ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            }
        }
        return out.toString();
    }
}
