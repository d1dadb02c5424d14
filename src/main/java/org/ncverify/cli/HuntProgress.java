package org.ncverify.cli;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ncverify.hunt.HuntListener;
import org.ncverify.hunt.Progress;

/**
 * The progress of a hunt: on a terminal (a console, and CI unset) a progress bar
 * (me.tongfei progressbar: instances, instances/s, findings and per-claim FAIL counts); otherwise
 * one plain line on stderr at most every {@link #PLAIN_INTERVAL_SECONDS} seconds (and after the
 * last batch), so that logs stay readable.
 */
final class HuntProgress implements HuntListener, AutoCloseable {
    /** Seconds between two plain progress lines. */
    static final double PLAIN_INTERVAL_SECONDS = 10;

    private final PrintWriter err;
    private final ProgressBar bar;
    private double lastLine = Double.NEGATIVE_INFINITY;
    private Progress last;

    private HuntProgress(PrintWriter err, ProgressBar bar) {
        this.err = err;
        this.bar = bar;
    }

    /** A bar when {@code interactive}, else plain lines on {@code err}; {@code done} and {@code total} as in {@link Progress}. */
    static HuntProgress start(PrintWriter err, boolean interactive, long done, long total) {
        if (!interactive) {
            return new HuntProgress(err, null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("hunt").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500).showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setUnit(" inst", 1)
            .startsFrom(done, java.time.Duration.ZERO).build();
        return new HuntProgress(err, bar);
    }

    @Override
    public void batch(Progress p) {
        last = p;
        if (bar != null) {
            bar.stepTo(p.done());
            bar.setExtraMessage(" " + p.findings() + " finding(s)" + fails(p.failsByClaim()));
            return;
        }
        if (p.elapsedSeconds() - lastLine >= PLAIN_INTERVAL_SECONDS) {
            line(p);
        }
    }

    private void line(Progress p) {
        lastLine = p.elapsedSeconds();
        err.println("hunt: " + p.done() + (p.total() < 0 ? "" : "/" + p.total()) + " instances, "
            + String.format(java.util.Locale.ROOT, "%.1f", p.rate()) + " instances/s, " + p.findings() + " finding(s)"
            + fails(p.failsByClaim()));
        err.flush();
    }

    /** ", FAIL C5 2, C7 1" for the claims with FAILs, or nothing. */
    static String fails(Map<String, Long> byClaim) {
        String s = byClaim.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
        return s.isEmpty() ? "" : ", FAIL " + s;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        } else if (last != null && last.elapsedSeconds() > lastLine) {
            line(last);
        }
    }
}
