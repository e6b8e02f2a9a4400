package dev.pika.cli.image;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The {@code --dry-run} runner: records each command, runs none, and answers with {@link Step#dryRunOutput()}. */
final class PlanRunner implements Runner {
    private final List<Planned> steps = new ArrayList<>();
    private Supplier<String> phase = () -> null;

    /** @param currentPhase tells which phase a recorded command belongs to */
    void phases(Supplier<String> currentPhase) {
        this.phase = currentPhase;
    }

    @Override
    public Result run(Step step, Output output) {
        steps.add(new Planned(phase.get(), List.of(step)));
        return new Result(0, step.dryRunOutput(), "", 0);
    }

    @Override
    public Result pipe(Step list, Step archive, Step consumer) {
        steps.add(new Planned(phase.get(), List.of(list, archive, consumer)));
        return new Result(0, "", "", 0);
    }

    @Override
    public boolean dryRun() {
        return true;
    }

    @Override
    public List<Planned> recorded() {
        return List.copyOf(steps);
    }
}
