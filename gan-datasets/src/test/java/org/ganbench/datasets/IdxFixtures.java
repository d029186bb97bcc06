package org.ganbench.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Small IDX files built in memory, with pixel values that tests can predict. */
final class IdxFixtures {

    static final int IMAGE_MAGIC = 0x00000803;
    static final int LABEL_MAGIC = 0x00000801;

    private IdxFixtures() {
    }

    /** Returns the byte value of one pixel in the files that {@link #imageFile} writes. */
    static int pixelByte(int image, int position) {
        return (image * 31 + position * 7) % 256;
    }

    /** Returns a complete 3-D IDX file of {@code count} images of {@code rows x cols} pixels. */
    static byte[] imageFile(int count, int rows, int cols) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * cols);
        buffer.putInt(IMAGE_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int image = 0; image < count; image++) {
            for (int position = 0; position < rows * cols; position++) {
                buffer.put((byte) pixelByte(image, position));
            }
        }
        return buffer.array();
    }

    /** Returns a complete 1-D IDX file of labels. */
    static byte[] labelFile(int... labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length);
        buffer.putInt(LABEL_MAGIC).putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    /** Returns a header alone: the magic number followed by the given sizes. */
    static byte[] header(int magic, int... sizes) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * sizes.length);
        buffer.putInt(magic);
        for (int size : sizes) {
            buffer.putInt(size);
        }
        return buffer.array();
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(content));
    }
}
