package org.ganbench.core;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
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

    /** Looks up malloc_trim once, at the first call of {@link #trim()}. */
    private static final class MallocTrim {

        static final Function FUNCTION = lookUp();

        private static Function lookUp() {
            try {
                return NativeLibrary.getInstance("c").getFunction("malloc_trim");
            } catch (LinkageError e) {
                // UnsatisfiedLinkError: the C library has no malloc_trim, or JNA's native part fails to load.
                // NoClassDefFoundError: JNA's native part already failed to load at an earlier use.
                LOG.info("Native heap trimming is off because malloc_trim was not found or JNA failed to load: {}",
                        e.toString());
                return null;
            }
        }
    }
}
