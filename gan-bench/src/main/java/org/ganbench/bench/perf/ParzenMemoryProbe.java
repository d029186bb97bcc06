package org.ganbench.bench.perf;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ganbench.eval.ParzenEvaluation;
import org.ganbench.eval.ParzenRecord;

/**
 * Runs the Parzen protocol once on uniform data and prints one JSON line with its result and this
 * JVM's peak resident memory (VmHWM). It runs in a child JVM of its own, so the peak belongs to the
 * protocol alone: the JVM, libtorch, the input floats and the estimator's buffers.
 */
public final class ParzenMemoryProbe {

    private ParzenMemoryProbe() {
    }

    /**
     * Runs the probe.
     *
     * @param args the numbers of samples, test points and validation points; the data are the numpy
     *     peer's {@code --synthetic SAMPLES TEST VALIDATION 784 0} arrays
     * @throws IllegalArgumentException if there are not three positive counts
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("expected 3 arguments, the numbers of samples, test points and"
                    + " validation points, got " + args.length);
        }
        SyntheticParzenData data = SyntheticParzenData.uniform(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), BenchmarkSizes.PARZEN_DIMENSION, BenchmarkSizes.PARZEN_SEED);
        ProcStatus before = ProcStatus.readSelf();

        ParzenRecord record = ParzenEvaluation.withDefaults()
                .evaluate(data.samples(), data.validation(), "validation", data.test(), "test");
        ProcStatus after = ProcStatus.readSelf();

        ObjectNode line = new ObjectMapper().createObjectNode()
                .put("sigma", record.chosenSigma())
                .put("mean_ll", record.meanLogLikelihood())
                .put("se", record.standardError())
                .put("seconds", record.seconds())
                .put("rss_before_mib", before.residentMib())
                .put("peak_rss_mib", after.peakResidentMib())
                .put("djl", Engine.getDjlVersion())
                .put("pytorch", Engine.getInstance().getVersion());
        System.out.println(line);
    }
}
