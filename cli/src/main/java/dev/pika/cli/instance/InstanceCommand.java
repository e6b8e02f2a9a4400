package dev.pika.cli.instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pika.cli.common.CommandGroup;
import dev.pika.cli.common.Entry;
import dev.pika.cli.common.Environment;
import dev.pika.cli.common.Examples;
import dev.pika.cli.common.ExitCodes;
import dev.pika.cli.common.FormatOption;
import dev.pika.cli.common.UserException;
import dev.pika.cli.record.RoleIds;
import dev.pika.contract.model.ContractCodec;
import dev.pika.contract.model.GuestRole;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pika instance inspect NAME} and {@code pika instance list}: a live or stopped Incus instance read the way
 * the hosts read it (CONTRACT.md §9). Exit codes: 0 inspected (the verdict is in the output), 1 the instance or
 * project cannot be read (no such instance, incus or ssh failed), 2 usage error.
 */
@Command(name = "instance", mixinStandardHelpOptions = true,
        description = "Read live or stopped Incus instances the way the hosts do (CONTRACT.md §9): lifecycle "
            + "files, boot id, guest role, the server's readiness verdict or the CI run status.",
        subcommands = {InstanceCommand.Inspect.class, InstanceCommand.ListAll.class})
public final class InstanceCommand extends CommandGroup {

    /** What inspect and list share: where incus runs, the role, the format. */
    @Command(mixinStandardHelpOptions = true,
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {" 0:inspected (the verdict is in the output, whatever it is)",
                " 1:the instance or project cannot be read: no such instance, incus or ssh failed",
                " 2:usage error"})
    @Environment({
        @Entry(name = "PIKA_INCUS_BIN", text = "The Incus client program (default incus; LXD's is lxc)."),
        @Entry(name = "PIKA_BUILD_SSH_KEY", text = "The ssh identity file for --remote-host (ssh -i).")
    })
    @FormatOption.Formats(FormatOption.TextOrJson.class)
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        IncusAccess incus;

        @Mixin
        FormatOption format;

        @Option(names = "--role", paramLabel = "ROLE", converter = RoleIds.Converter.class,
                completionCandidates = RoleIds.class,
                description = "Judge as this guest role instead of the instance's user.pika.guest_role.")
        GuestRole role;

        boolean json() {
            return format.get(FormatOption.TextOrJson.class) == FormatOption.TextOrJson.json;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public final Integer call() {
            try {
                return run(new InstanceReader(incus, role));
            } finally {
                incus.close();
            }
        }

        /**
         * @param reader reads instances through {@link #incus}
         * @return the exit code
         */
        abstract int run(InstanceReader reader);
    }

    /** {@code pika instance inspect NAME}. */
    @Command(name = "inspect",
            description = {"Read one instance as the hosts do: /run/pika-cloud/status.json, events.jsonl, "
                + "result.json, guest-request.json and events.jsonl.seq through the Incus file API (a missing file "
                + "is reported as missing), the guest's boot id (incus exec … cat "
                + "/proc/sys/kernel/random/boot_id, running instances only) and user.pika.guest_role. Each "
                + "document is validated, the documents are compared (pika validate DIR's state-dir checks), and "
                + "then: for a managed-openclaw guest, the server's readiness checks in the server's order, the "
                + "first reason it would give (missing boot_id, boot_id mismatch, missing details, malformed "
                + "details, mismatched agent_kind/backend_mode/service_kind, missing failure_reason, missing "
                + "readiness probe) and the agent phase (error, ready, creating); for a CI guest the run status "
                + "the executor derives (completed → passed, failed → failed)."})
    @Examples({"pika instance inspect --local --project pika-managed-agents agent-7",
        "pika instance inspect --remote-host build1 --format json ci-run-42"})
    public static final class Inspect extends Base {
        @Parameters(paramLabel = "NAME", description = "The instance.")
        String name;

        @Override
        int run(InstanceReader reader) {
            Inspection i = reader.inspect(reader.instance(name));
            if (json()) {
                out().println(ContractCodec.encodePretty(InspectionJson.full(i, incus.project)));
                out().flush();
            } else {
                InspectionText.print(i, incus.project, incus.where(), out());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code pika instance list}. */
    @Command(name = "list",
            description = {"The fleet view: every instance of the project read as `pika instance inspect` "
                + "reads one, in parallel, one line each: name, role, state, boot id match (status.json's against "
                + "the guest's), and the readiness verdict (managed-openclaw) or the run status (CI)."})
    @Examples({"pika instance list --local", "pika instance list --project pika-managed-agents --format json"})
    public static final class ListAll extends Base {
        @Option(names = "--jobs", paramLabel = "N", defaultValue = "8",
                description = "Instances read at once (default: ${DEFAULT-VALUE}).")
        int jobs = 8;

        @Override
        int run(InstanceReader reader) {
            if (jobs < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
            }
            JsonNode instances = reader.instances();
            List<JsonNode> sorted = new ArrayList<>();
            instances.forEach(sorted::add);
            sorted.sort(Comparator.comparing(n -> n.path("name").asText()));
            List<Inspection> all = readAll(reader, sorted);
            if (json()) {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                all.forEach(i -> a.add(InspectionJson.summary(i)));
                out().println(ContractCodec.encodePretty(a));
                out().flush();
            } else {
                InspectionText.table(all, out());
            }
            return ExitCodes.OK;
        }

        private List<Inspection> readAll(InstanceReader reader, List<JsonNode> instances) {
            if (instances.isEmpty()) {
                return List.of();
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, instances.size()), r -> {
                Thread t = new Thread(r, "pika-instance");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Inspection>> futures = new ArrayList<>();
                for (JsonNode n : instances) {
                    futures.add(pool.submit(() -> reader.inspect(n)));
                }
                List<Inspection> all = new ArrayList<>();
                for (Future<Inspection> f : futures) {
                    all.add(f.get());
                }
                return all;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserException(ExitCodes.INTERRUPTED, "interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UserException u) {
                    throw u;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
