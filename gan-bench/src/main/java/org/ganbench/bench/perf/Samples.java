package org.ganbench.bench.perf;

import java.util.ArrayList;
import java.util.List;

/**
 * Repeated measurements of one figure, in the order they were taken.
 *
 * @param values the measurements, at least one, all finite
 */
public record Samples(List<Double> values) {

    /**
     * Copies and validates the measurements.
     *
     * @throws IllegalArgumentException if the list is empty or contains a value that is not finite
     * @throws NullPointerException if the list or an element is null
     */
    public Samples {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements. Pass at least one value");
        }
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.get(i))) {
                throw new IllegalArgumentException("measurement " + i + " is " + values.get(i)
                        + ". Pass finite values only");
            }
        }
    }

    /**
     * Creates a set of measurements from an array.
     *
     * @param values the measurements, at least one
     * @return the samples
     * @throws IllegalArgumentException if there is no value or a value is not finite
     */
    public static Samples of(double... values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return new Samples(list);
    }

    /**
     * Returns the median: the middle value, or the mean of the two middle values for an even count.
     *
     * @return the median
     */
    public double median() {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * Returns the smallest measurement.
     *
     * @return the minimum
     */
    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /**
     * Returns the largest measurement.
     *
     * @return the maximum
     */
    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /**
     * Returns the number of measurements.
     *
     * @return at least 1
     */
    public int count() {
        return values.size();
    }
}
