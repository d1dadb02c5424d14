package org.ncverify.report;

import java.util.List;

/**
 * The figure of one {@code ncverify sweep --jsonl} file: the swept parameter {@code parameter}
 * (the first one whose value changes over the rows) on the x axis against what every row records,
 * the number of surviving directions and f* (the closed-form objective), one series per value of
 * the other swept parameters. Every value is the file's ({@code parameters}, {@code survivingDirections},
 * {@code fStar} as doubles); {@link Charts#figure} draws two panels, {@code <id>-surviving} and
 * {@code <id>-fstar}.
 *
 * @param id        "sweep-N", N the sweep's position among the inputs
 * @param caption   what is plotted and from which file
 * @param source    the file, as given
 * @param command   the sweep's command (its replay)
 * @param parameter the x-axis parameter's name
 * @param logX      true when x is positive and spans more than a decade
 * @param logFStar  true when every f* is positive and they span more than a decade
 * @param series    one series per combination of the other parameters' values
 */
public record SweepFigure(String id, String caption, String source, String command, String parameter, boolean logX,
                          boolean logFStar, List<Series> series) implements FigureData {
    public SweepFigure {
        series = List.copyOf(series);
    }

    /**
     * One series: the rows with the same values of the other parameters, in increasing x.
     *
     * @param name      "depth=2, lambda_h=0.001" (or "all rows" when only one parameter is swept)
     * @param x         the parameter's values
     * @param surviving survivingDirections at each x
     * @param fStar     f* at each x, as a double
     * @param rows      the row index of each point in the file
     */
    public record Series(String name, double[] x, int[] surviving, double[] fStar, long[] rows) {
        public Series {
            x = x.clone();
            surviving = surviving.clone();
            fStar = fStar.clone();
            rows = rows.clone();
        }
    }
}
