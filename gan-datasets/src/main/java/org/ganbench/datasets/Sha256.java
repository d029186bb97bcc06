package org.ganbench.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lowercase hex strings, the form in which the pinned MNIST checksums are written. */
final class Sha256 {

    private Sha256() {
    }

    /** Returns a new SHA-256 digest. Every Java SE platform must provide the algorithm. */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime, which the Java SE spec forbids", e);
        }
    }

    /**
     * Hashes the bytes of a file as stored.
     *
     * @param file any file
     * @return the lowercase hex SHA-256 of the file's bytes
     * @throws IOException if the file cannot be read
     */
    static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /**
     * Hashes the decompressed content of a file, so a gzip file and its plain twin get the same digest.
     *
     * @param file a plain or gzip-compressed file
     * @return the lowercase hex SHA-256 of the decompressed bytes
     * @throws IOException if the file cannot be read or its gzip data is invalid
     */
    static String ofDecompressed(Path file) throws IOException {
        try (InputStream in = Gzip.openDecompressed(file)) {
            return of(in);
        }
    }

    /** Returns the digest of everything fed to {@code digest} so far, as lowercase hex. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String of(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[Gzip.BUFFER_SIZE];
        for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
        }
        return hex(digest);
    }
}
