package org.ganbench.bench.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.ganbench.bench.report.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plots GAN training curves to one PNG with two XChart line charts stacked vertically: the
 * discriminator and generator losses per epoch on top, and the mean discriminator outputs D(x) and
 * D(G(z)) per epoch below, with a reference line at D = 1/2, the optimal discriminator's output
 * once the generator matches the data distribution.
 *
 * <p>NaN and infinite metrics of a diverged run are left out of the curves, so they show as gaps.
 */
public final class LossPlot {

    /** Width of each chart, and so of the PNG, in pixels. */
    public static final int DEFAULT_CHART_WIDTH = 800;

    /** Height of each chart in pixels. The PNG is twice as tall. */
    public static final int DEFAULT_CHART_HEIGHT = 400;

    /** Smallest chart side that still leaves room for titles, axes and the legend. */
    public static final int MIN_CHART_SIDE = 200;

    /** Beyond this many epochs, markers would hide the curves, so only lines are drawn. */
    private static final int MAX_EPOCHS_WITH_MARKERS = 50;

    private static final Logger LOG = LoggerFactory.getLogger(LossPlot.class);

    private final int chartWidth;
    private final int chartHeight;

    /**
     * Creates a plot with charts of {@link #DEFAULT_CHART_WIDTH} x {@link #DEFAULT_CHART_HEIGHT}.
     */
    public LossPlot() {
        this(DEFAULT_CHART_WIDTH, DEFAULT_CHART_HEIGHT);
    }

    /**
     * Creates a plot with charts of the given size.
     *
     * @param chartWidth width of each chart in pixels, at least {@link #MIN_CHART_SIDE}
     * @param chartHeight height of each chart in pixels, at least {@link #MIN_CHART_SIDE}
     * @throws IllegalArgumentException if a side is below {@link #MIN_CHART_SIDE}
     */
    public LossPlot(int chartWidth, int chartHeight) {
        if (chartWidth < MIN_CHART_SIDE || chartHeight < MIN_CHART_SIDE) {
            throw new IllegalArgumentException("Chart size must be at least " + MIN_CHART_SIDE + " x " + MIN_CHART_SIDE
                    + " pixels, got " + chartWidth + " x " + chartHeight + ".");
        }
        this.chartWidth = chartWidth;
        this.chartHeight = chartHeight;
    }

    /**
     * Returns the width of the written PNG.
     *
     * @return the width in pixels
     */
    public int imageWidth() {
        return chartWidth;
    }

    /**
     * Returns the height of the written PNG, which contains two charts stacked vertically.
     *
     * @return the height in pixels
     */
    public int imageHeight() {
        return 2 * chartHeight;
    }

    /**
     * Writes the training curves to a PNG file, atomically.
     *
     * @param png file to create or replace
     * @param history metrics per epoch, at least one, in strictly increasing epoch order
     * @throws IllegalArgumentException if {@code history} is empty, contains null, or its epochs
     *     are not strictly increasing
     * @throws IOException if writing the file fails
     */
    public void write(Path png, List<EpochPoint> history) throws IOException {
        Objects.requireNonNull(png, "png");
        validateHistory(history);
        long nonFiniteEpochs = history.stream().filter(point -> !point.isFinite()).count();
        if (nonFiniteEpochs > 0) {
            LOG.warn("{} of {} epochs have NaN or infinite metrics; the loss plot {} shows gaps there",
                    nonFiniteEpochs, history.size(), png);
        }

        List<XYChart> charts = List.of(lossChart(history), discriminatorChart(history));
        AtomicFiles.write(png, out -> BitmapEncoder.saveBitmap(charts, 2, 1, out, BitmapFormat.PNG));
        LOG.info("Wrote loss plot of {} epochs to {}", history.size(), png);
    }

    private XYChart lossChart(List<EpochPoint> history) {
        XYChart chart = newChart("GAN losses per epoch", "Mean loss");
        addCurve(chart, "Discriminator", history, EpochPoint::discriminatorLoss);
        addCurve(chart, "Generator", history, EpochPoint::generatorLoss);
        return chart;
    }

    private XYChart discriminatorChart(List<EpochPoint> history) {
        XYChart chart = newChart("Mean discriminator output per epoch", "Mean D");
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        addCurve(chart, "D(x), training images", history, EpochPoint::meanDReal);
        addCurve(chart, "D(G(z)), generated samples", history, EpochPoint::meanDFake);

        double firstEpoch = history.get(0).epoch();
        double lastEpoch = history.get(history.size() - 1).epoch();
        XYSeries optimum = chart.addSeries("D = 1/2, optimum",
                new double[] {firstEpoch, lastEpoch}, new double[] {0.5, 0.5});
        optimum.setMarker(SeriesMarkers.NONE);
        optimum.setLineStyle(SeriesLines.DASH_DASH);
        return chart;
    }

    private XYChart newChart(String title, String yAxisTitle) {
        return new XYChartBuilder()
                .width(chartWidth)
                .height(chartHeight)
                .title(title)
                .xAxisTitle("Epoch")
                .yAxisTitle(yAxisTitle)
                .build();
    }

    private static void addCurve(XYChart chart, String name, List<EpochPoint> history, ToDoubleFunction<EpochPoint> metric) {
        double[] epochs = new double[history.size()];
        double[] values = new double[history.size()];
        for (int i = 0; i < history.size(); i++) {
            epochs[i] = history.get(i).epoch();
            double value = metric.applyAsDouble(history.get(i));
            // XChart 3.8.8 draws NaN as a gap but rejects infinite values.
            values[i] = Double.isFinite(value) ? value : Double.NaN;
        }

        XYSeries series = chart.addSeries(name, epochs, values);
        series.setMarker(history.size() <= MAX_EPOCHS_WITH_MARKERS ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
    }

    private static void validateHistory(List<EpochPoint> history) {
        Objects.requireNonNull(history, "history");
        if (history.isEmpty()) {
            throw new IllegalArgumentException("Training history is empty; record at least one epoch before plotting.");
        }

        for (int i = 0; i < history.size(); i++) {
            EpochPoint point = history.get(i);
            if (point == null) {
                throw new IllegalArgumentException("Training history has null at position " + i
                        + "; pass one EpochPoint per epoch.");
            }
            if (i > 0 && point.epoch() <= history.get(i - 1).epoch()) {
                throw new IllegalArgumentException("Training history epochs must be strictly increasing, but epoch "
                        + point.epoch() + " at position " + i + " follows epoch " + history.get(i - 1).epoch()
                        + "; sort the history and remove duplicate epochs.");
            }
        }
    }
}
