package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CIFAR-10 reader on a miniature distribution of three records per batch, as a folder and as an archive,
 * and on the real archive when it is present.
 */
class Cifar10ReaderTest {

    private static final Cifar10Reader SMALL_READER = new Cifar10Reader(Cifar10Fixture.RECORDS);

    @TempDir
    Path temporary;

    private static CorruptDataException assertCorrupt(Path source) {
        return assertThrows(CorruptDataException.class, () -> SMALL_READER.readFrom(source));
    }

    private static void assertMentions(Exception error, String... parts) {
        for (String part : parts) {
            assertTrue(error.getMessage().contains(part), error.getMessage());
        }
    }

    @Test
    void folderSizesAndLabels() throws IOException {
        Cifar10Data data = SMALL_READER.readFrom(new Cifar10Fixture().writeFolder(temporary));

        assertEquals(15, data.train().count());
        assertEquals(3, data.test().count());
        assertEquals(3, data.train().channels());
        assertEquals(32, data.train().rows());
        assertEquals(32, data.train().cols());
        // Training image 4 is record 1 of data_batch_2.bin.
        assertEquals(Cifar10Fixture.label(1, 1), data.train().label(4));
        assertEquals(Cifar10Fixture.label(5, 2), data.test().label(2));
        assertEquals(Cifar10Fixture.CLASS_NAMES, data.classNames());
    }

    @Test
    void folderPixelsChannelPlanar() throws IOException {
        Cifar10Data data = SMALL_READER.readFrom(new Cifar10Fixture().writeFolder(temporary));

        ColourImageSet train = data.train();
        assertEquals(Cifar10Fixture.pixelByte(1, 1, 0, 0, 0) / 255f, train.pixel(4, 0, 0, 0));
        assertEquals(Cifar10Fixture.pixelByte(1, 1, 2, 1, 3) / 255f, train.pixel(4, 2, 1, 3));
        assertEquals(Cifar10Fixture.pixelByte(4, 2, 1, 31, 30) / 255f, train.pixel(14, 1, 31, 30));
        assertEquals(Cifar10Fixture.pixelByte(5, 0, 2, 31, 31) / 255f, data.test().pixel(0, 2, 31, 31));
        assertEquals(Cifar10Fixture.pixelByte(1, 1, 1, 0, 5) / 255f, train.image(4)[1024 + 5]);
    }

    @Test
    void parentFolderAccepted() throws IOException {
        Cifar10Fixture fixture = new Cifar10Fixture();
        Cifar10Data fromFolder = SMALL_READER.readFrom(fixture.writeFolder(temporary));

        Cifar10Data fromParent = SMALL_READER.readFrom(temporary);

        assertEquals(fromFolder, fromParent);
    }

    @Test
    void archiveMatchesFolder() throws IOException {
        Cifar10Fixture fixture = new Cifar10Fixture();
        Cifar10Data fromFolder = SMALL_READER.readFrom(fixture.writeFolder(temporary));

        Cifar10Data fromArchive = SMALL_READER.readFrom(fixture.writeArchive(temporary.resolve("cifar-10-binary.tar.gz")));

        assertEquals(fromFolder, fromArchive);
    }

    @Test
    void recordSizeNotMultipleRejected() throws IOException {
        Cifar10Fixture fixture = new Cifar10Fixture();
        byte[] batch = fixture.files.get("data_batch_2.bin");
        fixture.files.put("data_batch_2.bin", Arrays.copyOf(batch, batch.length - 1));
        Path folder = fixture.writeFolder(temporary);

        CorruptDataException error = assertCorrupt(folder);

        assertMentions(error, folder.resolve("data_batch_2.bin").toString(),
                "has 9218 bytes, which is not a multiple of the 3073-byte record");
    }

    @Test
    void recordSizeNotMultipleInArchiveRejected() throws IOException {
        Cifar10Fixture fixture = new Cifar10Fixture();
        byte[] batch = fixture.files.get("test_batch.bin");
        fixture.files.put("test_batch.bin", Arrays.copyOf(batch, batch.length + 5));
        Path archive = fixture.writeArchive(temporary.resolve("cifar-10-binary.tar.gz"));

        CorruptDataException error = assertCorrupt(archive);

        assertMentions(error, archive.toString(), "entry cifar-10-batches-bin/test_batch.bin has 9224 bytes");
    }

    @Test
    void wrongRecordCountRejected() throws IOException {
        Cifar10Fixture fixture = new Cifar10Fixture();
        byte[] batch = fixture.files.get("data_batch_5.bin");
        fixture.files.put("data_batch_5.bin", Arrays.copyOf(batch, batch.length + Cifar10Batches.RECORD_BYTES));

        CorruptDataException error = assertCorrupt(fixture.writeFolder(temporary));

        assertMentions(error, "data_batch_5.bin contains 4 records but every batch has 3");
    }

