package org.ganbench.bench.perf;

/** Unit of a benchmark figure, and whether a larger value is better. */
public enum Unit {
    /** Seconds per operation; lower is better. */
    SECONDS("s", false),
    /** Milliseconds per operation; lower is better. */
    MILLISECONDS("ms", false),
    /** Training iterations per second; higher is better. */
    ITERATIONS_PER_SECOND("it/s", true),
    /** Billions of floating-point operations per second; higher is better. */
    GFLOPS("GFLOP/s", true);

    private final String symbol;
    private final boolean higherIsBetter;

    Unit(String symbol, boolean higherIsBetter) {
        this.symbol = symbol;
        this.higherIsBetter = higherIsBetter;
    }

    /**
     * Returns the unit's symbol as the page prints it.
     *
     * @return for example {@code s} or {@code it/s}
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Tells whether a larger value of this unit means a faster program.
     *
     * @return true for rates, false for durations
     */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * Computes how many times faster the first figure is than the second.
     *
     * @param ours our figure in this unit, positive
     * @param theirs the other program's figure in this unit, positive
     * @return {@code theirs / ours} for durations and {@code ours / theirs} for rates, so above 1
     *     means that ours is faster
     */
    public double speedup(double ours, double theirs) {
        return higherIsBetter ? ours / theirs : theirs / ours;
    }

    /**
     * Converts a figure into a rate of floating-point operations.
     *
     * @param value a figure in this unit, positive
     * @param gflopPerOperation floating-point operations of one operation, in GFLOP
     * @return GFLOP/s
     */
    public double gflops(double value, double gflopPerOperation) {
        return switch (this) {
            case SECONDS -> gflopPerOperation / value;
            case MILLISECONDS -> gflopPerOperation / (value / 1000);
            case ITERATIONS_PER_SECOND -> gflopPerOperation * value;
            case GFLOPS -> value;
        };
    }
}
