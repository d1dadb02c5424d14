package org.ncverify.hunt;

import java.util.Map;
import org.ncverify.instance.InputException;

/**
 * The part of a hunt's instance indices one process judges: shard i of m holds the indices j
 * with j mod m = i (0 &lt;= i &lt; m). The whole hunt is shard 0 of 1. Immutable.
 *
 * @param index i, 0 &lt;= i &lt; count
 * @param count m &gt;= 1
 */
public record Shard(int index, int count) {
    /** The whole hunt. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new InputException("--shard = " + index + "/" + count + ": expected i/m with m >= 1 and 0 <= i < m");
        }
    }

    /** Parses {@code "i/m"}; anything else is bad input naming the flag. */
    public static Shard parse(String text) {
        String t = text == null ? "" : text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw new InputException("--shard = " + text + ": expected i/m (e.g. 0/4)");
        }
        try {
            return new Shard(Integer.parseInt(t.substring(0, slash).trim()), Integer.parseInt(t.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new InputException("--shard = " + text + ": expected i/m with integers i and m");
        }
    }

    /**
     * The shard of a Slurm array task: i = SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN (MIN
     * taken as 0 when unset), m = SLURM_ARRAY_TASK_COUNT; {@link #ALL} when the task id is
     * unset. Malformed or inconsistent variables are bad input naming them.
     */
    public static Shard fromEnvironment(Map<String, String> env) {
        String id = env.get("SLURM_ARRAY_TASK_ID");
        if (id == null || id.isBlank()) {
            return ALL;
        }
        String count = env.get("SLURM_ARRAY_TASK_COUNT");
        String min = env.getOrDefault("SLURM_ARRAY_TASK_MIN", "0");
        try {
            int i = Integer.parseInt(id.trim()) - Integer.parseInt(min.trim());
            int m = Integer.parseInt(count == null ? "" : count.trim());
            if (m < 1 || i < 0 || i >= m) {
                throw new InputException("SLURM_ARRAY_TASK_ID = " + id + " (SLURM_ARRAY_TASK_MIN = " + min
                    + ", SLURM_ARRAY_TASK_COUNT = " + count + "): not a shard i/m with 0 <= i < m; pass --shard i/m");
            }
            return new Shard(i, m);
        } catch (NumberFormatException e) {
            throw new InputException("SLURM_ARRAY_TASK_ID = " + id + ", SLURM_ARRAY_TASK_COUNT = " + count
                + ": not integers; pass --shard i/m");
        }
    }

    /** True when index j belongs to this shard (j mod m = i). */
    public boolean contains(long j) {
        return Math.floorMod(j, (long) count) == index;
    }

    /** The k-th index of this shard (k = 0, 1, ...): i + k m. */
    public long global(long k) {
        return index + k * count;
    }

    /** How many of the indices 0..n-1 belong to this shard. */
    public long sizeOf(long n) {
        return n <= index ? 0 : (n - index + count - 1) / count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
