package org.ncverify.report;

/**
 * Told by {@link Campaign#run} after each step of a campaign (a named case, one profile's
 * sample, one optimizer case, one hunt, the figures): how many of the {@code total} steps are
 * done and what the last one was. Rendering (a bar, plain lines) is the caller's.
 */
@FunctionalInterface
public interface CampaignProgress {
    /** Ignores everything. */
    CampaignProgress NONE = (done, total, step) -> { };

    /**
     * Step {@code done} of {@code total} (1-based, {@code done <= total}) has finished.
     *
     * @param step what it was, e.g. "named: CIFAR-10-LT rho=10"
     */
    void step(int done, int total, String step);
}
