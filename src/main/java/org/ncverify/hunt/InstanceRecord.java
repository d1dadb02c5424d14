package org.ncverify.hunt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ncverify.instance.Instance;

/**
 * What a journal records of one judged instance: its index j, where it came from (the
 * profile that generated it, the seed that replays it, the profile's note), the instance, its
 * worst claim and margin (the pool's score, {@link Margin}) and the status of every claim
 * judged on its closed form, or the error that stopped its judgement. Immutable.
 *
 * @param index    j
 * @param profile  the sampling profile that generated it ({@link Draw#name}), or the strategy's label for a moved instance
 * @param seed     the per-instance seed that replays it ({@code InstanceSampler.sample(profile, seed)}), or null
 * @param note     what the profile arranged
 * @param instance the instance
 * @param worstClaim the claim of the largest margin (first in catalogue order among equals), or null without verdicts
 * @param worstMargin log10(residual / tolerance) of that claim, possibly infinite
 * @param statuses claim id to status name, in catalogue order
 * @param optimizerStatuses claim id to status on the optimizer's best run (--with-optimizer, where it fits), else empty
 * @param error    null, or one line: why the instance could not be judged
 */
public record InstanceRecord(long index, String profile, Long seed, String note, Instance instance, String worstClaim,
                             double worstMargin, Map<String, String> statuses, Map<String, String> optimizerStatuses,
                             String error) {
    public InstanceRecord {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(instance, "instance");
        statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
        optimizerStatuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(optimizerStatuses));
    }
}
