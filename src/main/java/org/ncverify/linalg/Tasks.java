package org.ncverify.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;

/**
 * The one fan-out of independent computations onto a caller's executor (the secular roots and
 * vectors of {@code spectrum.YhatSpectrum}, the claims of {@code claims.Catalogue}): the caller
 * chooses the parallelism, a direct executor ({@code Runnable::run}) runs the tasks in turn.
 */
public final class Tasks {
    private Tasks() {
    }

    /**
     * task(0), ..., task(count - 1), each submitted to {@code executor}; the results in index
     * order whatever the order of completion. An exception of a task is rethrown as it was thrown
     * (not wrapped in a CompletionException).
     */
    public static <T> List<T> onEach(int count, IntFunction<T> task, Executor executor) {
        List<CompletableFuture<T>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(CompletableFuture.supplyAsync(() -> task.apply(index), executor));
        }
        List<T> out = new ArrayList<>(count);
        for (CompletableFuture<T> f : futures) {
            try {
                out.add(f.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
        return out;
    }
}
