package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ganbench.datasets.DataUnavailableException.SourceFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fashion-MNIST acquisition on a miniature copy (4 training, 2 validation and 3 test images of 3x4 pixels) served
 * by a loopback mirror or a package folder, and on the Debian package's files when they are installed.
 */
class FashionMnistTest {

    private static final int[] TRAIN_LABELS = {9, 0, 0, 3, 0, 2};
    private static final int[] TEST_LABELS = {9, 2, 1};

    private static final Map<MnistFile, byte[]> CONTENT = new EnumMap<>(MnistFile.class);

    static {
        CONTENT.put(MnistFile.TRAIN_IMAGES, IdxFixtures.imageFile(TRAIN_LABELS.length, 3, 4));
        CONTENT.put(MnistFile.TRAIN_LABELS, IdxFixtures.labelFile(TRAIN_LABELS));
        CONTENT.put(MnistFile.TEST_IMAGES, IdxFixtures.imageFile(TEST_LABELS.length, 3, 4));
        CONTENT.put(MnistFile.TEST_LABELS, IdxFixtures.labelFile(TEST_LABELS));
    }

    @TempDir
    Path temporary;

    private Path cacheRoot;
    private Path packageFolder;
    private LoopbackMirror mirror;

    @BeforeEach
    void startMirror() throws IOException {
        cacheRoot = temporary.resolve("cache");
        packageFolder = temporary.resolve("package");
        mirror = new LoopbackMirror();
        CONTENT.forEach((file, content) -> mirror.serve(file.fileName() + ".gz", IdxFixtures.gzip(content)));
    }

    @AfterEach
    void stopMirror() {
        mirror.close();
    }

    /** Returns the Fashion-MNIST manifest with the miniature's checksums and sizes and a temporary package folder. */
    private MnistManifest manifest() {
        Map<MnistFile, String> sha256 = new EnumMap<>(MnistFile.class);
        CONTENT.forEach((file, content) -> sha256.put(file, IdxFixtures.sha256(content)));
        MnistManifest official = FashionMnist.manifest();
        return new MnistManifest(official.name(), official.title(), sha256, 4, 2, 3, 3, 4, official.npmPackage(),
                List.of(packageFolder), official.remedy());
    }

    private MnistOptions options(URI... mirrors) {
        return FashionMnist.defaultOptions()
                .withCacheDirectory(cacheRoot)
                .withMirrors(List.of(mirrors))
                .withHttpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    private MnistSplits load(MnistOptions options) throws IOException {
        return new Mnist(options, manifest()).loadSplits();
    }

    @Test
    void mirrorLoadNamesFashionSets() throws IOException {
        MnistSplits splits = load(options(mirror.baseUrl()));

        assertEquals("fashion-mnist-train", splits.train().name());
        assertEquals("fashion-mnist-validation", splits.validation().name());
        assertEquals("fashion-mnist-test", splits.test().name());
        assertArrayEquals(new int[] {9, 0, 0, 3}, splits.train().labels());
        assertArrayEquals(TEST_LABELS, splits.test().labels());
    }

    @Test
    void mirrorFillsFashionCacheFolder() throws IOException {
        load(options(mirror.baseUrl()));

        for (MnistFile file : MnistFile.values()) {
            Path cached = cacheRoot.resolve("fashion-mnist").resolve(file.fileName());
            assertArrayEquals(CONTENT.get(file), Files.readAllBytes(cached), file.fileName());
        }
        assertFalse(Files.exists(cacheRoot.resolve("mnist")));
    }

    @Test
    void packageFolderBeforeCacheAndMirror() throws IOException {
        Files.createDirectory(packageFolder);
        for (MnistFile file : MnistFile.values()) {
            Files.write(packageFolder.resolve(file.fileName() + ".gz"), IdxFixtures.gzip(CONTENT.get(file)));
        }

        MnistSplits splits = load(options(mirror.baseUrl()));

        assertEquals("directory " + packageFolder, splits.origin());
        assertEquals(0, mirror.totalRequests());
        assertFalse(Files.exists(cacheRoot.resolve("fashion-mnist")));
    }

    @Test
    void allSourcesFailingListsPackageFolder() {
        MnistOptions options = options(mirror.baseUrl()).withMirrors(List.of()).withNpm(true);

        DataUnavailableException error = assertThrows(DataUnavailableException.class, () -> load(options));

        List<String> sources = error.failures().stream().map(SourceFailure::source).toList();
        assertEquals(List.of("directory " + packageFolder, "cache " + cacheRoot.resolve("fashion-mnist")), sources);
        assertTrue(error.getMessage().startsWith("Fashion-MNIST is unavailable"), error.getMessage());
        assertTrue(error.getMessage().contains("install the Debian package dataset-fashion-mnist"), error.getMessage());
    }

    @Test
    void defaultOptionsUseAuthorsMirror() {
        MnistOptions options = FashionMnist.defaultOptions();

        assertEquals(List.of(FashionMnist.OFFICIAL_MIRROR), options.mirrors());
        assertFalse(options.allowNpm());
    }

    @Test
    void mnistOptionsRejected() {
        MnistOptions mnistDefaults = MnistOptions.defaults().withNpm(false);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FashionMnist.load(mnistDefaults));

        assertTrue(error.getMessage().contains("mirror " + MnistOptions.OSSCI_MIRROR + " serves MNIST"), error.getMessage());
    }

    @Test
    void npmEnabledRejected() {
        MnistOptions withNpm = FashionMnist.defaultOptions().withNpm(true);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FashionMnist.load(withNpm));

        assertTrue(error.getMessage().contains("no npm package ships Fashion-MNIST"), error.getMessage());
    }

    @Test
    void debianPackageLoadsOfficialSplits() throws IOException {
        Path folder = Path.of(FashionMnist.DEBIAN_FOLDER);
        assumeTrue(Files.isDirectory(folder),
                folder + " is absent: install the Debian package dataset-fashion-mnist to test the real files");

        MnistSplits splits = FashionMnist.load(FashionMnist.defaultOptions()
                .withCacheDirectory(cacheRoot)
                .withMirrors(List.of()));

        assertEquals("directory " + folder, splits.origin());
        assertEquals(50_000, splits.train().count());
        assertEquals(10_000, splits.validation().count());
        assertEquals(10_000, splits.test().count());
        assertEquals(28, splits.test().rows());
        // The first training image of Fashion-MNIST is an ankle boot, class 9.
        assertEquals(9, splits.train().label(0));
    }
}
