package org.ncverify.report;

import java.util.ArrayList;
import java.util.List;
import org.ncverify.results.JsonRenderer;
import org.ncverify.spectrum.YhatSpectrum;

/**
 * Data of the spectrum plot (claim C8): for each i < K the eigenvalue s_i^2 of Yhat^T Yhat
 * beside its interlacing interval [n_(i+1), n_(i)] (sizes sorted decreasingly). The last
 * eigenvalue s_K^2 = 0 is not a point of a log axis and is kept out of {@code points}.
 *
 * @param label  the case it belongs to
 * @param points one per i = 1..K-1
 */
public record SpectrumPlot(String label, List<Point> points) {
    public SpectrumPlot {
        points = List.copyOf(points);
    }

    /**
     * One eigenvalue and its interval.
     *
     * @param index      i (1-based)
     * @param eigenvalue s_i^2 as a double
     * @param exact      s_i^2 with every digit computed
     * @param lower      n_(i+1)
     * @param upper      n_(i)
     */
    public record Point(int index, double eigenvalue, String exact, long lower, long upper) {
    }

    /** The points of {@code spectrum}, i = 1..K-1. */
    public static SpectrumPlot of(String label, YhatSpectrum spectrum) {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < spectrum.size() - 1; i++) {
            long[] iv = spectrum.interlacingInterval(i);
            pts.add(new Point(i + 1, spectrum.eigenvalue(i).doubleValue(), JsonRenderer.fullDigits(spectrum.eigenvalue(i)),
                iv[0], iv[1]));
        }
        return new SpectrumPlot(label, pts);
    }
}
