package org.ganbench.datasets;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder of one MNIST-format data set in the gan-bench cache, {@code mnist/} or {@code fashion-mnist/}, which
 * contains only files whose SHA-256 matches the manifest.
 *
 * <p>A file enters the cache through {@link #store}: it is written to a uniquely named temporary file in the same
 * folder, verified, and renamed atomically. Readers therefore see either no file or a complete verified one,
 * even when several processes fill the same cache at once.
 */
final class MnistCache {

    /** System property that sets the cache root. */
    static final String CACHE_PROPERTY = "ganbench.cache";

    /** Environment variable that sets the cache root when the system property is absent. */
    static final String CACHE_VARIABLE = "GANBENCH_CACHE";

    private static final Logger LOG = LoggerFactory.getLogger(MnistCache.class);

    private final Path directory;
    private final MnistManifest manifest;

    MnistCache(Path directory, MnistManifest manifest) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
    }

    /**
     * Opens the data set's folder, named after the manifest, below the cache root chosen by the options or,
     * when they give none, by the system property, the environment variable or the home directory.
     */
    static MnistCache open(MnistOptions options, MnistManifest manifest) {
        Path root = resolveRoot(options.cacheDirectory(), System.getProperty(CACHE_PROPERTY),
                System.getenv(CACHE_VARIABLE), System.getProperty("user.home"));
        return new MnistCache(root.resolve(manifest.name()), manifest);
    }

    /**
     * Returns the cache root: the explicit directory if given, else the first non-blank of the property and the
     * environment value, else {@code <userHome>/.cache/gan-bench}.
     */
    static Path resolveRoot(Path explicit, String property, String environment, String userHome) {
        if (explicit != null) {
            return explicit;
        }
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment);
        }
        return Path.of(userHome, ".cache", "gan-bench");
    }

    /** Returns the folder that contains the data set's files. */
    Path directory() {
        return directory;
    }

    /** Returns where a file lives in the cache, whether or not it is there yet. */
    Path pathOf(MnistFile file) {
        return directory.resolve(file.fileName());
    }

    /** Returns whether the file is in the cache. Only {@link #store} renames files into place, after verifying them. */
    boolean contains(MnistFile file) {
        return Files.isRegularFile(pathOf(file));
    }

    /**
     * Returns whether a cached copy exists and matches its checksum. A copy that does not match is logged and
     * deleted, so the caller fetches it again.
     *
     * @throws IOException if the copy cannot be read or deleted
     */
    boolean verify(MnistFile file) throws IOException {
        Path path = pathOf(file);
        if (!Files.isRegularFile(path)) {
            return false;
        }

        String expected = manifest.sha256Of(file);
        // Cached files are always stored uncompressed, so the raw bytes are hashed.
        String actual = Sha256.of(path);
        if (expected.equals(actual)) {
            return true;
        }

        LOG.warn("Deleting damaged cached file {}: SHA-256 is {} but {} was expected. It will be fetched again.",
                path, actual, expected);
        Files.deleteIfExists(path);
        return false;
    }

    /** Writer of a file's uncompressed content. */
    @FunctionalInterface
    interface ContentWriter {

        /** Writes the whole content to {@code out}, without closing it. */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file into the cache, verifies its checksum and renames it into place atomically. A file that
     * fails verification is deleted and never becomes visible.
     *
     * @throws CorruptDataException if the written content does not match the manifest's SHA-256
     * @throws IOException if writing, the writer or the rename fails
     */
    void store(MnistFile file, ContentWriter writer) throws IOException {
        Files.createDirectories(directory);
        Path temporary = createTemporaryFile(file.fileName());
        try {
            MessageDigest digest = Sha256.newDigest();
            try (OutputStream out = new DigestOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(temporary), Gzip.BUFFER_SIZE), digest)) {
                writer.writeTo(out);
            }

            String expected = manifest.sha256Of(file);
            String actual = Sha256.hex(digest);
            if (!expected.equals(actual)) {
                throw new CorruptDataException(pathOf(file), String.format(
                        "checksum mismatch: the fetched content has SHA-256 %s but %s was expected. "
                                + "The source serves a damaged or different file, so the copy was discarded.",
                        actual, expected));
            }

            // A rename within one folder is atomic on POSIX file systems and replaces any copy that another
            // process stored meanwhile, which contains the same verified bytes.
            Files.move(temporary, pathOf(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Creates an empty, uniquely named hidden file in the cache folder, for data that must later be renamed
     * into place or deleted by the caller.
     *
     * <p>NOTE: a process killed during a download leaves its {@code .part} file behind. Nothing removes such
     * files, but they never shadow a cached file.
     */
    Path createTemporaryFile(String baseName) throws IOException {
        Files.createDirectories(directory);
        return Files.createTempFile(directory, "." + baseName + ".", ".part");
    }

    @Override
    public String toString() {
        return "cache " + directory;
    }
}
