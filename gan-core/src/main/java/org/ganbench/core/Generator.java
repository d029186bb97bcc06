package org.ganbench.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.ganbench.core.nn.FeedForwardNetwork;
import org.ganbench.core.nn.Layer;

/**
 * The generator G(z): a feed-forward network that maps noise z ~ N(0, I) to a data point.
 */
public final class Generator {

    private final FeedForwardNetwork network;

    /**
     * Wraps a network whose input width is the latent dimension.
     *
     * @param network maps (batch, latentDimension) to (batch, dataDimension)
     */
    public Generator(FeedForwardNetwork network) {
        this.network = network;
    }

    /** Width of the noise vector z. */
    public int latentDimension() {
        return network.inputSize();
    }

    /** Width of a generated data point. */
    public int dataDimension() {
        return network.outputSize();
    }

    /** The underlying network, for its parameters. */
    public FeedForwardNetwork network() {
        return network;
    }

    /**
     * Draws a minibatch of noise from the engine's random stream.
     *
     * @param manager owner of the noise array
     * @param batchSize number of rows
     * @return z of shape (batchSize, latentDimension), standard normal entries
     */
    public NDArray drawNoise(NDManager manager, long batchSize) {
        return manager.randomNormal(new Shape(batchSize, latentDimension()));
    }

    /**
     * Computes G(z).
     *
     * @param z (batch, latentDimension)
     * @return (batch, dataDimension), attached to z's manager
     */
    public NDArray generate(NDArray z) {
        NDArray h = z;
        for (Layer layer : network.layers()) {
            h = layer.forward(h, false);
        }
        return h;
    }
}
