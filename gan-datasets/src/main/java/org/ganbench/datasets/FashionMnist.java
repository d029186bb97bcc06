package org.ganbench.datasets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loader of Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017), the drop-in replacement of MNIST with 28x28 grey
 * images of clothing in ten classes, with the same splits as {@link Mnist}: training images 0-49,999 for
 * training, 50,000-59,999 for validation, and the 10,000 official test images.
 *
 * <p>The four IDX files have the same names and layout as MNIST's and are taken from the first source that has
 * a copy whose SHA-256 matches the pinned one: the directory named in the options, the folder
 * {@value #DEBIAN_FOLDER} of the Debian package {@code dataset-fashion-mnist}, the gan-bench cache folder
 * {@code fashion-mnist/}, then the HTTP mirrors. No npm package ships Fashion-MNIST.
 */
public final class FashionMnist {

    /** Download site of the Fashion-MNIST authors, which serves {@code <file name>.gz}. */
    public static final URI OFFICIAL_MIRROR = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");

    /** Folder where the Debian package {@code dataset-fashion-mnist} installs the four gzipped IDX files. */
    public static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";

    private static final String REMEDY = "To fix this, pass a directory that contains the four files, plain or .gz "
            + "(--data-dir on the command line, MnistOptions.withDataDirectory in code), install the Debian package dataset-fashion-mnist, "
            + "or check network access to the mirrors.";

    private FashionMnist() {
    }

    /**
     * Returns the default options: no data directory, the default cache, the authors' download site, no npm,
     * and the timeouts of {@link MnistOptions#defaults()}.
     *
     * @return the default options for {@link #load(MnistOptions)}
     */
    public static MnistOptions defaultOptions() {
        return MnistOptions.defaults().withMirrors(List.of(OFFICIAL_MIRROR)).withNpm(false);
    }

    /**
     * Loads the Fashion-MNIST training, validation and test splits, fetching the files into the cache if needed.
     *
     * @param options sources and timeouts, usually derived from {@link #defaultOptions()}
     * @return the splits, named "fashion-mnist-train", "fashion-mnist-validation" and "fashion-mnist-test", and a
     *     description of where the files came from
     * @throws IllegalArgumentException if the options enable npm or list an MNIST mirror, which cannot serve
     *     Fashion-MNIST
     * @throws DataUnavailableException if no source provided a verified copy of every file. The message lists
     *     every source tried and why it failed.
     * @throws CorruptDataException if a verified file is still not a valid IDX file
     * @throws IOException if the cache cannot be read or written
     * @throws NullPointerException if {@code options} is null
     */
    public static MnistSplits load(MnistOptions options) throws IOException {
        requireFashionSources(options);
        return new Mnist(options, manifest()).loadSplits();
    }

    /**
     * Returns the manifest of the Fashion-MNIST release. The SHA-256 values were computed from the decompressed
     * files of Debian's {@code dataset-fashion-mnist} 0.0~git20200523.55506a9-1, built from the authors'
     * repository. Checksums of the decompressed bytes accept any gzip encoding of the same files.
     */
    static MnistManifest manifest() {
        Map<MnistFile, String> sha256 = new EnumMap<>(MnistFile.class);
        sha256.put(MnistFile.TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888");
        sha256.put(MnistFile.TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9");
        sha256.put(MnistFile.TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b");
        sha256.put(MnistFile.TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34");
        return new MnistManifest("fashion-mnist", "Fashion-MNIST", sha256, 50_000, 10_000, 10_000, 28, 28, null,
                List.of(Path.of(DEBIAN_FOLDER)), REMEDY);
    }

    private static void requireFashionSources(MnistOptions options) {
        Objects.requireNonNull(options, "options");
        if (options.allowNpm()) {
            throw new IllegalArgumentException("FashionMnist: the options enable npm, but no npm package ships "
                    + "Fashion-MNIST. Start from FashionMnist.defaultOptions() or call withNpm(false).");
        }
        for (URI mirror : options.mirrors()) {
            if (mirror.equals(MnistOptions.OSSCI_MIRROR) || mirror.equals(MnistOptions.LECUN_MIRROR)) {
                throw new IllegalArgumentException("FashionMnist: mirror " + mirror + " serves MNIST, not "
                        + "Fashion-MNIST. Start from FashionMnist.defaultOptions().");
            }
        }
    }
}
