package dev.pika.cli.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Supplies {@code --version}: the pika version from the build, and the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {
    /** @return the project version stamped at build time, or {@code unknown} */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/pika/cli/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "pika " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
