package org.ganbench.models.cae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markov chain of Rifai, Bengio, Dauphin and Vincent ("A Generative Process for Sampling
 * Contractive Auto-Encoders", ICML 2012) applied to a stack of CAEs. One step from images x:
 * <pre>
 *   h   = f(x)                                  encode through every layer
 *   h'  = h + J J^T epsilon,  epsilon ~ N(0, sigma^2 I)
 *   x'  = g(h')                                 decode through every layer; x' is the next state
 * </pre>
 * J is the Jacobian of the whole encoder at x, from pixels to the top code. J^T epsilon is a pixel
 * direction along the leading right singular vectors of J, the directions the CAE keeps sensitive
 * (its local tangent plane), and J maps it back into code space. For a single layer this is
 * the step of the CAE library of Dauphin and Rifai (github.com/ynd/cae.py, {@code CAE.sample}).
 *
 * <p>NOTE: Bengio et al. (2013) perturb the top-level code of a two-layer CAE. Whether their J was
 * the Jacobian of the top layer alone or of the composed encoder is not in the sources we opened.
 * This class assumes the composed one, because it matches the chain's decode-to-pixels and
 * re-encode cycle. In a sweep on MNIST, the top layer's own Jacobian scored in the same range.
 *
 * <p>The noise comes from the engine's random stream, so the caller seeds the engine.
 */
final class ContractiveChain {

    private final List<ContractiveAutoencoder> layers;
    private final float noise;

    /**
     * @param layers the trained stack, bottom first
     * @param noise sigma of epsilon, 0 or more
     */
    ContractiveChain(List<ContractiveAutoencoder> layers, double noise) {
        this.layers = List.copyOf(layers);
        this.noise = (float) noise;
    }

    /**
     * Runs one step of every chain.
     *
     * @param images current states, (chains, visible), values in [0, 1]
     * @return the next states, decoded means in (0, 1), attached to the images' manager
     */
    NDArray step(NDArray images) {
        List<NDArray> slopes = new ArrayList<>(layers.size());
        NDArray code = images;
        for (ContractiveAutoencoder layer : layers) {
            code = layer.encode(code);
            slopes.add(code.mul(code.neg().add(1)));
        }

        NDArray epsilon = images.getManager().randomNormal(0, noise, code.getShape(), DataType.FLOAT32);
        NDArray decoded = code.add(jacobianGramProduct(slopes, epsilon));
        for (int l = layers.size() - 1; l >= 0; l--) {
            decoded = layers.get(l).decode(decoded);
        }
        return decoded;
    }

    /**
     * Multiplies vectors by J J^T, where J = D_L W_L ... D_1 W_1 is the Jacobian of the composed
     * encoder and D_l = diag(h_l (1 - h_l)) contains layer l's sigmoid slopes at the current point.
     * The product runs as a chain of matrix-vector products, so J itself (top width x pixels per
     * chain) is never formed.
     *
     * @param slopes h_l (1 - h_l) of each layer, bottom first, each (chains, width_l)
     * @param vectors code-space vectors, (chains, top width)
     * @return J J^T v for each chain's own J, (chains, top width)
     */
    NDArray jacobianGramProduct(List<NDArray> slopes, NDArray vectors) {
        // J^T v: walk down from the top code to the pixels.
        NDArray product = vectors;
        for (int l = layers.size() - 1; l >= 0; l--) {
            product = product.mul(slopes.get(l)).matMul(layers.get(l).weight());
        }

        // J (J^T v): walk back up. The transposed view would belong to the parameters' manager, so
        // it moves to the vectors' manager and is freed with the step.
        for (int l = 0; l < layers.size(); l++) {
            NDArray transposed = layers.get(l).weight().transpose();
            transposed.attach(vectors.getManager());
            product = product.matMul(transposed).mul(slopes.get(l));
        }
        return product;
    }
}
