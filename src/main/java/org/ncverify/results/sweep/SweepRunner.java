package org.ncverify.results.sweep;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.ncverify.claims.Catalogue;
import org.ncverify.linalg.Precision;

/**
 * Computes the points of a sweep on {@code threads} worker threads and hands the rows to a sink
 * in point order. Points are independent ({@link SweepRow#compute} runs each in one thread), so
 * the rows do not depend on the number of threads. At most 2 x threads points are in flight or
 * waiting for an earlier one: memory stays bounded whatever the sweep's size.
 */
public final class SweepRunner {
    /** Receives the rows, in point order, on the calling thread of {@link #run}. */
    @FunctionalInterface
    public interface Sink {
        void accept(SweepRow row) throws IOException;
    }

    private SweepRunner() {
    }

    /**
     * Runs every point of {@code grid}.
     *
     * @param threads  worker threads, &gt;= 1
     * @param sink     receives each row in point order
     * @param progress told the number of rows delivered so far, after each row
     * @return the counts over all rows
     * @throws IOException when the sink fails (the remaining points are cancelled)
     */
    public static SweepSummary run(SweepGrid grid, Precision precision, Catalogue catalogue, int threads, Sink sink,
                                   LongConsumer progress) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads = " + threads + ": must be >= 1");
        }
        long t0 = System.nanoTime();
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        SweepSummary.Counter counter = new SweepSummary.Counter();
        try {
            Deque<Future<SweepRow>> window = new ArrayDeque<>();
            long next = 0;
            long delivered = 0;
            while (delivered < grid.size()) {
                while (next < grid.size() && window.size() < 2 * threads) {
                    SweepPoint point = grid.point(next++);
                    window.add(pool.submit(() -> SweepRow.compute(point, precision, catalogue)));
                }
                SweepRow row = take(window.removeFirst());
                sink.accept(row);
                counter.add(row);
                progress.accept(++delivered);
            }
        } finally {
            pool.shutdownNow();
        }
        return counter.summary((System.nanoTime() - t0) / 1e9);
    }

    private static SweepRow take(Future<SweepRow> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
