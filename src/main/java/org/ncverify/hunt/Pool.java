// STUB: owned by hunt-targeted
package org.ncverify.hunt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ncverify.instance.Instance;

/** The worst instances judged so far (largest margin first, ties by index). Immutable. */
public final class Pool {
    private final int capacity;
    private final List<Entry> entries;

    private Pool(int capacity, List<Entry> entries) {
        this.capacity = capacity;
        this.entries = List.copyOf(entries);
    }

    public static Pool empty(int capacity) {
        return new Pool(capacity, List.of());
    }

    public Pool with(long index, Instance instance, String claimId, double margin) {
        List<Entry> out = new ArrayList<>(entries);
        out.add(new Entry(index, instance, claimId, margin));
        out.sort(Comparator.comparingDouble((Entry e) -> -e.margin()).thenComparingLong(Entry::index));
        return new Pool(capacity, out.subList(0, Math.min(capacity, out.size())));
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public record Entry(long index, Instance instance, String claimId, double margin) {
    }
}
