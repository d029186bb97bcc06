package org.ganbench.models.dbn;

import ai.djl.ndarray.NDManager;
import org.ganbench.core.GenerativeModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DBN row of Table 1 in Goodfellow et al. (2014), which quotes Bengio, Mesnil, Dauphin and
 * Rifai, "Better Mixing via Deep Representations" (ICML 2013): a stack of binary RBMs trained
 * greedily, layer by layer, each on the hidden probabilities of the layer below.
 *
 * <p>Samples come from block Gibbs sampling in the top RBM followed by a stochastic top-down
 * pass through the lower RBMs' generative weights. The returned values are the pixel-layer
 * probabilities p(v = 1 | h1), which lie in [0, 1] as the Parzen-window evaluation expects.
 *
 * <p>Settings, and where each comes from (see {@link #description()}):
 * <ul>
 *   <li>Binary RBMs stacked greedily and sampled by Gibbs sampling at the top, then a top-down
 *       pass: the DBN of Hinton, Osindero and Teh (2006), which Bengio et al. (2013) train.</li>
 *   <li>Chosen: MNIST grey levels are used as Bernoulli means in the positive phase rather than
 *       binarised, because the Parzen evaluation scores grey levels.</li>
 *   <li>Chosen: persistent CD-1 (stochastic maximum likelihood, Tieleman 2008), because its
 *       negative particles follow the model distribution, which makes a better sampler than
 *       CD-1 for the same cost.</li>
 *   <li>Chosen: two hidden layers of 500 units, the widths of the lower layers of the MNIST DBN
 *       of Hinton et al. (2006).</li>
 *   <li>Chosen, following Hinton's "A Practical Guide to Training RBMs" (UTML TR 2010-003):
 *       weights from N(0, 0.01^2), visible biases at the logit of the data means, hidden biases
 *       at 0, momentum 0.5 rising to 0.9, L2 weight decay 1e-4.</li>
 *   <li>Chosen: minibatches of 100, learning rate 0.05, top-RBM chains started from the visible
 *       biases with the burn-in and thinning of {@link DbnConfig}.</li>
 * </ul>
 * NOTE: the layer widths, learning rate, epochs and negative phase of Bengio et al. (2013) could
 * not be read offline, so none of these settings is claimed to match theirs.
 */
public final class DeepBeliefNet implements GenerativeModel {

    /** Row label of Table 1 in Goodfellow et al. (2014). */
    public static final String NAME = "DBN";

    private final NDManager manager;
    private final List<Rbm> layers;
    private final DbnConfig config;
    private final List<RbmEpochMetrics> trainingHistory;

    /**
     * Takes ownership of trained layers and of the manager that holds their parameters.
     *
     * @param manager owner of every layer's parameters; closed by {@link #close()}
     * @param layers the RBMs from the pixels up; each one's visible width must equal the hidden
     *     width of the layer below
     * @param config the settings the layers were trained with; its sampling schedule is used
     * @param trainingHistory per-epoch metrics of every layer, in training order
     * @throws IllegalArgumentException if there is no layer or two adjacent widths differ
     */
    public DeepBeliefNet(NDManager manager, List<Rbm> layers, DbnConfig config, List<RbmEpochMetrics> trainingHistory) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("A DBN needs at least one RBM layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).visibleUnits() != layers.get(i - 1).hiddenUnits()) {
                throw new IllegalArgumentException("RBM layer " + (i + 1) + " has " + layers.get(i).visibleUnits()
                        + " visible units but layer " + i + " has " + layers.get(i - 1).hiddenUnits()
                        + " hidden units; adjacent widths must match");
            }
        }
        this.manager = manager;
        this.layers = List.copyOf(layers);
        this.config = config;
        this.trainingHistory = List.copyOf(trainingHistory);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dataDimension() {
        return layers.get(0).visibleUnits();
    }

    /**
     * Draws samples by Gibbs sampling in the top RBM and a top-down pass.
     *
     * @param count number of samples, at least 1
     * @param seed seed of the sampling randomness; the same seed gives the same samples
     * @return row-major (count, dataDimension), pixel probabilities in [0, 1]
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    @Override
    public float[] sample(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("Sample count must be at least 1, got " + count);
        }
        return DbnSampler.sample(layers, manager, config.sampling(), count, seed);
    }

    /** The RBMs from the pixels (index 0) to the top. */
    public List<Rbm> layers() {
        return layers;
    }

    /** Per-epoch metrics of every layer, in training order. */
    public List<RbmEpochMetrics> trainingHistory() {
        return trainingHistory;
    }

    /**
     * Describes the model for result files: architecture, settings used, the source of each
     * setting (published or chosen, with the reason) and the last epoch of every layer.
     *
     * @return an ordered map of JSON-friendly values
     */
    public Map<String, Object> description() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("model", "deep belief network: greedily trained stack of binary RBMs");
        description.put("reference", "Bengio, Mesnil, Dauphin and Rifai, Better Mixing via Deep Representations, "
                + "ICML 2013; Hinton, Osindero and Teh, A Fast Learning Algorithm for Deep Belief Nets, 2006");
        description.put("units", unitCounts());
        description.putAll(config.description());
        description.put("visibleUnits", "MNIST grey levels used as Bernoulli means in the positive phase; "
                + "every sampled state is binary");
        description.put("samplingProcedure", "block Gibbs sampling in the top RBM from states drawn with means "
                + "sigmoid(b), then a stochastic top-down pass through the lower RBMs; samples are the pixel "
                + "probabilities p(v | h1)");
        description.put("settingSources", settingSources());
        description.put("lastEpochPerLayer", lastEpochPerLayer());
        return description;
    }

    private List<Integer> unitCounts() {
        List<Integer> units = new ArrayList<>();
        units.add(layers.get(0).visibleUnits());
        for (Rbm layer : layers) {
            units.add(layer.hiddenUnits());
        }
        return units;
    }

    private static Map<String, String> settingSources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("architecture", "published: greedy stack of binary RBMs, Gibbs sampling at the top, "
                + "top-down pass (Hinton et al. 2006)");
        sources.put("layerWidths", "chosen: 500-500, the lower layers of the MNIST DBN of Hinton et al. (2006); "
                + "the widths of Bengio et al. (2013) were not available offline");
        sources.put("negativePhase", "chosen: persistent CD-1 (Tieleman 2008), whose chains follow the model "
                + "distribution and so make a better sampler than CD-1 at the same cost");
        sources.put("initialisationAndMomentum", "chosen from Hinton's practical guide (UTML TR 2010-003): "
                + "weights N(0, 0.01^2), visible biases logit of data means, momentum 0.5 then 0.9, "
                + "weight decay 1e-4");
        sources.put("learningRateAndBatch", "chosen: learning rate 0.05, minibatches of 100");
        sources.put("visibleUnits", "chosen: grey levels as Bernoulli means, because the evaluation scores "
                + "grey levels");
        sources.put("sampling", "chosen: parallel chains from the top RBM's visible biases, never from "
                + "training data, so no training image leaks into the samples; pixel means returned, as is "
                + "customary for Parzen-window scores on MNIST");
        return sources;
    }

    private List<Map<String, Object>> lastEpochPerLayer() {
        Map<Integer, RbmEpochMetrics> last = new LinkedHashMap<>();
        for (RbmEpochMetrics metrics : trainingHistory) {
            last.put(metrics.layer(), metrics);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RbmEpochMetrics metrics : last.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("layer", metrics.layer());
            row.put("epoch", metrics.epoch());
            row.put("reconstructionError", metrics.reconstructionError());
            row.put("freeEnergyGap", metrics.freeEnergyGap());
            rows.add(row);
        }
        return rows;
    }

    @Override
    public void close() {
        manager.close();
    }
}
