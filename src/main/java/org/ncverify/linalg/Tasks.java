package org.ncverify.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The one fan-out of independent computations onto a caller's executor (the secular roots,
 * certificate brackets and singular pairs of {@code spectrum}, the scalar problems and Gram rows
 * of {@code theory}, the claims of {@code claims.Catalogue}): the caller chooses the parallelism,
 * a direct executor ({@code Runnable::run}) runs the tasks in turn.
 *
 * <p>The calling thread takes part: the tasks are handed out by one shared counter to the caller
 * and to helpers submitted to the executor, and the caller waits only for tasks a helper has
 * already started. So a fan-out from inside a task of the same pool (a claim building the
 * certificate while another claim waits for it) never waits for a pool thread that is not
 * running its work: nested fan-outs cannot deadlock, and a busy or shut-down executor only
 * means the caller does the work itself.
 */
public final class Tasks {
    private Tasks() {
    }

    /**
     * task(0), ..., task(count - 1), each run once, by the calling thread or by a helper on
     * {@code executor}; the results in index order whatever the order of completion. Every
     * task runs even when another throws; then the exception of the lowest failing index is
     * rethrown as it was thrown.
     */
    public static <T> List<T> onEach(int count, IntFunction<T> task, Executor executor) {
        Object[] results = new Object[count];
        Throwable[] failures = new Throwable[count];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    results[i] = task.apply(i);
                } catch (RuntimeException | Error e) {
                    failures[i] = e;
                } finally {
                    done.countDown();
                }
            }
        };
        int helpers = Math.min(count - 1, Runtime.getRuntime().availableProcessors());
        for (int t = 0; t < helpers && next.get() < count; t++) {
            try {
                executor.execute(worker);
            } catch (RejectedExecutionException e) {
                break; // the caller does the rest
            }
        }
        worker.run();
        awaitUninterruptibly(done);
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (failures[i] instanceof RuntimeException r) {
                throw r;
            }
            if (failures[i] instanceof Error err) {
                throw err;
            }
            @SuppressWarnings("unchecked")
            T value = (T) results[i];
            out.add(value);
        }
        return out;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
