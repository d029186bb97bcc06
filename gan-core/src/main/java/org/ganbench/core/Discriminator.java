package org.ganbench.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.ganbench.core.nn.DropoutSpec;
import org.ganbench.core.nn.FeedForwardNetwork;
import org.ganbench.core.nn.Layer;

import java.util.List;

/**
 * The discriminator D(x): a feed-forward network whose single output is the logit of the
 * probability that x came from the data rather than from the generator. Training applies
 * dropout to the input of each layer.
 */
public final class Discriminator {

    private final FeedForwardNetwork network;
    private final DropoutSpec dropout;
    private final int[] layerInputSizes;

    /**
     * Wraps a network with one output unit and a linear last layer.
     *
     * @param network maps (batch, dataDimension) to (batch, 1) logits
     * @param dropout dropout on each layer's input during training
     */
    public Discriminator(FeedForwardNetwork network, DropoutSpec dropout) {
        if (network.outputSize() != 1) {
            throw new IllegalArgumentException("The discriminator must output one logit, got width "
                    + network.outputSize());
        }
        if (dropout.layers() != network.layers().size()) {
            throw new IllegalArgumentException("Dropout spec covers " + dropout.layers()
                    + " layers but the discriminator has " + network.layers().size());
        }
        this.network = network;
        this.dropout = dropout;
        this.layerInputSizes = network.layers().stream().mapToInt(Layer::inputSize).toArray();
    }

    /** Width of the data points this discriminator reads. */
    public int dataDimension() {
        return network.inputSize();
    }

    /** The underlying network, for its parameters. */
    public FeedForwardNetwork network() {
        return network;
    }

    /** Dropout applied during training. */
    public DropoutSpec dropout() {
        return dropout;
    }

    /**
     * Draws one set of dropout masks for a minibatch.
     *
     * @param manager owner of the masks
     * @param batchSize number of rows
     * @return one mask per layer (null where that layer has no dropout)
     */
    public List<NDArray> drawDropoutMasks(NDManager manager, long batchSize) {
        return dropout.drawMasks(manager, batchSize, layerInputSizes);
    }

    /**
     * Computes the logit of D(x).
     *
     * @param x (batch, dataDimension)
     * @param masks dropout masks from {@link #drawDropoutMasks}, or null for no dropout (evaluation)
     * @param detachParameters if true, gradients reach x but not the discriminator's parameters
     * @return (batch, 1) logits, attached to x's manager
     */
    public NDArray logits(NDArray x, List<NDArray> masks, boolean detachParameters) {
        NDArray h = x;
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            NDArray mask = masks == null ? null : masks.get(i);
            if (mask != null) {
                h = h.mul(mask);
            }
            h = layers.get(i).forward(h, detachParameters);
        }
        return h;
    }
}
