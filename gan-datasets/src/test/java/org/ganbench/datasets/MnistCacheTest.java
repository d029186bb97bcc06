package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistCacheTest {

    private static final byte[] LABELS = IdxFixtures.labelFile(1, 2, 3);

    @TempDir
    Path root;

    private MnistCache cache() {
        Map<MnistFile, String> sha256 = new EnumMap<>(MnistFile.class);
        for (MnistFile file : MnistFile.values()) {
            sha256.put(file, IdxFixtures.sha256(LABELS));
        }
        return new MnistCache(root.resolve("mnist"), new MnistManifest(sha256, 1, 1, 1, 1, 1, "unused@1.0.0"));
    }

    private long filesInCache() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("mnist"))) {
            return files.count();
        }
    }

    @Test
    void resolveRootPrefersExplicitDirectory() {
        Path explicit = Path.of("explicit");

        assertEquals(explicit, MnistCache.resolveRoot(explicit, "property", "environment", "/home/user"));
    }

    @Test
    void resolveRootPropertyBeforeEnvironment() {
        assertEquals(Path.of("property"), MnistCache.resolveRoot(null, "property", "environment", "/home/user"));
    }

    @Test
    void resolveRootEnvironmentWhenPropertyBlank() {
        assertEquals(Path.of("environment"), MnistCache.resolveRoot(null, " ", "environment", "/home/user"));
    }

    @Test
    void resolveRootFallsBackToHome() {
        assertEquals(Path.of("/home/user/.cache/gan-bench"), MnistCache.resolveRoot(null, null, "", "/home/user"));
    }

    @Test
    void storeKeepsVerifiedFile() throws IOException {
        MnistCache cache = cache();

        cache.store(MnistFile.TEST_LABELS, out -> out.write(LABELS));

        assertArrayEquals(LABELS, Files.readAllBytes(cache.pathOf(MnistFile.TEST_LABELS)));
        assertTrue(cache.verify(MnistFile.TEST_LABELS));
        assertEquals(1, filesInCache());
    }

    @Test
    void storeDiscardsChecksumMismatch() throws IOException {
        MnistCache cache = cache();

        CorruptDataException error = assertThrows(CorruptDataException.class,
                () -> cache.store(MnistFile.TEST_LABELS, out -> out.write(new byte[] {1, 2, 3})));

        assertTrue(error.getMessage().contains("checksum mismatch"), error.getMessage());
        assertFalse(cache.contains(MnistFile.TEST_LABELS));
        assertEquals(0, filesInCache());
    }

    @Test
    void storeDiscardsFailedWrite() throws IOException {
        MnistCache cache = cache();

        assertThrows(IOException.class, () -> cache.store(MnistFile.TEST_LABELS, out -> {
            out.write(LABELS, 0, 4);
            throw new IOException("connection reset");
        }));

        assertEquals(0, filesInCache());
    }

    @Test
    void verifyDeletesDamagedFile() throws IOException {
        MnistCache cache = cache();
        Files.createDirectories(cache.directory());
        Files.write(cache.pathOf(MnistFile.TRAIN_LABELS), new byte[] {0, 0, 8, 1});

        assertFalse(cache.verify(MnistFile.TRAIN_LABELS));
        assertFalse(Files.exists(cache.pathOf(MnistFile.TRAIN_LABELS)));
    }

    @Test
    void verifyAbsentFileIsFalse() throws IOException {
        assertFalse(cache().verify(MnistFile.TRAIN_IMAGES));
    }
}
