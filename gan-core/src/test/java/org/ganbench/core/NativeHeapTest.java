package org.ganbench.core;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NativeHeapTest {

    /** Block size below glibc's initial mmap threshold of 128 KiB, so malloc serves each block from an arena. */
    private static final int BLOCK_BYTES = 64 * 1024;
    private static final int BLOCKS = 2_000;
    /** glibc's flag for a chunk served by mmap, in the size word before the block. */
    private static final long IS_MMAPPED = 0x2;
    /** Spacing of the blocks that stay allocated, so the freed memory lies between live blocks. */
    private static final int LIVE_EVERY = 10;

    @BeforeAll
    static void requireGlibc() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "malloc_trim is a glibc function and this is not Linux");
        assumeTrue(Files.readString(maps).contains("libc.so.6"), "this process does not use glibc");
    }

    @Test
    void trimRunsOnGlibc() {
        assertTrue(NativeHeap.trim(), "malloc_trim was not found or JNA failed to load; see the log");
    }

    @Test
    void trimReleasesFreedPagesBetweenLiveBlocks() throws IOException {
        // Every block is allocated before any is freed, because the next allocation would reuse a freed block.
        List<Memory> blocks = new ArrayList<>();
        for (int i = 0; i < BLOCKS; i++) {
            Memory block = new Memory(BLOCK_BYTES);
            block.clear();
            blocks.add(block);
        }
        List<Memory> liveBlocks = new ArrayList<>();
        for (int i = 0; i < BLOCKS; i++) {
            if (i % LIVE_EVERY == 0) {
                liveBlocks.add(blocks.get(i));
            } else {
                blocks.get(i).close();
            }
        }
        long freedMib = (long) BLOCKS * (LIVE_EVERY - 1) / LIVE_EVERY * BLOCK_BYTES >> 20;

        double before = residentMib();
        NativeHeap.trim();
        double after = residentMib();

        // free() only returns memory at the top of an arena, so the gaps stay resident until the trim.
        assertTrue(before - after > freedMib / 2.0, "resident memory went from " + before + " MiB to " + after
                + " MiB after freeing " + freedMib + " MiB between live blocks");
        liveBlocks.forEach(Memory::close);
    }

    @Test
    void mediumBlocksComeFromHeap() {
        assumeTrue(System.getenv().keySet().stream()
                        .noneMatch(name -> name.equals("GLIBC_TUNABLES") || name.startsWith("MALLOC_")),
                "the environment sets malloc's tuning, which keepFreedMemory leaves alone");
        assertTrue(NativeHeap.keepFreedMemory(), "mallopt was not found, rejected a value, or JNA failed to load");

        // glibc marks a block served by its own mmap with bit 1 (IS_MMAPPED) of the size word before it.
        // Under the default rules a first block of 24 MiB gets its own mmap (this test fails without the
        // setting). Freeing it would unmap it, and the next step would fault its pages in again.
        try (Memory block = new Memory(24 << 20)) {
            long sizeWord = new Pointer(Pointer.nativeValue(block)).getLong(-Long.BYTES);
            assertEquals(0, sizeWord & IS_MMAPPED, "a 24 MiB block got its own mmap");
        }
    }

    private static double residentMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("VmRSS line not found in /proc/self/status. This test needs Linux");
    }
}
