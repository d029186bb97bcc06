package org.ganbench.datasets;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reader for IDX files of unsigned bytes, the format of the MNIST distribution.
 *
 * <p>An IDX file is a big-endian header followed by the raw values. The header is a 4-byte magic number
 * {@code 0x0000TTDD}, where {@code TT} is the data type ({@code 0x08} = unsigned byte) and {@code DD} the number
 * of dimensions, and then one 4-byte size per dimension. Images are 3-D (count, rows, cols, magic
 * {@code 0x00000803}) and labels are 1-D (count, magic {@code 0x00000801}). LeCun, Cortes and Burges
 * define the format on the MNIST web page.
 *
 * <p>Files may be plain or gzip-compressed. The reader detects gzip by its magic bytes {@code 0x1f 0x8b}, never
 * by the file name. Any deviation from the format raises a {@link CorruptDataException} that names the file.
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int IMAGE_DIMENSIONS = 3;
    private static final int LABEL_DIMENSIONS = 1;
    private static final int MAGIC_BYTES = 4;
    private static final int SIZE_BYTES = 4;

    /**
     * Largest array length that the JDK's own collections request, because some JVMs reserve header words in an
     * array. Longer arrays can fail even with free heap.
     */
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private static final String FETCH_AGAIN = "Delete the file and fetch it again.";

    private IdxReader() {
    }

    /**
     * Reads a 3-D IDX file of images into an unlabelled set, accepting any image count and size.
     *
     * @param file a plain or gzip-compressed IDX file with magic number {@code 0x00000803}
     * @param name name of the returned set
     * @return the images, with pixels scaled from [0, 255] to [0, 1]
     * @throws CorruptDataException if the file is not a valid 3-D IDX file of unsigned bytes
     * @throws IOException if the file cannot be read
     */
    public static ImageSet readImages(Path file, String name) throws IOException {
        return readImages(file, name, ExpectedShape.any());
    }

    /**
     * Reads a 3-D IDX file of images into an unlabelled set and checks its header against a shape.
     *
     * @param file a plain or gzip-compressed IDX file with magic number {@code 0x00000803}
     * @param name name of the returned set
     * @param expected sizes the header must declare
     * @return the images, with pixels scaled from [0, 255] to [0, 1]
     * @throws CorruptDataException if the file is not a valid 3-D IDX file of unsigned bytes or its header
     *     does not match {@code expected}
     * @throws IOException if the file cannot be read
     */
    public static ImageSet readImages(Path file, String name, ExpectedShape expected) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expected, "expected");
        return toImageSet(name, read(file, IMAGE_DIMENSIONS, expected), null);
    }

    /**
     * Reads a 1-D IDX file of labels, accepting any count.
     *
     * @param file a plain or gzip-compressed IDX file with magic number {@code 0x00000801}
     * @return one label in [0, 255] per record
     * @throws CorruptDataException if the file is not a valid 1-D IDX file of unsigned bytes
     * @throws IOException if the file cannot be read
     */
    public static int[] readLabels(Path file) throws IOException {
        return readLabels(file, ExpectedShape.ANY);
    }

    /**
     * Reads a 1-D IDX file of labels and checks the count its header declares.
     *
     * @param file a plain or gzip-compressed IDX file with magic number {@code 0x00000801}
     * @param expectedCount number of labels the header must declare, or {@link ExpectedShape#ANY}
     * @return one label in [0, 255] per record
     * @throws CorruptDataException if the file is not a valid 1-D IDX file of unsigned bytes or declares
     *     another count
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if {@code expectedCount} is neither positive nor {@link ExpectedShape#ANY}
     */
    public static int[] readLabels(Path file, int expectedCount) throws IOException {
        ExpectedShape expected = new ExpectedShape(expectedCount, ExpectedShape.ANY, ExpectedShape.ANY);
        byte[] data = read(file, LABEL_DIMENSIONS, expected).data();

        int[] labels = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            labels[i] = data[i] & 0xFF;
        }
        return labels;
    }

    /**
     * Reads an image file and its label file into one labelled set, accepting any image count and size.
     *
     * @param images a plain or gzip-compressed 3-D IDX file of images
     * @param labels a plain or gzip-compressed 1-D IDX file with one label per image
     * @param name name of the returned set
     * @return the labelled images, with pixels scaled from [0, 255] to [0, 1]
     * @throws CorruptDataException if either file is invalid or the two counts differ
     * @throws IOException if a file cannot be read
     */
    public static ImageSet readImages(Path images, Path labels, String name) throws IOException {
        return readImages(images, labels, name, ExpectedShape.any());
    }

    /**
     * Reads an image file and its label file into one labelled set and checks the image header against a shape.
     *
     * @param images a plain or gzip-compressed 3-D IDX file of images
     * @param labels a plain or gzip-compressed 1-D IDX file with one label per image
     * @param name name of the returned set
     * @param expected sizes the image header must declare
     * @return the labelled images, with pixels scaled from [0, 255] to [0, 1]
     * @throws CorruptDataException if either file is invalid, the image header does not match
     *     {@code expected}, or the two counts differ
     * @throws IOException if a file cannot be read
     */
    public static ImageSet readImages(Path images, Path labels, String name, ExpectedShape expected)
            throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expected, "expected");
        Payload pixels = read(images, IMAGE_DIMENSIONS, expected);
        int[] classes = readLabels(labels, expected.count());

        int imageCount = pixels.sizes()[0];
        if (classes.length != imageCount) {
            throw new CorruptDataException(labels, String.format(
                    "contains %d labels but the image file %s contains %d images. "
                            + "Pass the label file that belongs to this image file.",
                    classes.length, images, imageCount));
        }
        return toImageSet(name, pixels, classes);
    }

    /** Scales the unsigned bytes of a 3-D payload to [0, 1] and wraps them in a set. */
    private static ImageSet toImageSet(String name, Payload payload, int[] labels) {
        byte[] data = payload.data();
        float[] pixels = new float[data.length];
        Pixels.scaleUnsignedBytes(data, 0, pixels, 0, data.length);

        int[] sizes = payload.sizes();
        return new ImageSet(name, sizes[1], sizes[2], sizes[0], pixels, labels);
    }

    /** Header sizes and raw values of one IDX file. */
    private record Payload(int[] sizes, byte[] data) {
    }

    /**
     * Opens the file, decompressing it if needed, and reads the header and exactly the declared values.
     * Low-level gzip errors become {@link CorruptDataException} because a local file with broken gzip data
     * is damaged, whereas errors on a plain file are left as the I/O failures they are.
     */
    private static Payload read(Path file, int dimensions, ExpectedShape expected) throws IOException {
        Objects.requireNonNull(file, "file");
        try (BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), Gzip.BUFFER_SIZE)) {
            boolean compressed = Gzip.startsWithMagic(raw);
            try (InputStream in = compressed ? Gzip.decompress(raw) : raw) {
                return new PayloadParser(file, compressed, dimensions).parse(new DataInputStream(in), expected);
            } catch (CorruptDataException e) {
                throw e;
            } catch (IOException e) {
                if (!compressed) {
                    throw e;
                }
                throw new CorruptDataException(file, "invalid gzip data (" + e + "). " + FETCH_AGAIN, e);
            }
        }
    }

    /** Validation of one file's header and payload, with messages that name the file. */
    private static final class PayloadParser {

        private final Path file;
        private final boolean compressed;
        private final int dimensions;

        PayloadParser(Path file, boolean compressed, int dimensions) {
            this.file = file;
            this.compressed = compressed;
            this.dimensions = dimensions;
        }

        Payload parse(DataInputStream in, ExpectedShape expected) throws IOException {
            readMagic(in);
            int[] sizes = readSizes(in);
            requireShape(sizes, expected);

            long headerBytes = MAGIC_BYTES + (long) SIZE_BYTES * dimensions;
            long payloadBytes = product(sizes);
            if (payloadBytes > MAX_ARRAY_LENGTH) {
                throw corrupt(String.format("the header declares %s (%d bytes), more than one Java array can hold. %s",
                        describe(sizes), payloadBytes, FETCH_AGAIN));
            }

            // readNBytes grows its buffer as data arrives, so a header that lies about the size cannot force
            // a huge allocation before the truncation is detected.
            byte[] data = in.readNBytes((int) payloadBytes);
            long trailingBytes = in.transferTo(OutputStream.nullOutputStream());
            long actualBytes = headerBytes + data.length + trailingBytes;

            if (data.length < payloadBytes) {
                throw corrupt(sizeMismatch("truncated", sizes, headerBytes + payloadBytes, actualBytes));
            }
            if (trailingBytes > 0) {
                String problem = trailingBytes + " trailing bytes";
                throw corrupt(sizeMismatch(problem, sizes, headerBytes + payloadBytes, actualBytes));
            }
            return new Payload(sizes, data);
        }

        private void readMagic(DataInputStream in) throws IOException {
            byte[] magic = readHeaderBytes(in, MAGIC_BYTES);
            int magicNumber = ((magic[0] & 0xFF) << 24) | ((magic[1] & 0xFF) << 16)
                    | ((magic[2] & 0xFF) << 8) | (magic[3] & 0xFF);
            int expectedMagic = (UNSIGNED_BYTE << 8) | dimensions;

            if (magic[0] != 0 || magic[1] != 0) {
                throw corrupt(String.format(
                        "not an IDX file: magic number 0x%08X does not start with two zero bytes (expected 0x%08X). "
                                + "Check the path, or %s",
                        magicNumber, expectedMagic, lowerFirst(FETCH_AGAIN)));
            }
            int dataType = magic[2] & 0xFF;
            if (dataType != UNSIGNED_BYTE) {
                throw corrupt(String.format(
                        "unsupported IDX data type 0x%02X in magic number 0x%08X. Only 0x08 (unsigned byte), "
                                + "which MNIST uses, is supported. Convert the file to unsigned bytes.",
                        dataType, magicNumber));
            }
            int declaredDimensions = magic[3] & 0xFF;
            if (declaredDimensions != dimensions) {
                throw corrupt(String.format(
                        "magic number 0x%08X declares %d dimensions but %s files have %d (magic number 0x%08X). "
                                + "Check that the image and label files are not swapped.",
                        magicNumber, declaredDimensions, kind(), dimensions, expectedMagic));
            }
        }

        private int[] readSizes(DataInputStream in) throws IOException {
            DataInputStream header = new DataInputStream(
                    new ByteArrayInputStream(readHeaderBytes(in, SIZE_BYTES * dimensions)));
            int[] sizes = new int[dimensions];
            for (int d = 0; d < dimensions; d++) {
                sizes[d] = header.readInt();
                if (sizes[d] <= 0) {
                    throw corrupt(String.format(
                            "dimension %d of %d is %s, but every dimension must be positive. %s",
                            d, dimensions, Integer.toUnsignedString(sizes[d]), FETCH_AGAIN));
                }
            }
            return sizes;
        }

        private byte[] readHeaderBytes(DataInputStream in, int length) throws IOException {
            byte[] bytes = new byte[length];
            try {
                in.readFully(bytes);
            } catch (EOFException e) {
                throw corrupt(String.format("truncated: the file ends inside the %d-byte IDX header. %s",
                        MAGIC_BYTES + SIZE_BYTES * dimensions, FETCH_AGAIN));
            }
            return bytes;
        }

        private void requireShape(int[] sizes, ExpectedShape expected) throws CorruptDataException {
            boolean accepted = dimensions == IMAGE_DIMENSIONS
                    ? expected.accepts(sizes[0], sizes[1], sizes[2])
                    : expected.count() == ExpectedShape.ANY || expected.count() == sizes[0];
            if (!accepted) {
                String expectedText = dimensions == IMAGE_DIMENSIONS ? expected.describe() : expected.count() + " labels";
                throw corrupt(String.format(
                        "the header declares %s but %s were expected. Check that this is the right file "
                                + "(for example the training file, not the test file).",
                        describe(sizes), expectedText));
            }
        }

        private String sizeMismatch(String problem, int[] sizes, long declaredBytes, long actualBytes) {
            String holder = compressed ? "the decompressed data contains" : "the file contains";
            return String.format("%s: the header declares %s (%d bytes) but %s %d bytes. %s",
                    problem, describe(sizes), declaredBytes, holder, actualBytes, FETCH_AGAIN);
        }

        private String describe(int[] sizes) {
            if (dimensions == IMAGE_DIMENSIONS) {
                return String.format("%d images of %dx%d", sizes[0], sizes[1], sizes[2]);
            }
            return sizes[0] + " labels";
        }

        private String kind() {
            return dimensions == IMAGE_DIMENSIONS ? "image" : "label";
        }

        private CorruptDataException corrupt(String problem) {
            return new CorruptDataException(file, problem);
        }

        private static long product(int[] sizes) {
            long product = 1;
            for (int size : sizes) {
                // Three positive ints multiply to at most 2^93, so stop once the array limit is passed.
                product = Math.min(product * size, (long) MAX_ARRAY_LENGTH + 1);
            }
            return product;
        }

        private static String lowerFirst(String sentence) {
            return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
        }
    }
}
