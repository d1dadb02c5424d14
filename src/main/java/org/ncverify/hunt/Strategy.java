// STUB: owned by hunt-engine
package org.ncverify.hunt;

import org.ncverify.sampling.Sample;

/** How a hunt picks instance j: a pure function of (hunt seed, index, pool). */
public interface Strategy {
    /** Instance {@code index} of the hunt, given the pool of the worst instances judged before its batch. */
    Sample draw(long index, Pool pool);
}
