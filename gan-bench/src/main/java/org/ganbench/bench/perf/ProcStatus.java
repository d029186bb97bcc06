package org.ganbench.bench.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of the current process, read from Linux's {@code /proc/self/status}.
 *
 * @param residentKib current resident set size (VmRSS), in KiB
 * @param peakResidentKib largest resident set size so far (VmHWM, the "high water mark"), in KiB
 */
public record ProcStatus(long residentKib, long peakResidentKib) {

    private static final Path SELF_STATUS = Path.of("/proc/self/status");

    /**
     * Reads the current process's figures.
     *
     * @return VmRSS and VmHWM of this process
     * @throws UncheckedIOException if {@code /proc/self/status} cannot be read, for example on a
     *     system other than Linux
     * @throws IllegalStateException if the file lacks VmRSS or VmHWM
     */
    public static ProcStatus readSelf() {
        try {
            return parse(Files.readString(SELF_STATUS));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + SELF_STATUS
                    + ". Memory figures need Linux's /proc file system", e);
        }
    }

    /**
     * Parses the text of a {@code /proc/PID/status} file.
     *
     * @param status the file's text, lines such as {@code VmHWM:    123456 kB}
     * @return the VmRSS and VmHWM figures
     * @throws IllegalStateException if either line is missing or malformed
     */
    public static ProcStatus parse(String status) {
        return new ProcStatus(kibibytes(status, "VmRSS"), kibibytes(status, "VmHWM"));
    }

    /**
     * Returns the resident set size in MiB.
     *
     * @return VmRSS / 1024
     */
    public double residentMib() {
        return residentKib / 1024.0;
    }

    /**
     * Returns the peak resident set size in MiB.
     *
     * @return VmHWM / 1024
     */
    public double peakResidentMib() {
        return peakResidentKib / 1024.0;
    }

    private static long kibibytes(String status, String field) {
        for (String line : status.split("\n")) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equals("kB")) {
                    try {
                        return Long.parseLong(parts[0]);
                    } catch (NumberFormatException e) {
                        throw new IllegalStateException("malformed " + field + " line '" + line + "' in /proc status", e);
                    }
                }
                throw new IllegalStateException("malformed " + field + " line '" + line
                        + "' in /proc status. Expected a number of kB");
            }
        }
        throw new IllegalStateException("no " + field + " line in /proc status."
                + " This needs a Linux kernel that reports it");
    }
}
