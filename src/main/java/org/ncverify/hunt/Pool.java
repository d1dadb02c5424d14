package org.ncverify.hunt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.ncverify.instance.Instance;

/**
 * The worst instances a hunt has judged so far, by claim (Hypothesis' labelled targets): for
 * every claim id, at most {@code capacity} entries, where "best" means the highest score
 * ({@link Margin#score}: log10(residual / tolerance), so the entry closest to, or furthest past,
 * a FAIL comes first). Equal margins are ordered by the lower instance index. The engine may add
 * an instance once, under its worst claim, or once per claim with that claim's score; the
 * targeted strategy then picks a claim first and a parent among that claim's entries, so one
 * claim whose margin is structurally the largest (C8's residual sits about 3 decades under its
 * tolerance on every instance) does not take every slot. An instance already held under the
 * same claim is not added again (the earlier entry stays), so moves that return to a known
 * instance do not crowd the pool with copies. A NaN margin ranks as {@link Double#POSITIVE_INFINITY}
 * (something that could not be measured is the most interesting thing to look at next); a null
 * claim id (an instance without verdicts) is a claim of its own.
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

    /** An empty pool that will hold the {@code capacity} (&gt;= 1) best entries of each claim. */
    public static Pool empty(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("pool capacity " + capacity + " < 1");
        }
        return new Pool(capacity, List.of());
    }

    /**
     * This pool with instance {@code index} scored {@code margin} on claim {@code claimId}: the
     * {@code capacity} best entries of that claim among the old ones and the new one; the other
     * claims' entries unchanged (the pool itself is returned when an equal instance is already
     * held under that claim or the new entry ranks below the claim's last of a full list).
     */
    public Pool with(long index, Instance instance, String claimId, double margin) {
        Entry e = new Entry(index, instance, claimId, margin);
        int held = 0;
        Entry last = null;
        for (Entry old : entries) {
            if (Objects.equals(old.claimId(), claimId)) {
                if (old.instance().equals(instance)) {
                    return this;
                }
                held++;
                last = old;
            }
        }
        if (held >= capacity && ORDER.compare(e, last) > 0) {
            return this;
        }
        List<Entry> next = new ArrayList<>(entries.size() + 1);
        next.addAll(entries);
        next.add(e);
        next.sort(ORDER);
        if (held >= capacity) {
            next.remove(last);
        }
        return new Pool(capacity, next);
    }

    /** The claim ids held, in their natural order (null, an instance without verdicts, first). */
    public List<String> claims() {
        return entries.stream().map(Entry::claimId).distinct()
            .sorted(Comparator.nullsFirst(Comparator.<String>naturalOrder())).toList();
    }

    /** The entries of one claim, best first. */
    public List<Entry> entries(String claimId) {
        return entries.stream().filter(x -> Objects.equals(x.claimId(), claimId)).toList();
    }

    /** Every entry, best first (highest margin, then lowest index), all claims together. */
    public List<Entry> entries() {
        return entries;
    }

    /** True when nothing has been added. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The most entries kept per claim. */
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
