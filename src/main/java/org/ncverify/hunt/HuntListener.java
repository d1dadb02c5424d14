package org.ncverify.hunt;

/** Told by the engine after every committed batch (from the engine's thread); renders progress elsewhere. */
@FunctionalInterface
public interface HuntListener {
    /** Ignores everything. */
    HuntListener NONE = p -> { };

    /** A batch was committed to the journal. */
    void batch(Progress progress);
}
