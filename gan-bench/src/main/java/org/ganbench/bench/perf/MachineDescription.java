package org.ganbench.bench.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine a benchmark ran on, as Linux and the JVM report it.
 *
 * @param cpuModel the first "model name" of {@code /proc/cpuinfo}
 * @param cores processors available to the JVM
 * @param memoryGib total memory from {@code /proc/meminfo}, in GiB
 * @param kernel operating system name and kernel version
 * @param java Java runtime version and vendor
 */
public record MachineDescription(String cpuModel, int cores, double memoryGib, String kernel, String java) {

    /**
     * Describes the current machine.
     *
     * @return the description; a figure Linux does not report becomes "unknown" or 0
     */
    public static MachineDescription current() {
        String cpuModel = firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown");
        double memoryGib = firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(value -> Long.parseLong(value.replace("kB", "").trim()) / (1024.0 * 1024.0))
                .orElse(0.0);
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
        String java = System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")";
        return new MachineDescription(cpuModel, Runtime.getRuntime().availableProcessors(), memoryGib, kernel, java);
    }

    /**
     * Reads the 1-minute load average from {@code /proc/loadavg}.
     *
     * @return the load average, or NaN where Linux does not report it
     */
    public static double oneMinuteLoad() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
