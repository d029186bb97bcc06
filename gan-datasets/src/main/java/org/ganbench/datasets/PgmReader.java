package org.ganbench.datasets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reader for binary PGM images (Netpbm format, magic number {@code P5}) with 8-bit samples.
 *
 * <p>The header is the magic number, the width, the height and the maximum sample value (maxval), as ASCII
 * decimals separated by whitespace. A {@code #} starts a comment that runs to the end of the line and may
 * appear anywhere in the header. Exactly one whitespace byte separates maxval from the raster of
 * {@code width * height} bytes, row-major from the top left. The Netpbm format allows several images in one
 * file, so bytes after the first raster are ignored.
 */
final class PgmReader {

    /** Largest maxval whose samples fit in one byte. Larger values mean 2-byte samples. */
    private static final int MAX_8_BIT = 255;

    /** Largest maxval that the format allows. */
    private static final int MAX_16_BIT = 65535;

    /** Digits beyond this count would overflow an int, and no real header needs them. */
    private static final int MAX_DIGITS = 9;

    /**
     * One grey-scale image.
     *
     * @param width width in pixels
     * @param height height in pixels
     * @param pixels row-major samples divided by maxval, so in [0, 1]
     */
    record PgmImage(int width, int height, float[] pixels) {
    }

    private final Path file;
    private final String fix;
    private final byte[] bytes;
    private int position;

    private PgmReader(Path file, String fix, byte[] bytes) {
        this.file = file;
        this.fix = fix;
        this.bytes = bytes;
    }

    /**
     * Reads the first image of a binary PGM file.
     *
     * @param file the PGM file
     * @param fix what the user should do when the file is damaged, for example "Copy the folder again."
     * @return the image, with samples scaled from [0, maxval] to [0, 1]
     * @throws CorruptDataException if the magic number is not {@code P5}, the header is invalid, maxval is
     *     above 255, a sample exceeds maxval, or the raster is truncated
     * @throws IOException if the file cannot be read
     */
    static PgmImage read(Path file, String fix) throws IOException {
        return new PgmReader(file, fix, Files.readAllBytes(file)).parse();
    }

    private PgmImage parse() throws CorruptDataException {
        readMagic();
        int width = readHeaderNumber("width");
        int height = readHeaderNumber("height");
        int maxValue = readHeaderNumber("maxval");
        requireSizes(width, height, maxValue);
        skipComments();
        if (position >= bytes.length || !isWhitespace(bytes[position])) {
            throw corrupt("invalid header: maxval must be followed by one whitespace byte.");
        }
        position++;

        long rasterBytes = (long) width * height;
        long available = bytes.length - position;
        if (available < rasterBytes) {
            throw corrupt(String.format("truncated: the header declares %dx%d pixels (%d bytes) but only %d bytes follow it.",
                    width, height, rasterBytes, available));
        }

        float[] pixels = new float[(int) rasterBytes];
        for (int i = 0; i < pixels.length; i++) {
            int sample = bytes[position + i] & 0xFF;
            if (sample > maxValue) {
                throw corrupt(String.format("sample %d (row %d, column %d) is %d, above maxval %d.",
                        i, i / width, i % width, sample, maxValue));
            }
            pixels[i] = sample / (float) maxValue;
        }
        return new PgmImage(width, height, pixels);
    }

    private void readMagic() throws CorruptDataException {
        if (bytes.length < 2 || bytes[0] != 'P' || bytes[1] != '5') {
            String found = new String(bytes, 0, Math.min(2, bytes.length), StandardCharsets.ISO_8859_1);
            throw corrupt("not a binary PGM file: the magic number is '" + printable(found) + "' but 'P5' was expected.");
        }
        position = 2;
    }

    /** Skips whitespace and comments, then reads one ASCII decimal. */
    private int readHeaderNumber(String field) throws CorruptDataException {
        while (position < bytes.length && (isWhitespace(bytes[position]) || bytes[position] == '#')) {
            if (bytes[position] == '#') {
                skipComments();
            } else {
                position++;
            }
        }

        int start = position;
        long value = 0;
        while (position < bytes.length && bytes[position] >= '0' && bytes[position] <= '9') {
            if (position - start == MAX_DIGITS) {
                throw corrupt("invalid header: " + field + " has more than " + MAX_DIGITS + " digits.");
            }
            value = value * 10 + (bytes[position] - '0');
            position++;
        }
        if (position == start) {
            String found = position < bytes.length ? "byte 0x" + Integer.toHexString(bytes[position] & 0xFF) : "the end of the file";
            throw corrupt("invalid header: expected the " + field + " as a decimal number at byte " + position
                    + " but found " + found + ".");
        }
        return (int) value;
    }

    /** Skips comments that start at the current position, up to but not including their line end. */
    private void skipComments() {
        while (position < bytes.length && bytes[position] == '#') {
            while (position < bytes.length && bytes[position] != '\n' && bytes[position] != '\r') {
                position++;
            }
        }
    }

    private void requireSizes(int width, int height, int maxValue) throws CorruptDataException {
        if (width == 0 || height == 0) {
            throw corrupt(String.format("invalid header: the image is %dx%d, but both sizes must be positive.", width, height));
        }
        if (maxValue == 0 || maxValue > MAX_16_BIT) {
            throw corrupt("invalid header: maxval is " + maxValue + ", outside 1-" + MAX_16_BIT + ".");
        }
        if (maxValue > MAX_8_BIT) {
            throw corrupt("maxval is " + maxValue + ", which means 2-byte samples, but only 8-bit PGM (maxval up to "
                    + MAX_8_BIT + ") is supported. Convert the image to 8 bits.");
        }
    }

    private static boolean isWhitespace(byte value) {
        return value == ' ' || value == '\t' || value == '\n' || value == '\r' || value == '\u000B' || value == '\f';
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return out.toString();
    }

    private CorruptDataException corrupt(String problem) {
        return new CorruptDataException(file, problem + " " + fix);
    }
}
