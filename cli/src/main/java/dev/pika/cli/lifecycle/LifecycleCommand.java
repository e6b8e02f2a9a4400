package dev.pika.cli.lifecycle;

import dev.pika.cli.common.CommandGroup;
import picocli.CommandLine.Command;

/**
 * {@code pika lifecycle status|event|result}: the guest-side writers of the lifecycle files, a drop-in for the
 * guest's Python helper {@code pika-cloud-lifecycle} (CONTRACT.md §9).
 */
@Command(name = "lifecycle",
        mixinStandardHelpOptions = true,
        description = {
            "Write a guest's lifecycle files (status.json, events.jsonl, result.json) as the guest's Python helper "
                    + "pika-cloud-lifecycle does: the same options, the same bytes, the same exit codes.",
            "Timestamps are local time with the offset (TZ), boot_id comes from /proc/sys/kernel/random/boot_id."},
        subcommands = {LifecycleStatusCommand.class, LifecycleEventCommand.class, LifecycleResultCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {" 0:written", " 1:--details-json is not JSON, or a file cannot be written",
            " 2:usage error (missing option, invalid choice, non-integer exit code)"})
public final class LifecycleCommand extends CommandGroup {
}
