package org.ganbench.models.dbn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.ganbench.core.SeedMixer;
import org.ganbench.core.nn.ConstantFactor;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A restricted Boltzmann machine with binary visible units v and binary hidden units h, energy
 * E(v, h) = -b·v - c·h - h·W·v, so that p(h_j = 1 | v) = sigmoid(c_j + W_j·v) and
 * p(v_i = 1 | h) = sigmoid(b_i + h·W_{:,i}).
 *
 * <p>Real-valued inputs in [0, 1], such as MNIST grey levels or a lower layer's hidden
 * probabilities, are treated as Bernoulli means: they enter the positive phase unchanged, while
 * every state the model samples itself is binary.
 *
 * <p>W is stored as (hidden, visible), PyTorch's layout for {@code linear}, so both conditionals
 * run without a transpose. The parameters live in the manager passed at creation and have
 * gradients attached. Every method attaches its results to the manager of its input array, so a
 * caller frees them by closing its own scope.
 */
public final class Rbm {

    private final NDArray weights;
    private final NDArray visibleBias;
    private final NDArray hiddenBias;

    private Rbm(NDArray weights, NDArray visibleBias, NDArray hiddenBias) {
        this.weights = weights;
        this.visibleBias = visibleBias;
        this.hiddenBias = hiddenBias;
        for (NDArray parameter : parameters()) {
            parameter.setRequiresGradient(true);
        }
    }

    /**
     * Creates an RBM with weights drawn from N(0, weightStd^2) and zero hidden biases.
     *
     * @param manager owner of the parameters
     * @param visibleBias initial visible biases, one per visible unit, e.g. the logit of each
     *     unit's mean over the training data
     * @param hiddenUnits number of hidden units, at least 1
     * @param weightStd standard deviation of the initial weights, positive
     * @param seed seed of the weight initialisation
     * @return a new RBM whose parameters are owned by {@code manager}
     * @throws IllegalArgumentException if a size or the standard deviation is not positive
     */
    public static Rbm initialize(NDManager manager, float[] visibleBias, int hiddenUnits, double weightStd,
            long seed) {
        if (visibleBias.length < 1 || hiddenUnits < 1) {
            throw new IllegalArgumentException("An RBM needs at least one visible and one hidden unit, got "
                    + visibleBias.length + " visible and " + hiddenUnits + " hidden");
        }
        if (!(weightStd > 0) || !Double.isFinite(weightStd)) {
            throw new IllegalArgumentException("Initial weight standard deviation must be positive and finite, got "
                    + weightStd);
        }

        SplittableRandom random = new SplittableRandom(SeedMixer.mix(seed, "rbm-weights", 0));
        float[] weights = new float[hiddenUnits * visibleBias.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (weightStd * random.nextGaussian());
        }
        return of(manager, weights, visibleBias, new float[hiddenUnits]);
    }

    /**
     * Creates an RBM from given parameter values.
     *
     * @param manager owner of the parameters
     * @param weights W, row-major (hidden, visible)
     * @param visibleBias b, one per visible unit
     * @param hiddenBias c, one per hidden unit
     * @return a new RBM whose parameters are owned by {@code manager}
     * @throws IllegalArgumentException if the weight count is not hidden x visible
     */
    public static Rbm of(NDManager manager, float[] weights, float[] visibleBias, float[] hiddenBias) {
        int visibleUnits = visibleBias.length;
        int hiddenUnits = hiddenBias.length;
        if (visibleUnits < 1 || hiddenUnits < 1 || weights.length != visibleUnits * hiddenUnits) {
            throw new IllegalArgumentException("RBM weights must hold hidden x visible = " + hiddenUnits + " x "
                    + visibleUnits + " values, got " + weights.length);
        }
        return new Rbm(manager.create(weights, new Shape(hiddenUnits, visibleUnits)),
                manager.create(visibleBias), manager.create(hiddenBias));
    }

    /** Number of visible units. */
    public int visibleUnits() {
        return (int) visibleBias.size();
    }

    /** Number of hidden units. */
    public int hiddenUnits() {
        return (int) hiddenBias.size();
    }

    /** W of shape (hidden, visible), updated in place by training. */
    public NDArray weights() {
        return weights;
    }

    /** b, one bias per visible unit. */
    public NDArray visibleBias() {
        return visibleBias;
    }

    /** c, one bias per hidden unit. */
    public NDArray hiddenBias() {
        return hiddenBias;
    }

    /** W, b and c, the arrays an optimiser updates. */
    public List<NDArray> parameters() {
        return List.of(weights, visibleBias, hiddenBias);
    }

    /**
     * Computes p(h = 1 | v) for a minibatch.
     *
     * @param visible (batch, visibleUnits), binary states or Bernoulli means in [0, 1]
     * @return (batch, hiddenUnits) probabilities
     */
    public NDArray hiddenProbabilities(NDArray visible) {
        try (NDArray preActivation = visible.getNDArrayInternal().linear(visible, weights, hiddenBias)
                .singletonOrThrow()) {
            return preActivation.getNDArrayInternal().sigmoid();
        }
    }

    /**
     * Computes p(v = 1 | h) for a minibatch; this is also the generative (top-down) pass of a
     * DBN layer.
     *
     * @param hidden (batch, hiddenUnits), binary states or probabilities
     * @return (batch, visibleUnits) probabilities
     */
    public NDArray visibleProbabilities(NDArray hidden) {
        try (NDArray product = hidden.matMul(weights);
                NDArray preActivation = product.add(visibleBias)) {
            return preActivation.getNDArrayInternal().sigmoid();
        }
    }

