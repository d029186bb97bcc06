package org.ganbench.bench.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Published Parzen-window log-likelihood estimates from Table 1 of Goodfellow et al. (2014),
 * "Generative Adversarial Nets", NIPS 2014, arXiv:1406.2661.
 *
 * <p>Values are mean log-likelihoods of test images in nats, with standard errors. On MNIST the
 * standard error is that of the mean over test examples, and on TFD (Toronto Face Database) it is
 * computed across the data set's folds.
 */
public final class PaperTable1 {

    /** Data set name of MNIST in the table. */
    public static final String MNIST = "MNIST";

    /** Data set name of the Toronto Face Database in the table. */
    public static final String TFD = "TFD";

    /** Deep belief network. */
    public static final String DBN = "DBN";

    /** Stacked contractive auto-encoders. */
    public static final String STACKED_CAE = "Stacked CAE";

    /** Deep generative stochastic network. */
    public static final String DEEP_GSN = "Deep GSN";

    /** The paper's own model. Name measured GAN rows this way so they line up with it. */
    public static final String ADVERSARIAL_NETS = "Adversarial nets";

    private static final List<PaperResult> RESULTS = List.of(
            new PaperResult(DBN, MNIST, 138, 2),
            new PaperResult(STACKED_CAE, MNIST, 121, 1.6),
            new PaperResult(DEEP_GSN, MNIST, 214, 1.1),
            new PaperResult(ADVERSARIAL_NETS, MNIST, 225, 2),
            new PaperResult(DBN, TFD, 1909, 66),
            new PaperResult(STACKED_CAE, TFD, 2110, 50),
            new PaperResult(DEEP_GSN, TFD, 1890, 29),
            new PaperResult(ADVERSARIAL_NETS, TFD, 2057, 26));

    private PaperTable1() {
    }

    /**
     * Returns every published entry, MNIST first, in the paper's row order.
     *
     * @return an unmodifiable list of eight entries
     */
    public static List<PaperResult> results() {
        return RESULTS;
    }

    /**
     * Returns the published entries of one data set in the paper's row order.
     *
     * @param dataset data set name, matched ignoring case, for example {@link #MNIST}
     * @return the entries, empty for a data set that the table does not report
     */
    public static List<PaperResult> forDataset(String dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return RESULTS.stream().filter(result -> result.dataset().equalsIgnoreCase(dataset.strip())).toList();
    }

    /**
     * Finds the published entry of one model on one data set.
     *
     * @param model model name, matched ignoring case, for example {@link #ADVERSARIAL_NETS}
     * @param dataset data set name, matched ignoring case
     * @return the entry, or empty if the table does not report that pair
     */
    public static Optional<PaperResult> find(String model, String dataset) {
        Objects.requireNonNull(model, "model");
        return forDataset(dataset).stream()
                .filter(result -> result.model().equalsIgnoreCase(model.strip()))
                .findFirst();
    }
}
