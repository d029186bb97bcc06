package org.ganbench.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Gzip detection by magic bytes, so that a file's name never decides how it is decoded. */
final class Gzip {

    /** First two bytes of every gzip member (RFC 1952, section 2.3.1). */
    private static final int MAGIC_FIRST = 0x1f;
    private static final int MAGIC_SECOND = 0x8b;

    static final int BUFFER_SIZE = 1 << 16;

    private Gzip() {
    }

    /**
     * Returns whether the stream starts with the gzip magic bytes, without consuming them.
     *
     * @param in a stream that supports mark and reset
     * @throws IOException if reading fails
     */
    static boolean startsWithMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();

        return first == MAGIC_FIRST && second == MAGIC_SECOND;
    }

    /**
     * Opens a file for reading and decompresses it when it starts with the gzip magic bytes.
     *
     * @param file a plain or gzip-compressed file
     * @return the decompressed content, to be closed by the caller
     * @throws IOException if the file cannot be opened or its gzip header is invalid
     */
    static InputStream openDecompressed(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
        try {
            return startsWithMagic(in) ? decompress(in) : in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Wraps a gzip stream in a decoder that also reads concatenated members, as {@code gzip -c a b} writes.
     *
     * @param compressed the gzip-compressed stream
     * @return the decompressed stream, which closes {@code compressed} when closed
     * @throws IOException if the gzip header is invalid
     */
    static InputStream decompress(InputStream compressed) throws IOException {
        return GzipCompressorInputStream.builder()
                .setInputStream(compressed)
                .setDecompressConcatenated(true)
                .get();
    }
}
