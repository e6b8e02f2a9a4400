package dev.pika.cli.image;

import java.util.ArrayList;
import java.util.List;

/** The {@code --dry-run} runner: records each command, runs none, and answers with {@link Step#dryRunOutput()}. */
final class PlanRunner implements Runner {
    private final List<List<Step>> steps = new ArrayList<>();

    @Override
    public Result run(Step step, Output output) {
        steps.add(List.of(step));
        return new Result(0, step.dryRunOutput(), "", 0);
    }

    @Override
    public Result pipe(Step list, Step archive, Step consumer) {
        steps.add(List.of(list, archive, consumer));
        return new Result(0, "", "", 0);
    }

    @Override
    public boolean dryRun() {
        return true;
    }

    @Override
    public List<List<Step>> recorded() {
        return List.copyOf(steps);
    }
}
