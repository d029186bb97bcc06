package org.ganbench.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void writeStringCreatesParents() throws IOException {
        Path target = folder.resolve("a/b/table1.md");

        AtomicFiles.writeString(target, "± nats\n");

        assertEquals("± nats\n", Files.readString(target));
    }

    @Test
    void writeStringReplacesFile() throws IOException {
        Path target = folder.resolve("table1.md");
        Files.writeString(target, "old");

        AtomicFiles.writeString(target, "new");

        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), listFolder());
    }

    @Test
    void failedWriteKeepsOldFile() throws IOException {
        Path target = folder.resolve("figure.png");
        Files.writeString(target, "old");

        IOException error = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[] {1, 2, 3});
            throw new IOException("encoder failed");
        }));

        assertEquals("encoder failed", error.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), listFolder());
    }

    @Test
    void writeRejectsDirectory() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> AtomicFiles.writeString(folder, "text"));

        assertTrue(error.getMessage().contains("existing directory"), error.getMessage());
    }

    @Test
    void rendererWritesAtomically() throws IOException {
        Path target = folder.resolve("table1.md");

        Table1Renderer.writeAtomically(target, "# Table 1\n");

        assertEquals("# Table 1\n", Files.readString(target));
    }

    private List<Path> listFolder() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
