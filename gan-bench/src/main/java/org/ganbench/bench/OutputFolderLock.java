package org.ganbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a run's output folder, so that two gan-bench runs do not write into one folder at once.
 *
 * <p>The lock is an operating-system file lock ({@link FileChannel#tryLock()}) on {@link #FILE_NAME}
 * inside the folder. The operating system releases it when the process ends, even on SIGKILL, so a
 * lock file left behind by a killed run locks nothing: only a live lock counts, never the file.
 * The file is not deleted on release: a run that opened the old file just before the deletion could
 * then lock it, while a third run locks a new file of the same name.
 */
final class OutputFolderLock implements AutoCloseable {

    /** Name of the lock file in the output folder. */
    static final String FILE_NAME = "run.lock";

    /**
     * Lock files that this JVM holds. On Linux the lock belongs to the process, and closing any other
     * channel on the same file releases it (checked with JDK 17). A second run in this JVM, as in the
     * tests, is therefore turned away here, before it opens the file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;

    private OutputFolderLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Takes the lock without waiting and writes this process's id into the lock file.
     *
     * @param folder the output folder, which exists
     * @return the lock, or null if another run holds it
     * @throws IOException if the lock file cannot be created or written
     */
    static OutputFolderLock tryAcquire(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME).toAbsolutePath().normalize();
        if (!HELD.add(file)) {
            return null;
        }
        FileChannel channel = null;
        try {
            // No TRUNCATE_EXISTING: the holder's process id must stay readable until the lock is ours.
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD.remove(file);
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return new OutputFolderLock(file, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD.remove(file);
            throw e;
        }
    }

    /**
     * Returns the process id that the lock file names, for the message of a run that found the folder
     * locked.
     *
     * @param folder the output folder
     * @return the id, or an empty string if the file is missing, empty or being rewritten
     */
    static String holderProcessId(Path folder) {
        try {
            return Files.readString(folder.resolve(FILE_NAME), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    /** Releases the lock. The lock file stays. */
    @Override
    public void close() throws IOException {
        try {
            // Closing the channel releases its lock.
            channel.close();
        } finally {
            HELD.remove(file);
        }
    }
}
