package org.ncverify.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The progress of a sweep on stderr: a progress bar (me.tongfei:progressbar) when stderr is a
 * terminal and CI is not set, otherwise plain lines ("sweep: 13/123 points (10%), 2.1 s") at every
 * tenth of the points and at the end; nothing with --quiet. {@link #close} may be called more than
 * once (the command closes the bar before its summary line, and again on the way out).
 */
abstract class SweepProgress implements LongConsumer, AutoCloseable {
    /** The progress display for {@code total} points. */
    static SweepProgress of(long total, PrintWriter err, boolean quiet) {
        if (quiet) {
            return new SweepProgress() {
                @Override
                public void accept(long done) {
                }
            };
        }
        if (Terminal.interactive()) {
            return new Bar(total);
        }
        return new Lines(total, err);
    }

    @Override
    public void close() {
    }

    /** The terminal's bar. */
    private static final class Bar extends SweepProgress {
        private final ProgressBar bar;
        private boolean closed;

        Bar(long total) {
            bar = new ProgressBarBuilder().setTaskName("sweep").setInitialMax(total).setUnit(" points", 1)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }

        @Override
        public void accept(long done) {
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                bar.close();
            }
        }
    }

    /** Plain lines, for logs and CI. */
    private static final class Lines extends SweepProgress {
        private final long total;
        private final PrintWriter err;
        private final long t0 = System.nanoTime();
        private long lastTenth;

        Lines(long total, PrintWriter err) {
            this.total = total;
            this.err = err;
        }

        @Override
        public void accept(long done) {
            long tenth = done * 10 / total;
            if (tenth > lastTenth || done == total) {
                lastTenth = tenth;
                err.println(String.format(Locale.ROOT, "sweep: %d/%d points (%d%%), %.1f s", done, total, done * 100 / total,
                    (System.nanoTime() - t0) / 1e9));
                err.flush();
            }
        }
    }
}
