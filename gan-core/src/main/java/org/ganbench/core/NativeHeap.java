package org.ganbench.core;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C library's malloc heap, which libtorch allocates CPU tensors from.
 *
 * <p>glibc keeps memory that the program frees for reuse, and {@code free} returns to the system
 * only the free memory at the top of an arena. Pages freed between live blocks stay resident.
 * {@link #trim()} calls glibc's {@code malloc_trim(0)}, which since glibc 2.8 releases every whole
 * free page in every arena (malloc_trim(3), Linux man-pages 6.03).
 */
public final class NativeHeap {

    private static final Logger LOG = LoggerFactory.getLogger(NativeHeap.class);

    /** mallopt's parameter numbers, from glibc's malloc.h. */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;

    /** Blocks from this size up get their own mmap: 32 MiB, above the step's largest blocks of about 6 MiB. */
    static final int MMAP_THRESHOLD = 32 << 20;

    /** Free memory at the top of a heap is returned to the system beyond this: 256 MiB. */
    static final int TRIM_THRESHOLD = 256 << 20;

    /** Result of the first {@link #keepFreedMemory()} call, null before it. */
    private static Boolean freedMemoryKept;

    private NativeHeap() {
    }

    /**
     * Returns the free pages of every malloc arena to the system.
     *
     * <p>Does nothing where the C library has no {@code malloc_trim} (macOS, musl) or JNA cannot load
     * its native part. That case is logged once, at the first call.
     *
     * @return true if {@code malloc_trim} ran, false if it is not available here
     */
    public static boolean trim() {
        Function mallocTrim = MallocTrim.FUNCTION;
        if (mallocTrim == null) {
            return false;
        }

        // The argument is the padding to leave at the top of the heap, a size_t, which is a C long
        // on every Linux ABI. The result (1 if memory was released) is of no use to the caller.
        mallocTrim.invokeInt(new Object[] {new NativeLong(0)});
        return true;
    }

    /**
     * Makes malloc keep freed blocks for reuse instead of handing them back to the system at once.
     *
     * <p>By default glibc serves large blocks with their own mmap and returns free memory at the top
     * of a heap to the system soon after it is freed, with thresholds that adapt as blocks are
     * freed. A training step allocates and frees tens of
     * megabytes of tensors, and oneDNN's reordered weights among them, so under those rules the
     * pages come back fresh, and page faults, each step. This fixes both thresholds for the rest of
     * the process: blocks below {@link #MMAP_THRESHOLD} come from the heap, and free memory stays
     * there until it exceeds {@link #TRIM_THRESHOLD} or {@link #trim()} runs. The trainer trims
     * every 97 iterations. Work that runs later in the same process without trims, such as the
     * Parzen evaluation after training, may keep up to that much free memory resident.
     *
     * <p>Measured with every dense product a convolution (see the {@code nn} package's
     * {@code Affine}) on a 2-core AMD EPYC virtual machine, one thread: the paper's MNIST step ran
     * at 37 iterations per second with these settings and at 26 without (2026-12-05, 10:30 to
     * 10:50 UTC, timing programs outside the repository).
     *
     * <p>The settings are applied at the first call only, so later trainers do not change malloc
     * while other threads allocate. Nothing changes where the environment
     * already sets malloc's tuning ({@code GLIBC_TUNABLES} or a {@code MALLOC_*_} variable), so
     * an operator's own settings win, or where the C library has no {@code mallopt} or JNA cannot
     * load its native part.
     *
     * @return true if this process runs with the thresholds above
     */
    public static synchronized boolean keepFreedMemory() {
        if (freedMemoryKept == null) {
            freedMemoryKept = applyThresholds();
        }
        return freedMemoryKept;
    }

    private static boolean applyThresholds() {
        Map<String, String> environment = System.getenv();
        boolean operatorSettings = environment.containsKey("GLIBC_TUNABLES")
                || environment.keySet().stream().anyMatch(name -> name.startsWith("MALLOC_") && name.endsWith("_"));
        if (operatorSettings) {
            LOG.info("Leaving malloc's thresholds as the environment sets them (GLIBC_TUNABLES or MALLOC_*_)");
            return false;
        }
        Function mallopt = Mallopt.FUNCTION;
        if (mallopt == null) {
            return false;
        }

        // mallopt returns 1 on success and 0 if glibc rejects the value.
        int mmap = mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD});
        int trim = mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD});
        if (mmap != 1 || trim != 1) {
            LOG.warn("mallopt rejected a malloc threshold (mmap {}, trim {}); training may run slower", mmap, trim);
            return false;
        }
        LOG.debug("malloc keeps freed blocks below {} MiB, trim threshold {} MiB", MMAP_THRESHOLD >> 20,
                TRIM_THRESHOLD >> 20);
        return true;
    }

    /** Looks up malloc_trim once, at the first call of {@link #trim()}. */
    private static final class MallocTrim {

        static final Function FUNCTION = lookUp("malloc_trim");
    }

    /** Looks up mallopt once, at the first call of {@link #keepFreedMemory()}. */
    private static final class Mallopt {

        static final Function FUNCTION = lookUp("mallopt");
    }

    private static Function lookUp(String name) {
        try {
            return NativeLibrary.getInstance("c").getFunction(name);
        } catch (LinkageError e) {
            // UnsatisfiedLinkError: the C library lacks the function, or JNA's native part fails to load.
            // NoClassDefFoundError: JNA's native part already failed to load at an earlier use.
            LOG.info("Native heap tuning through {} is off because it was not found or JNA failed to load: {}",
                    name, e.toString());
            return null;
        }
    }
}
