package org.ganbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MnistOptionsTest {

    @Test
    void defaultsMatchDocumentation() {
        MnistOptions options = MnistOptions.defaults();

        assertNull(options.dataDirectory());
        assertNull(options.cacheDirectory());
        assertEquals(List.of(MnistOptions.OSSCI_MIRROR, MnistOptions.LECUN_MIRROR), options.mirrors());
        assertTrue(options.allowNpm());
        assertEquals("npm", options.npmCommand());
        assertEquals(Duration.ofSeconds(5), options.connectTimeout());
        assertEquals(Duration.ofMinutes(3), options.npmTimeout());
    }

    @Test
    void mirrorGetsTrailingSlash() {
        MnistOptions options = MnistOptions.defaults().withMirrors(List.of(URI.create("https://example.org/mnist")));

        assertEquals(URI.create("https://example.org/mnist/"), options.mirrors().get(0));
    }

    @Test
    void invalidMirrorRejected() {
        MnistOptions defaults = MnistOptions.defaults();

        assertThrows(IllegalArgumentException.class,
                () -> defaults.withMirrors(List.of(URI.create("ftp://example.org/mnist/"))));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMirrors(List.of(URI.create("mnist/"))));
        assertThrows(IllegalArgumentException.class,
                () -> defaults.withMirrors(List.of(URI.create("https://example.org/mnist/?key=1"))));
    }

    @Test
    void withersChangeOneField() {
        Path data = Path.of("data");
        MnistOptions options = MnistOptions.defaults().withDataDirectory(data).withNpm(false);

        assertEquals(data, options.dataDirectory());
        assertEquals(false, options.allowNpm());
        assertEquals(MnistOptions.defaults().mirrors(), options.mirrors());
    }

    @Test
    void nonPositiveTimeoutRejected() {
        MnistOptions defaults = MnistOptions.defaults();

        assertThrows(IllegalArgumentException.class, () -> defaults.withNpmTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> defaults.withHttpTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1), Duration.ofSeconds(1)));
    }

    @Test
    void blankNpmCommandRejected() {
        assertThrows(IllegalArgumentException.class, () -> MnistOptions.defaults().withNpmCommand(" "));
    }
}
