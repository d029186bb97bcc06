package org.ganbench.models.gsn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GsnNetworkTest {

    private static final List<Integer> HIDDEN = List.of(6, 5, 4);

    @Test
    void initialStateHasZeroHiddenLayers() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GsnNetwork network = GsnNetwork.initialize(manager, 8, HIDDEN, new SplittableRandom(1));
            List<NDArray> state = network.initialState(manager.ones(new Shape(3, 8)));

            assertEquals(4, state.size());
            assertEquals(new Shape(3, 5), state.get(2).getShape());
            assertEquals(0f, state.get(3).abs().sum().getFloat());
        }
    }

    @Test
    void stepKeepsLayerShapes() {
        Engine.getInstance().setRandomSeed(1);
        try (NDManager manager = NDManager.newBaseManager()) {
            GsnNetwork network = GsnNetwork.initialize(manager, 8, HIDDEN, new SplittableRandom(1));
            GsnNoise noise = new GsnNoise(GsnTest.tinyConfig(1, 1, 1));
            List<NDArray> state = network.initialState(manager.ones(new Shape(3, 8)));

            GsnNetwork.Transition transition = network.step(state, noise);

            assertEquals(new Shape(3, 8), transition.visibleLogits().getShape());
            for (int i = 0; i < state.size(); i++) {
                assertEquals(state.get(i).getShape(), transition.state().get(i).getShape(), "layer " + i);
            }
        }
    }

    @Test
    void initialWeightsUseGlorotRange() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GsnNetwork network = GsnNetwork.initialize(manager, 8, HIDDEN, new SplittableRandom(1));
            NDArray firstWeight = network.parameters().get(0);
            double range = Math.sqrt(6.0 / (8 + 6));

            assertEquals(new Shape(8, 6), firstWeight.getShape());
            assertTrue(firstWeight.abs().max().getFloat() <= range);
            assertEquals(3 + 4, network.parameters().size());
        }
    }

    @Test
    void emptyHiddenLayersAreRejected() {
        try (NDManager manager = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class,
                    () -> GsnNetwork.initialize(manager, 8, List.of(), new SplittableRandom(1)));
        }
    }
}
