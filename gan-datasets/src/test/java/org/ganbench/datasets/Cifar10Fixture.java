package org.ganbench.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A miniature CIFAR-10 binary distribution with {@link #RECORDS} records per batch and predictable labels and
 * pixels. Tests change {@link #files} to damage it before writing it as a folder or a tar.gz archive.
 */
final class Cifar10Fixture {

    static final int RECORDS = 3;

    static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    /** File name to content, in the order the official archive lists them. */
    final Map<String, byte[]> files = new LinkedHashMap<>();

    Cifar10Fixture() {
        files.put(Cifar10Batches.META_FILE, (String.join("\n", CLASS_NAMES) + "\n\n").getBytes(StandardCharsets.US_ASCII));
        for (int batch = 0; batch < Cifar10Batches.BATCH_FILES.size(); batch++) {
            files.put(Cifar10Batches.BATCH_FILES.get(batch), batch(batch));
        }
    }

    static int label(int batch, int record) {
        return (batch * RECORDS + record) % 10;
    }

    /** Returns the byte of one pixel: channel 0 is red, then green and blue, each plane row-major. */
    static int pixelByte(int batch, int record, int channel, int row, int col) {
        return (batch * 31 + record * 7 + channel * 50 + row * 3 + col) % 256;
    }

    private static byte[] batch(int batch) {
        byte[] content = new byte[RECORDS * Cifar10Batches.RECORD_BYTES];
        for (int record = 0; record < RECORDS; record++) {
            int offset = record * Cifar10Batches.RECORD_BYTES;
            content[offset] = (byte) label(batch, record);
            for (int channel = 0; channel < 3; channel++) {
                for (int row = 0; row < 32; row++) {
                    for (int col = 0; col < 32; col++) {
                        content[offset + 1 + (channel * 32 + row) * 32 + col] =
                                (byte) pixelByte(batch, record, channel, row, col);
                    }
                }
            }
        }
        return content;
    }

    /** Writes {@code <root>/cifar-10-batches-bin/...} and returns the batch folder. */
    Path writeFolder(Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve(Cifar10Reader.BATCH_FOLDER));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        return folder;
    }

    /** Writes the files below {@code cifar-10-batches-bin/} in a gzip-compressed tar archive. */
    Path writeArchive(Path archive) throws IOException {
        Files.write(archive, archiveBytes());
        return archive;
    }

    byte[] archiveBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            TarArchiveEntry folder = new TarArchiveEntry(Cifar10Reader.BATCH_FOLDER + "/");
            tar.putArchiveEntry(folder);
            tar.closeArchiveEntry();
            tar.putArchiveEntry(withSize(new TarArchiveEntry(Cifar10Reader.BATCH_FOLDER + "/readme.html"), 5));
            tar.write("hello".getBytes(StandardCharsets.US_ASCII));
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(Cifar10Reader.BATCH_FOLDER + "/" + file.getKey());
                tar.putArchiveEntry(withSize(entry, file.getValue().length));
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static TarArchiveEntry withSize(TarArchiveEntry entry, long size) {
        entry.setSize(size);
        return entry;
    }
}
