package org.ncverify.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ncverify.report.CampaignProgress;

/**
 * The progress of a report campaign on stderr: on a terminal ({@link Terminal#interactive()}:
 * a console and CI unset) a progress bar (me.tongfei progressbar) over the campaign's steps
 * with the last step as its message; otherwise one plain line per step,
 * {@code report: [3/30] named: CIFAR-10-LT rho=10 (12.4 s)}, for logs and CI.
 */
final class ReportProgress implements CampaignProgress, AutoCloseable {
    private final PrintWriter err;
    private final ProgressBar bar;
    private final long t0 = System.nanoTime();

    private ReportProgress(PrintWriter err, ProgressBar bar) {
        this.err = err;
        this.bar = bar;
    }

    /** A bar of {@code total} steps when {@code interactive}, else plain lines on {@code err}. */
    static ReportProgress start(PrintWriter err, boolean interactive, int total) {
        if (!interactive) {
            return new ReportProgress(err, null);
        }
        return new ReportProgress(err, new ProgressBarBuilder().setTaskName("report").setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setUnit(" steps", 1).build());
    }

    @Override
    public void step(int done, int total, String step) {
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(" " + step);
            return;
        }
        err.println(String.format(Locale.ROOT, "report: [%d/%d] %s (%.1f s)", done, total, step, (System.nanoTime() - t0) / 1e9));
        err.flush();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
