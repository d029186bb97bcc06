package org.ganbench.bench.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnitTest {

    @Test
    void durationSpeedupIsTheirsOverOurs() {
        assertEquals(2.0, Unit.SECONDS.speedup(1.0, 2.0));
    }

    @Test
    void rateSpeedupIsOursOverTheirs() {
        assertEquals(0.5, Unit.ITERATIONS_PER_SECOND.speedup(10.0, 20.0));
    }

    @Test
    void secondsToGflops() {
        assertEquals(100.0, Unit.SECONDS.gflops(2.0, 200.0));
    }

    @Test
    void millisecondsToGflops() {
        assertEquals(100.0, Unit.MILLISECONDS.gflops(20.0, 2.0), 1e-12);
    }

    @Test
    void iterationsPerSecondToGflops() {
        assertEquals(60.0, Unit.ITERATIONS_PER_SECOND.gflops(20.0, 3.0));
    }

    @Test
    void gflopsStayGflops() {
        assertEquals(150.0, Unit.GFLOPS.gflops(150.0, 16.0));
    }
}
