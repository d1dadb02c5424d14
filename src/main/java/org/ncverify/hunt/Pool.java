package org.ncverify.hunt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.ncverify.instance.Instance;

/**
 * The worst instances a hunt has judged so far: at most {@code capacity} entries, ordered best
 * first, where "best" means the highest score ({@link Margin}: log10(residual / tolerance) of
 * the instance's worst claim, so the entry closest to, or furthest past, a FAIL comes first).
 * Equal margins are ordered by the lower instance index. An instance equal to one already held
 * is not added again (the earlier entry stays), so moves that return to a known instance do not
 * crowd the pool with copies. A NaN margin ranks as {@link Double#POSITIVE_INFINITY} (something
 * that could not be measured is the most interesting thing to look at next).
 *
 * <p>Immutable: {@link #with} returns a new pool. The targeted strategy reads it; the engine
 * builds it from the instances of the batches before the current one (on resume, from the
 * journal's instance records), so the pool and everything drawn from it is a function of the
 * hunt's options, never of thread timing.
 */
public final class Pool {
    /** Best first: higher margin, then lower index. */
    private static final Comparator<Entry> ORDER = Comparator.comparingDouble((Entry e) -> -rank(e.margin()))
        .thenComparingLong(Entry::index);

    private final int capacity;
    private final List<Entry> entries;

    private Pool(int capacity, List<Entry> entries) {
        this.capacity = capacity;
        this.entries = List.copyOf(entries);
    }

    /** An empty pool that will hold the {@code capacity} (&gt;= 1) best entries. */
    public static Pool empty(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("pool capacity " + capacity + " < 1");
        }
        return new Pool(capacity, List.of());
    }

    /**
     * This pool with instance {@code index} scored {@code margin} on claim {@code claimId}: the
     * {@code capacity} best of the old entries and the new one (unchanged when an equal instance
     * is already held or the new entry ranks below a full pool's last).
     */
    public Pool with(long index, Instance instance, String claimId, double margin) {
        Entry e = new Entry(index, instance, claimId, margin);
        for (Entry old : entries) {
            if (old.instance().equals(instance)) {
                return this;
            }
        }
        List<Entry> next = new ArrayList<>(entries.size() + 1);
        next.addAll(entries);
        next.add(e);
        next.sort(ORDER);
        if (next.size() > capacity) {
            if (next.get(capacity) == e) {
                return this;
            }
            next.remove(capacity);
        }
        return new Pool(capacity, next);
    }

    /** The entries, best first (highest margin, then lowest index). */
    public List<Entry> entries() {
        return entries;
    }

    /** True when nothing has been added. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The most entries kept. */
    public int capacity() {
        return capacity;
    }

    private static double rank(double margin) {
        return Double.isNaN(margin) ? Double.POSITIVE_INFINITY : margin;
    }

    @Override
    public String toString() {
        return "Pool[" + entries.size() + "/" + capacity + "]";
    }

    /**
     * One judged instance.
     *
     * @param index    its index j in the hunt
     * @param instance the instance
     * @param claimId  the claim with the largest margin on it (null when no claim scored)
     * @param margin   that margin ({@link Margin#worst})
     */
    public record Entry(long index, Instance instance, String claimId, double margin) {
        public Entry {
            Objects.requireNonNull(instance, "instance");
        }
    }
}
