package org.ganbench.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Text of the number and name cells in the rendered Table 1. Every format uses
 * {@link Locale#ROOT}, so the decimal separator is a point on every machine.
 */
final class Table1Cells {

    /** Significant digits shown for the Parzen bandwidth. */
    private static final MathContext SIGMA_PRECISION = new MathContext(4);

    private Table1Cells() {
    }

    /**
     * Formats a published value as Table 1 of Goodfellow et al. (2014) prints it, without
     * trailing zeros: "225 ± 2", "121 ± 1.6".
     */
    static String published(double mean, double standardError) {
        return plain(mean) + " ± " + plain(standardError);
    }

    /** Formats a measured value with one decimal: "212.3 ± 2.1", "-87.0 ± 0.4". */
    static String measured(double mean, double standardError) {
        return oneDecimal(mean) + " ± " + oneDecimal(standardError);
    }

    /** Formats the Parzen bandwidth with up to four significant digits: "0.17", "0.002". */
    static String sigma(double sigma) {
        return new BigDecimal(sigma).round(SIGMA_PRECISION).stripTrailingZeros().toPlainString();
    }

    /** Formats a count with thousands separators: "10,000". */
    static String count(int count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /**
     * Makes free text safe inside a markdown table cell or list item: a pipe would end the cell
     * and a line break would end the row.
     */
    static String escape(String text) {
        return text.strip().replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String oneDecimal(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        // Values in (-0.05, 0) round to "-0.0", which reads as a sign error.
        return text.equals("-0.0") ? "0.0" : text;
    }
}