    /**
     * Draws h ~ p(h | v) from the engine's random stream.
     *
     * @param visible (batch, visibleUnits)
     * @return (batch, hiddenUnits) binary states as floats
     */
    public NDArray sampleHidden(NDArray visible) {
        try (NDArray probabilities = hiddenProbabilities(visible)) {
            return sampleBernoulli(probabilities);
        }
    }

    /**
     * Draws v ~ p(v | h) from the engine's random stream.
     *
     * @param hidden (batch, hiddenUnits)
     * @return (batch, visibleUnits) binary states as floats
     */
    public NDArray sampleVisible(NDArray hidden) {
        try (NDArray probabilities = visibleProbabilities(hidden)) {
            return sampleBernoulli(probabilities);
        }
    }

    /**
     * Runs block Gibbs sampling v -> h -> v for a number of full steps, one chain per row.
     * Intermediate states are closed as the chain advances, so memory does not grow with the
     * number of steps.
     *
     * @param visible (batch, visibleUnits) start states; real values act as Bernoulli means
     * @param steps full Gibbs steps, at least 1
     * @return (batch, visibleUnits) binary visible states after the last step
     * @throws IllegalArgumentException if {@code steps} is less than 1
     */
    public NDArray gibbsChain(NDArray visible, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("A Gibbs chain needs at least one step, got " + steps);
        }
        NDArray state = visible;
        for (int step = 0; step < steps; step++) {
            NDArray next;
            try (NDArray hidden = sampleHidden(state)) {
                next = sampleVisible(hidden);
            }
            if (state != visible) {
                state.close();
            }
            state = next;
        }
        return state;
    }

    /**
     * Computes the free energy F(v) = -log sum_h exp(-E(v, h)) = -b·v - sum_j softplus(c_j + W_j·v),
     * so that p(v) = exp(-F(v)) / Z.
     *
     * @param visible (batch, visibleUnits)
     * @return (batch) free energies in nats
     */
    public NDArray freeEnergy(NDArray visible) {
        NDArray biasTerm = visible.matMul(visibleBias);
        NDArray preActivation = visible.getNDArrayInternal().linear(visible, weights, hiddenBias).singletonOrThrow();
        NDArray hiddenTerm = preActivation.getNDArrayInternal().softPlus().sum(new int[] {1});
        return biasTerm.add(hiddenTerm).neg();
    }

    /**
     * Accumulates into the parameters' gradient buffers the contrastive-divergence estimate of the
     * gradient of the mean negative log-likelihood, plus the gradient of an L2 weight penalty.
     *
     * <p>The estimate is the gradient of mean F(positive) - mean F(negative) with the negative
     * particles held fixed, because d(-log p(v))/dθ = dF(v)/dθ - E_model[dF/dθ]. Differentiating
     * the free energy sums the hidden states out analytically, which gives the usual statistics
     * v p(h | v)^T of the positive and negative phases. The arrays of the computation graph are
     * attached to the managers of {@code positive} and {@code negative}, so call this inside a
     * per-minibatch scope.
     *
     * @param positive (batch, visibleUnits) training data, values in [0, 1]
     * @param negative (rows, visibleUnits) model samples, e.g. the end of CD-k or persistent chains
     * @param weightDecay coefficient λ of the penalty λ/2 ||W||^2, at least 0
     * @return mean F(positive) - mean F(negative), the free-energy gap, in nats
     */
    public float accumulateCdGradient(NDArray positive, NDArray negative, double weightDecay) {
        NDArray gap;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray positiveEnergy = freeEnergy(positive).mean();
            NDArray negativeEnergy = freeEnergy(negative).mean();
            gap = positiveEnergy.sub(negativeEnergy);
            NDArray loss = gap;
            if (weightDecay > 0) {
                // weights.square() is attached to the model's manager. Moving it to the caller's
                // scope frees it with the minibatch, so the model does not keep one array per step.
                NDArray squaredWeights = weights.square();
                squaredWeights.attach(positive.getManager());
                loss = gap.add(ConstantFactor.times(squaredWeights.sum(), weightDecay / 2));
            }
            collector.backward(loss);
        }
        return gap.getFloat();
    }

    /**
     * Computes the mean-field reconstruction error: v is mapped to p(h | v) and back to
     * p(v | p(h | v)), and the squared differences are summed over visible units.
     *
     * @param visible (batch, visibleUnits)
     * @return mean over the minibatch of the summed squared error
     */
    public float reconstructionError(NDArray visible) {
        try (NDArray hidden = hiddenProbabilities(visible);
                NDArray reconstruction = visibleProbabilities(hidden);
                NDArray difference = visible.sub(reconstruction);
                NDArray squared = difference.square();
                NDArray perExample = squared.sum(new int[] {1});
                NDArray mean = perExample.mean()) {
            return mean.getFloat();
        }
    }

    /**
     * Draws independent Bernoulli states with the given means from the engine's random stream.
     *
     * @param probabilities means in [0, 1], any shape
     * @return binary states as floats, attached to the probabilities' manager
     */
    static NDArray sampleBernoulli(NDArray probabilities) {
        try (NDArray uniform = probabilities.getManager().randomUniform(0f, 1f, probabilities.getShape());
                NDArray below = uniform.lt(probabilities)) {
            return below.toType(DataType.FLOAT32, false);
        }
    }
}
