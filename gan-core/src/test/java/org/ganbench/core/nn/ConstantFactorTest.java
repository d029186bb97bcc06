package org.ganbench.core.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ConstantFactorTest {

    @Test
    void gradientSurvivesGarbageCollection() throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {1f, 2f, 3f});
            x.setRequiresGradient(true);

            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = ConstantFactor.times(x, 0.5).sum();
                List<ByteBuffer> filler = collectAndOverwriteFreedBuffers();
                collector.backward(loss);
                filler.clear();
            }

            assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, x.getGradient().toFloatArray());
        }
    }

    @Test
    void productMatchesScaledValues() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(new float[] {-2f, 0f, 4f});

            NDArray product = ConstantFactor.times(x, -0.25);

            assertArrayEquals(new float[] {0.5f, -0f, -1f}, product.toFloatArray());
        }
    }

    /**
     * Runs the garbage collector until the cleaners of unreachable direct buffers have freed their
     * memory, then allocates many small direct buffers filled with NaN, which reuse that memory.
     * A factor whose memory was freed then reads NaN or the allocator's bookkeeping in the
     * backward pass.
     */
    private static List<ByteBuffer> collectAndOverwriteFreedBuffers() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(50);
        }
        List<ByteBuffer> filler = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(Float.BYTES).order(ByteOrder.nativeOrder());
            buffer.putFloat(0, Float.NaN);
            filler.add(buffer);
        }
        return filler;
    }
}
