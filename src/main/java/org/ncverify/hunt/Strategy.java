package org.ncverify.hunt;

import org.ncverify.sampling.Sample;

/**
 * How a hunt chooses instance j: a pure function of the hunt's options (seed, profile), the
 * index and the {@link Pool} of the worst instances judged before j's batch. The engine calls it
 * from several threads at once; an implementation holds no mutable state.
 */
public interface Strategy {
    /** Instance {@code index}, given the pool seen by its batch. */
    Sample draw(long index, Pool pool);
}
