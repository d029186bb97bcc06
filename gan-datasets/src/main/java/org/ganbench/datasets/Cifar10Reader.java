package org.ganbench.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reader for the CIFAR-10 binary version: 50,000 training and 10,000 test colour images of 32x32 pixels in
 * ten classes.
 *
 * <p>The source may be the archive {@code cifar-10-binary.tar.gz} (or the uncompressed {@code .tar}), its
 * extracted folder {@code cifar-10-batches-bin/}, or the folder that contains that one. The folder contains
 * {@code data_batch_1.bin} to {@code data_batch_5.bin} and {@code test_batch.bin} of 10,000 records each, and
 * {@code batches.meta.txt} with the class names. The reader checks the format, not a checksum, so any copy
 * with the same layout is accepted, including one whose records are in another order than the official files.
 *
 * <p>NOTE: a full read peaks at about 1.4 GB of heap, estimated from the array sizes: 737 MB of float pixels,
 * of which the 614 MB training array is briefly held twice while {@link ColourImageSet} copies it.
 */
public final class Cifar10Reader {

    /** Number of images in each batch file of the official distribution. */
    public static final int RECORDS_PER_BATCH = 10_000;

    /** Name of the folder that the archive extracts to. */
    public static final String BATCH_FOLDER = "cifar-10-batches-bin";

    private static final Logger LOG = LoggerFactory.getLogger(Cifar10Reader.class);

    private static final String FIX = "Download cifar-10-binary.tar.gz again, or extract it again.";

    private final int recordsPerBatch;

    /** Creates a reader for batches of another size, so that tests can use small files. */
    Cifar10Reader(int recordsPerBatch) {
        if (recordsPerBatch <= 0) {
            throw new IllegalArgumentException("recordsPerBatch is " + recordsPerBatch + ", but it must be positive");
        }
        this.recordsPerBatch = recordsPerBatch;
    }

    /**
     * Reads the training and test images and the class names.
     *
     * @param source the archive {@code cifar-10-binary.tar.gz}, the folder {@code cifar-10-batches-bin}, or
     *     the folder that contains it
     * @return 50,000 training and 10,000 test images with channel-planar pixels in [0, 1], labels 0 to 9, and
     *     the class names
     * @throws NoSuchFileException if {@code source} does not exist
     * @throws CorruptDataException if a batch or the class name file is missing, a batch is not 10,000
     *     records of 3,073 bytes, a label is above 9, or the archive is truncated or invalid
     * @throws IOException if a file cannot be read
     */
    public static Cifar10Data read(Path source) throws IOException {
        return new Cifar10Reader(RECORDS_PER_BATCH).readFrom(source);
    }

    /** Reads a folder or an archive, as {@link #read} documents, with this reader's batch size. */
    Cifar10Data readFrom(Path source) throws IOException {
        Objects.requireNonNull(source, "source");
        Cifar10Data data;
        if (Files.isDirectory(source)) {
            data = readFolder(batchFolder(source));
        } else if (Files.isRegularFile(source)) {
            data = readArchive(source);
        } else {
            throw new NoSuchFileException(source.toString(), null,
                    "not found. Pass cifar-10-binary.tar.gz or the folder it extracts to.");
        }

        LOG.info("Read CIFAR-10 from {}: {} training and {} test images", source, data.train().count(),
                data.test().count());
        return data;
    }

    /** Returns {@code cifar-10-batches-bin} below {@code directory} if it exists, else {@code directory}. */
    private static Path batchFolder(Path directory) {
        Path nested = directory.resolve(BATCH_FOLDER);
        return Files.isDirectory(nested) ? nested : directory;
    }

    private Cifar10Data readFolder(Path folder) throws IOException {
        Cifar10Batches batches = new Cifar10Batches(recordsPerBatch, FIX);
        for (String fileName : Cifar10Batches.BATCH_FILES) {
            Path file = folder.resolve(fileName);
            if (Files.isRegularFile(file)) {
                batches.requireBatchSize(file, fileName, Files.size(file));
                batches.add(file, fileName, fileName, Files.readAllBytes(file));
            }
        }

        Path meta = folder.resolve(Cifar10Batches.META_FILE);
        if (Files.isRegularFile(meta)) {
            batches.add(meta, Cifar10Batches.META_FILE, Cifar10Batches.META_FILE, Files.readAllBytes(meta));
        }
        return batches.finish(folder);
    }

    /**
     * Streams the archive once and keeps the entries of {@code cifar-10-batches-bin/}. Low-level errors while
     * decompressing or unpacking become {@link CorruptDataException}, because a local archive that cannot be
     * decoded is damaged.
     */
    private Cifar10Data readArchive(Path archive) throws IOException {
        Cifar10Batches batches = new Cifar10Batches(recordsPerBatch, FIX);
        try (BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(archive), Gzip.BUFFER_SIZE)) {
            boolean compressed = Gzip.startsWithMagic(raw);
            try (InputStream content = compressed ? Gzip.decompress(raw) : raw;
                    TarArchiveInputStream tar = new TarArchiveInputStream(content)) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    String fileName = partName(entry);
                    if (fileName == null) {
                        continue;
                    }

                    String label = "entry " + entry.getName();
                    if (!Cifar10Batches.META_FILE.equals(fileName)) {
                        batches.requireBatchSize(archive, label, entry.getSize());
                    }
                    batches.add(archive, fileName, label, tar.readAllBytes());
                }
            } catch (CorruptDataException e) {
                throw e;
            } catch (IOException e) {
                throw new CorruptDataException(archive, "truncated or invalid " + (compressed ? "tar.gz" : "tar")
                        + " archive (" + Failures.describe(e) + "). " + FIX, e);
            }
        }
        return batches.finish(archive);
    }

    /** Returns the file name of an entry of {@code cifar-10-batches-bin/} that the reader needs, else null. */
    private static String partName(TarArchiveEntry entry) {
        if (!entry.isFile()) {
            return null;
        }
        String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
        String prefix = BATCH_FOLDER + "/";
        if (!name.startsWith(prefix)) {
            return null;
        }
        String fileName = name.substring(prefix.length());
        return Cifar10Batches.isPart(fileName) ? fileName : null;
    }
}
