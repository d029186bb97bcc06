package org.ganbench.datasets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the six batch files and the class names of the CIFAR-10 binary version, in whatever order a folder
 * listing or an archive delivers them, and checks each against the format.
 *
 * <p>A batch is a sequence of 3,073-byte records: one label byte (0-9), then the 32x32 red, green and blue
 * planes, each row-major. That is the channel-planar layout of {@link ColourImageSet}, so the pixel bytes of a
 * record are scaled to [0, 1] in place.
 */
final class Cifar10Batches {

    /** File names of the training batches in label order, then the test batch. */
    static final List<String> BATCH_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin");

    /** File with one class name per line, in label order. */
    static final String META_FILE = "batches.meta.txt";

    static final int CLASSES = 10;
    static final int CHANNELS = 3;
    static final int SIZE = 32;
    static final int IMAGE_BYTES = CHANNELS * SIZE * SIZE;
    static final int RECORD_BYTES = 1 + IMAGE_BYTES;

    private static final int TRAIN_BATCHES = BATCH_FILES.size() - 1;

    private final int recordsPerBatch;
    private final String fix;
    private final float[] trainPixels;
    private final int[] trainLabels;
    private final float[] testPixels;
    private final int[] testLabels;
    private final boolean[] seen = new boolean[BATCH_FILES.size()];
    private List<String> classNames;

    /**
     * Allocates the arrays for the whole data set.
     *
     * @param recordsPerBatch records in every batch file, 10,000 in the official distribution
     * @param fix what the user should do when a file is damaged
     */
    Cifar10Batches(int recordsPerBatch, String fix) {
        this.recordsPerBatch = recordsPerBatch;
        this.fix = fix;
        this.trainPixels = new float[TRAIN_BATCHES * recordsPerBatch * IMAGE_BYTES];
        this.trainLabels = new int[TRAIN_BATCHES * recordsPerBatch];
        this.testPixels = new float[recordsPerBatch * IMAGE_BYTES];
        this.testLabels = new int[recordsPerBatch];
    }

    /** Returns whether {@code fileName} is one of the six batch files or the class name file. */
    static boolean isPart(String fileName) {
        return BATCH_FILES.contains(fileName) || META_FILE.equals(fileName);
    }

    /**
     * Checks the size of a batch before its content is read, so that a wrong file is rejected without loading it.
     *
     * @param where the file, or the archive that contains it
     * @param label how to name the part in messages, such as "data_batch_1.bin" or "entry x/data_batch_1.bin"
     * @param size size in bytes
     * @throws CorruptDataException if the size is not {@code recordsPerBatch} records
     */
    void requireBatchSize(Path where, String label, long size) throws CorruptDataException {
        if (size % RECORD_BYTES != 0) {
            throw new CorruptDataException(where, String.format(
                    "%s has %d bytes, which is not a multiple of the %d-byte record (1 label byte and %d pixel bytes). "
                            + "The file is truncated or not a CIFAR-10 binary batch. %s",
                    label, size, RECORD_BYTES, IMAGE_BYTES, fix));
        }
        if (size / RECORD_BYTES != recordsPerBatch) {
            throw new CorruptDataException(where, String.format("%s contains %d records but every batch has %d. %s",
                    label, size / RECORD_BYTES, recordsPerBatch, fix));
        }
    }

    /**
     * Validates one part and stores its content.
     *
     * @param where the file, or the archive that contains it
     * @param fileName the part's file name, one of {@link #BATCH_FILES} or {@link #META_FILE}
     * @param label how to name the part in messages
     * @param content the whole file
     * @throws CorruptDataException if a batch has the wrong size or a label above 9, or the class name file
     *     does not list ten names
     */
    void add(Path where, String fileName, String label, byte[] content) throws CorruptDataException {
        if (META_FILE.equals(fileName)) {
            classNames = parseClassNames(where, label, content);
            return;
        }

        int batch = BATCH_FILES.indexOf(fileName);
        requireBatchSize(where, label, content.length);
        boolean test = batch == TRAIN_BATCHES;
        int firstImage = test ? 0 : batch * recordsPerBatch;
        float[] pixels = test ? testPixels : trainPixels;
        int[] labels = test ? testLabels : trainLabels;

        for (int record = 0; record < recordsPerBatch; record++) {
            int offset = record * RECORD_BYTES;
            int classLabel = content[offset] & 0xFF;
            if (classLabel >= CLASSES) {
                throw new CorruptDataException(where, String.format(
                        "%s record %d has label %d, but CIFAR-10 labels are 0-%d. %s",
                        label, record, classLabel, CLASSES - 1, fix));
            }
            labels[firstImage + record] = classLabel;
            Pixels.scaleUnsignedBytes(content, offset + 1, pixels, (firstImage + record) * IMAGE_BYTES, IMAGE_BYTES);
        }
        seen[batch] = true;
    }

    /**
     * Builds the data set once every part has been added.
     *
     * @param where the folder or archive, for the message
     * @throws CorruptDataException if a batch or the class name file is missing
     */
    Cifar10Data finish(Path where) throws CorruptDataException {
        List<String> missing = new ArrayList<>();
        for (int batch = 0; batch < BATCH_FILES.size(); batch++) {
            if (!seen[batch]) {
                missing.add(BATCH_FILES.get(batch));
            }
        }
        if (classNames == null) {
            missing.add(META_FILE);
        }
        if (!missing.isEmpty()) {
            throw new CorruptDataException(where, "missing " + String.join(", ", missing) + ". " + fix);
        }

        ColourImageSet train = new ColourImageSet("cifar10-train", CHANNELS, SIZE, SIZE, trainLabels.length,
                trainPixels, trainLabels);
        ColourImageSet test = new ColourImageSet("cifar10-test", CHANNELS, SIZE, SIZE, testLabels.length,
                testPixels, testLabels);
        return new Cifar10Data(train, test, classNames);
    }

    private List<String> parseClassNames(Path where, String label, byte[] content) throws CorruptDataException {
        List<String> names = new ArrayList<>();
        for (String line : new String(content, StandardCharsets.UTF_8).split("\\R")) {
            // Blank lines, such as a trailing one, name no class.
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        if (names.size() != CLASSES) {
            throw new CorruptDataException(where, String.format(
                    "%s lists %d class names but CIFAR-10 has %d, one per line. %s", label, names.size(), CLASSES, fix));
        }
        return names;
    }
}
