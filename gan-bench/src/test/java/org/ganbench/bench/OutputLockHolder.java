package org.ganbench.bench;

import java.nio.file.Path;

/**
 * Holds a run's output-folder lock in a process of its own, as a second {@code reproduce} would,
 * until it is killed or two minutes have passed.
 */
final class OutputLockHolder {

    private OutputLockHolder() {
    }

    /**
     * Takes the lock and prints "locked", or prints "busy" if another process holds it.
     *
     * @param args the output folder
     * @throws Exception if the lock file cannot be written or the sleep is interrupted
     */
    public static void main(String[] args) throws Exception {
        OutputFolderLock lock = OutputFolderLock.tryAcquire(Path.of(args[0]));
        System.out.println(lock == null ? "busy" : "locked");
        System.out.flush();
        if (lock != null) {
            // Bounded, so a holder whose test died does not linger.
            Thread.sleep(120_000);
            lock.close();
        }
    }
}
