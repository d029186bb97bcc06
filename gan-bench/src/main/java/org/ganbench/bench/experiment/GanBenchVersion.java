package org.ganbench.bench.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of gan-bench: the Maven project version, which the build writes into
 * {@code gan-bench-version.properties}. Both {@code --version} and result.json take it from here, so they agree.
 */
public final class GanBenchVersion {

    /** Resource beside this class, filtered by Maven. */
    static final String RESOURCE = "gan-bench-version.properties";

    private static final String VERSION = read();

    private GanBenchVersion() {
    }

    /**
     * Returns the version.
     *
     * @return such as "0.1.0-SNAPSHOT", or "unknown" when the classes were not built by Maven
     */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        Properties properties = new Properties();
        try (InputStream in = GanBenchVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        String version = properties.getProperty("version", "");
        // An IDE that skips Maven's resource step copies the file unfiltered, with the placeholder still in it.
        return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
    }
}
