package org.ganbench.bench.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes output files atomically. The content goes to a temporary file in the target's folder,
 * which is then renamed over the target. A reader therefore sees either the previous file or the
 * complete new one, but never the partial output of a crashed or interrupted run.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {
    }

    /**
     * Content of a file to write, streamed to the temporary file.
     */
    @FunctionalInterface
    public interface ContentWriter {

        /**
         * Writes the whole file content to {@code out}.
         *
         * @param out stream to the temporary file, which the caller closes
         * @throws IOException if producing or writing the content fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file atomically, creating its parent folders when missing.
     *
     * <p>The temporary file is named {@code .<target name>.<random>.tmp} and lives in the target's
     * folder, because a rename is atomic only within one file system. Its data is flushed to disk
     * before the rename. If {@code content} throws, the temporary file is deleted and the target
     * is left untouched.
     *
     * @param target file to create or replace
     * @param content writer of the file content
     * @throws IllegalArgumentException if {@code target} is an existing directory
     * @throws IOException if writing, flushing or renaming fails
     */
    public static void write(Path target, ContentWriter content) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path absoluteTarget = target.toAbsolutePath();
        if (Files.isDirectory(absoluteTarget)) {
            throw new IllegalArgumentException("Cannot write file " + absoluteTarget
                    + " because it is an existing directory; choose a file path inside it.");
        }

        Path folder = absoluteTarget.getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + absoluteTarget.getFileName() + "." + UUID.randomUUID() + ".tmp");

        try {
            writeAndSync(temporary, content);
            moveIntoPlace(temporary, absoluteTarget);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        LOG.debug("Wrote {} atomically", absoluteTarget);
    }

    /**
     * Writes a UTF-8 text file atomically, as {@link #write(Path, ContentWriter)} does.
     *
     * @param target file to create or replace
     * @param text the complete file content
     * @throws IllegalArgumentException if {@code target} is an existing directory
     * @throws IOException if writing, flushing or renaming fails
     */
    public static void writeString(Path target, String text) throws IOException {
        Objects.requireNonNull(text, "text");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    private static void writeAndSync(Path temporary, ContentWriter content) throws IOException {
        // CREATE_NEW rather than Files.createTempFile, because the latter creates the file with
        // mode 0600 and the renamed result would then be unreadable to other users.
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            LOG.warn("File system of {} does not support atomic rename ({}); replacing the file non-atomically",
                    target, e.getMessage());
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
