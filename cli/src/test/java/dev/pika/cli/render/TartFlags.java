package dev.pika.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One of the 8 combinations of the Tart script's flags.
 *
 * @param runAsRoot            --run-as-root
 * @param useHostXcode         --use-host-xcode
 * @param useHostRustToolchain --use-host-rust-toolchain
 */
public record TartFlags(boolean runAsRoot, boolean useHostXcode, boolean useHostRustToolchain) {
    /** @return all 8 combinations */
    public static Stream<TartFlags> all() {
        List<TartFlags> all = new ArrayList<>();
        for (int bits = 0; bits < 8; bits++) {
            all.add(new TartFlags((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0));
        }
        return all.stream();
    }

    /** @return the command-line options for these flags */
    public List<String> options() {
        List<String> options = new ArrayList<>();
        if (runAsRoot) {
            options.add("--run-as-root");
        }
        if (useHostXcode) {
            options.add("--use-host-xcode");
        }
        if (useHostRustToolchain) {
            options.add("--use-host-rust-toolchain");
        }
        return options;
    }

    /** @return a short name usable in file names, e.g. {@code root-xcode} or {@code default} */
    public String slug() {
        String joined = String.join("-", options()).replace("--run-as-", "").replace("--use-host-", "");
        return joined.isEmpty() ? "default" : joined.replace("--", "");
    }

    @Override
    public String toString() {
        return options().isEmpty() ? "(no flags)" : String.join(" ", options());
    }
}
