package org.ganbench.datasets;

import java.nio.file.Path;

/**
 * Location of real data sets that tests may read when present: the folder {@code shared/data} beside the project
 * root. Surefire runs the tests in the module folder, whose parent is the project root.
 */
final class SharedData {

    private SharedData() {
    }

    /** Returns a path below the shared data folder, which may not exist. */
    static Path path(String relative) {
        Path projectRoot = Path.of("").toAbsolutePath().getParent();
        return projectRoot.resolveSibling("shared").resolve("data").resolve(relative);
    }
}
