package org.ncverify.theory;

/** Where a singular value s lies relative to the threshold s_crit of the scalar law. */
public enum ThresholdSide {
    /** s &lt; s_crit. */
    BELOW,
    /** s = s_crit (proven exactly, or within the rounding band when no proof is at hand). */
    AT,
    /** s &gt; s_crit. */
    ABOVE,
    /** The exact comparison could not decide (the certified bracket of s^2 contains s_crit^2). */
    UNDECIDED
}