    @Test
    void labelAboveNineRejected() throws IOException {
        Cifar10Fixture fixture = new Cifar10Fixture();
        fixture.files.get("data_batch_3.bin")[2 * Cifar10Batches.RECORD_BYTES] = 10;

        CorruptDataException error = assertCorrupt(fixture.writeFolder(temporary));

        assertMentions(error, "data_batch_3.bin record 2 has label 10, but CIFAR-10 labels are 0-9");
    }

    @Test
    void missingBatchRejected() throws IOException {
        Cifar10Fixture fixture = new Cifar10Fixture();
        fixture.files.remove("data_batch_3.bin");
        Path folder = fixture.writeFolder(temporary);

        CorruptDataException error = assertCorrupt(folder);

        assertTrue(error.getMessage().startsWith(folder.toString()), error.getMessage());
        assertMentions(error, "missing data_batch_3.bin.");
    }

    @Test
    void missingBatchInArchiveRejected() throws IOException {
        Cifar10Fixture fixture = new Cifar10Fixture();
        fixture.files.remove("test_batch.bin");
        fixture.files.remove(Cifar10Batches.META_FILE);

        CorruptDataException error = assertCorrupt(fixture.writeArchive(temporary.resolve("cifar.tar.gz")));

        assertMentions(error, "missing test_batch.bin, batches.meta.txt");
    }

    @Test
    void truncatedArchiveRejected() throws IOException {
        byte[] archive = new Cifar10Fixture().archiveBytes();
        Path file = Files.write(temporary.resolve("cifar-10-binary.tar.gz"), Arrays.copyOf(archive, archive.length / 2));

        CorruptDataException error = assertCorrupt(file);

        assertMentions(error, file.toString(), "truncated or invalid tar.gz archive", "Download cifar-10-binary.tar.gz again");
    }

    @Test
    void wrongClassNameCountRejected() throws IOException {
        Cifar10Fixture fixture = new Cifar10Fixture();
        fixture.files.put(Cifar10Batches.META_FILE, "airplane\nautomobile\n".getBytes());

        CorruptDataException error = assertCorrupt(fixture.writeFolder(temporary));

        assertMentions(error, "batches.meta.txt lists 2 class names but CIFAR-10 has 10");
    }

    @Test
    void missingSourceRejected() {
        assertThrows(NoSuchFileException.class, () -> SMALL_READER.readFrom(temporary.resolve("absent.tar.gz")));
    }

    @Test
    void realArchiveCountsAndMeans() throws IOException {
        Path archive = SharedData.path("cifar10/cifar-10-binary.tar.gz");
        assumeTrue(Files.isRegularFile(archive), "the CIFAR-10 archive " + archive + " is absent, so the real data is not tested");

        Cifar10Data data = Cifar10Reader.read(archive);

        assertEquals(50_000, data.train().count());
        assertEquals(10_000, data.test().count());
        assertEquals(Cifar10Fixture.CLASS_NAMES, data.classNames());
        int[] perClass = new int[10];
        for (int label : data.train().labels()) {
            perClass[label]++;
        }
        int[] fiveThousandEach = new int[10];
        Arrays.fill(fiveThousandEach, 5_000);
        assertEquals(Arrays.toString(fiveThousandEach), Arrays.toString(perClass));

        // Published per-channel means of CIFAR-10 on the 0-255 scale, which fix the order of the colour planes.
        double[] trainMeans = channelMeans(data.train());
        assertEquals(125.31, trainMeans[0], 0.01);
        assertEquals(122.95, trainMeans[1], 0.01);
        assertEquals(113.87, trainMeans[2], 0.01);
        double[] testMeans = channelMeans(data.test());
        assertEquals(126.02, testMeans[0], 0.01);
        assertEquals(123.71, testMeans[1], 0.01);
        assertEquals(114.85, testMeans[2], 0.01);
    }

    /** Returns the mean of each channel over all images, on the 0-255 scale. */
    private static double[] channelMeans(ColourImageSet images) {
        int plane = images.rows() * images.cols();
        double[] sums = new double[images.channels()];
        FloatBuffer pixels = images.pixelBuffer();
        for (int i = 0; pixels.hasRemaining(); i++) {
            sums[i / plane % images.channels()] += pixels.get();
        }

        double[] means = new double[sums.length];
        for (int channel = 0; channel < sums.length; channel++) {
            means[channel] = sums[channel] * 255 / ((double) images.count() * plane);
        }
        return means;
    }
}
