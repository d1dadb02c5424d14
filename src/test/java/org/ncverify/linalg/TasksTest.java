package org.ncverify.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link Tasks#onEach}: index order, every task once, the lowest failing index rethrown as thrown,
 * and the nested fan-out that deadlocked a pool of 2 (one claim building the certificate under a
 * lock while the other waits for that lock) now finishes.
 */
class TasksTest {
    @Test
    void resultsComeInIndexOrderAndEveryTaskRunsOnce() {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(500);
            List<Integer> out = Tasks.onEach(500, i -> {
                runs.incrementAndGet(i);
                return i * i;
            }, pool);
            assertEquals(IntStream.range(0, 500).map(i -> i * i).boxed().toList(), out);
            for (int i = 0; i < 500; i++) {
                assertEquals(1, runs.get(i), "task " + i);
            }
            assertEquals(List.of(), Tasks.onEach(0, i -> i, pool));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLowestFailingIndexIsRethrownAsThrownAfterEveryTaskRan() {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(50);
            IllegalStateException first = new IllegalStateException("task 7");
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> Tasks.onEach(50, i -> {
                runs.incrementAndGet(i);
                if (i == 7) {
                    throw first;
                }
                if (i == 30) {
                    throw new ArithmeticException("task 30");
                }
                return i;
            }, pool));
            assertSame(first, thrown);
            for (int i = 0; i < 50; i++) {
                assertEquals(1, runs.get(i), "task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nestedFanOutUnderALockThatAnotherTaskWaitsForFinishes() {
        ForkJoinPool pool = new ForkJoinPool(2);
        Object lock = new Object();
        try {
            List<Integer> out = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Tasks.onEach(4, claim -> {
                synchronized (lock) { // every "claim" needs the shared certificate, built under the lock
                    return Tasks.onEach(200, j -> slow(j), pool).stream().mapToInt(Integer::intValue).sum() + claim;
                }
            }, pool));
            int sum = IntStream.range(0, 200).map(TasksTest::slow).sum();
            assertEquals(List.of(sum, sum + 1, sum + 2, sum + 3), out);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aShutDownExecutorMeansTheCallerDoesTheWork() {
        ExecutorService pool = new ForkJoinPool(2);
        pool.shutdownNow();
        assertEquals(List.of(0, 2, 4), Tasks.onEach(3, i -> 2 * i, pool));
        assertEquals(List.of(0, 2, 4), Tasks.onEach(3, i -> 2 * i, Runnable::run));
    }

    private static int slow(int j) {
        long x = j;
        for (int t = 0; t < 20_000; t++) {
            x = (x * 31 + t) % 1_000_003;
        }
        return (int) (x % 7) + j;
    }
}
