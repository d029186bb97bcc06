package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TorchIntraOpThreadsTest {

    @BeforeAll
    static void loadPyTorch() {
        Engine.getEngine("PyTorch");
    }

    @Test
    void workRunsOnOneThreadThenRestores() {
        int before = TorchIntraOpThreads.current();
        int[] during = new int[1];

        TorchIntraOpThreads.runSingleThreaded(before, () -> during[0] = TorchIntraOpThreads.current());

        assertEquals(1, during[0]);
        assertEquals(before, TorchIntraOpThreads.current());
    }

    @Test
    void countIsRestoredWhenTheWorkFails() {
        int before = TorchIntraOpThreads.current();

        assertThrows(IllegalStateException.class, () -> TorchIntraOpThreads.runSingleThreaded(before, () -> {
            throw new IllegalStateException("failing work");
        }));

        assertEquals(before, TorchIntraOpThreads.current());
    }
}
