package org.ganbench.models.cae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One contractive autoencoder layer (Rifai et al., ICML 2011) with tied weights:
 * encoder h = s(x W^T + b), decoder r = s(h W + c), where s is the logistic sigmoid and
 * W has shape (hidden, visible), PyTorch's layout for {@code linear}.
 *
 * <p>Its training cost per example is the cross-entropy of the reconstruction summed over the
 * visible units plus lambda * ||J_f(x)||_F^2, where for a sigmoid encoder the squared Frobenius
 * norm of the Jacobian has the closed form sum_j (h_j (1 - h_j))^2 sum_i W_ji^2. Tied weights,
 * sigmoid units on both sides and the summed cross-entropy follow the CAE library of Dauphin
 * and Rifai (github.com/ynd/cae.py).
 *
 * <p>The layer does not own its arrays. The {@link NDManager} that created them frees them.
 */
public final class ContractiveAutoencoder {

    private final NDArray weight;
    private final NDArray hiddenBias;
    private final NDArray visibleBias;

    /**
     * Wraps existing parameters.
     *
     * @param weight (hidden, visible)
     * @param hiddenBias (hidden)
     * @param visibleBias (visible)
     * @throws IllegalArgumentException if the shapes do not fit together
     */
    public ContractiveAutoencoder(NDArray weight, NDArray hiddenBias, NDArray visibleBias) {
        Shape w = weight.getShape();
        if (w.dimension() != 2 || !hiddenBias.getShape().equals(new Shape(w.get(0)))
                || !visibleBias.getShape().equals(new Shape(w.get(1)))) {
            throw new IllegalArgumentException("A CAE layer needs weight (hidden, visible), hidden bias (hidden) and"
                    + " visible bias (visible), got " + w + ", " + hiddenBias.getShape() + " and "
                    + visibleBias.getShape());
        }
        this.weight = weight;
        this.hiddenBias = hiddenBias;
        this.visibleBias = visibleBias;
    }

    /**
     * Creates a layer with weights uniform in +-4 sqrt(6 / (visible + hidden)), the range for
     * sigmoid units that the released CAE library uses, and zero biases. The arrays record
     * gradients.
     *
     * @param manager owner of the new parameters
     * @param visibleSize input width, at least 1
     * @param hiddenSize code width, at least 1
     * @param random source of the initial weights
     * @return the new layer
     * @throws IllegalArgumentException if a width is not positive
     */
    public static ContractiveAutoencoder initialize(NDManager manager, int visibleSize, int hiddenSize,
            SplittableRandom random) {
        if (visibleSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("CAE widths must be positive, got visible=" + visibleSize
                    + ", hidden=" + hiddenSize);
        }
        double range = 4 * Math.sqrt(6.0 / (visibleSize + hiddenSize));
        float[] values = new float[visibleSize * hiddenSize];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * range);
        }

        NDArray weight = manager.create(values, new Shape(hiddenSize, visibleSize));
        NDArray hiddenBias = manager.zeros(new Shape(hiddenSize));
        NDArray visibleBias = manager.zeros(new Shape(visibleSize));
        for (NDArray parameter : List.of(weight, hiddenBias, visibleBias)) {
            parameter.setRequiresGradient(true);
        }
        return new ContractiveAutoencoder(weight, hiddenBias, visibleBias);
    }

    /** Input width. */
    public int visibleSize() {
        return (int) weight.getShape().get(1);
    }

    /** Code width. */
    public int hiddenSize() {
        return (int) weight.getShape().get(0);
    }

    /** Encoder and decoder weight, (hidden, visible). */
    public NDArray weight() {
        return weight;
    }

    /** Trainable arrays: weight, hidden bias, visible bias. */
    public List<NDArray> parameters() {
        return List.of(weight, hiddenBias, visibleBias);
    }

    /**
     * Computes the code h = s(x W^T + b).
     *
     * @param input (batch, visible)
     * @return (batch, hidden), values in (0, 1)
     */
    public NDArray encode(NDArray input) {
        NDArray preActivation = input.getNDArrayInternal().linear(input, weight, hiddenBias).singletonOrThrow();
        return preActivation.getNDArrayInternal().sigmoid();
    }

    /**
     * Computes the decoder's pre-activation h W + c, from which the reconstruction and its
     * cross-entropy are derived without evaluating log(s(a)) directly.
     *
     * @param code (batch, hidden)
     * @return (batch, visible) logits
     */
    public NDArray decodeLogits(NDArray code) {
        return code.matMul(weight).add(visibleBias);
    }

    /**
     * Computes the reconstruction s(h W + c).
     *
     * @param code (batch, hidden)
     * @return (batch, visible), values in (0, 1)
     */
    public NDArray decode(NDArray code) {
        return decodeLogits(code).getNDArrayInternal().sigmoid();
    }

    /**
     * Computes the squared Frobenius norm of the encoder's Jacobian at each example,
     * ||J_f(x)||_F^2 = sum_j (h_j (1 - h_j))^2 sum_i W_ji^2.
     *
     * @param code (batch, hidden), the encoder's output h at the examples
     * @return (batch) penalties
     */
    public NDArray jacobianPenalty(NDArray code) {
        NDArray slope = code.mul(code.neg().add(1));
        // An operation's result belongs to its receiver's manager. W^2 moves to the minibatch's
        // manager, so it is freed with the minibatch instead of piling up beside the parameters.
        NDArray squaredWeight = weight.square();
        squaredWeight.attach(code.getManager());
        NDArray rowNorms = squaredWeight.sum(new int[] {1});
        return slope.square().matMul(rowNorms);
    }

    /**
     * Computes the cross-entropy of the reconstruction against the input, summed over the visible
     * units: sum_i softplus(a_i) - x_i a_i, where a are the decoder's logits. This equals
     * -sum_i [x_i log r_i + (1 - x_i) log(1 - r_i)] for r = s(a) and stays finite when r saturates.
     *
     * @param input (batch, visible), targets in [0, 1]
     * @param code (batch, hidden)
     * @return (batch) cross-entropies in nats
     */
    public NDArray reconstructionCrossEntropy(NDArray input, NDArray code) {
        NDArray logits = decodeLogits(code);
        return BinaryCrossEntropy.fromLogits(logits, input).sum(new int[] {1});
    }
}
