package dev.pika.cli.record;

import dev.pika.contract.model.GuestRole;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;

/**
 * The guest role ids ({@code managed-openclaw}, {@code pikaci-runner}, CONTRACT.md §5) as picocli completion
 * candidates for every {@code --role} and {@code ROLE}, and the converter that parses them as the reference does.
 */
public final class RoleIds implements Iterable<String> {
    /** The ids in declaration order. */
    static final List<String> IDS = Arrays.stream(GuestRole.values()).map(GuestRole::id).toList();

    @Override
    public Iterator<String> iterator() {
        return IDS.iterator();
    }

    /**
     * Parses {@code --role} values with {@link GuestRole#parse}: trimmed, then exact; anything else is a usage error
     * (exit 2) carrying the reference's message {@code expected `managed-openclaw` or `pikaci-runner`, got "X"}.
     */
    public static final class Converter implements CommandLine.ITypeConverter<GuestRole> {
        @Override
        public GuestRole convert(String value) {
            try {
                return GuestRole.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
