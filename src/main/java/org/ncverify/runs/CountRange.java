package org.ncverify.runs;

/**
 * A closed range min..max of direction counts (numbers of surviving directions, singular
 * values of W_L...W_1 X that are not 0). Immutable.
 *
 * @param min smallest count, &gt;= 0
 * @param max largest count, &gt;= min
 */
public record CountRange(int min, int max) {
    public CountRange {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("count range " + min + ".." + max + ": need 0 <= min <= max");
        }
    }

    /** True when min &lt;= k &lt;= max. */
    public boolean contains(int k) {
        return k >= min && k <= max;
    }

    /** "2", or "0..2" when the range holds several counts. */
    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + ".." + max;
    }
}
