package dev.pika.cli.completion;

import dev.pika.contract.model.GuestRole;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for a guest-role option: the role ids of {@link GuestRole} ({@code managed-openclaw},
 * {@code pikaci-runner}), in declaration order (CONTRACT.md §5). Use it on every option or parameter that takes a
 * role id, so shells, {@code pika shell} and the usage help list the same values:
 *
 * <pre>{@code
 * @Option(names = "--role", completionCandidates = RoleCandidates.class, paramLabel = "ROLE",
 *         description = "Guest role: ${COMPLETION-CANDIDATES}.")
 * }</pre>
 */
public final class RoleCandidates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        List<String> ids = new ArrayList<>();
        for (GuestRole role : GuestRole.values()) {
            ids.add(role.id());
        }
        return ids.iterator();
    }
}
