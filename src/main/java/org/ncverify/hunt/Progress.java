package org.ncverify.hunt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a running hunt stands after a batch, for a progress display. Immutable.
 *
 * @param done          instances of this shard judged (resumed ones included)
 * @param total         instances of this shard in all, or -1 for a time budget
 * @param judgedNow     instances judged in this session
 * @param elapsedSeconds seconds since this session started judging
 * @param findings      distinct findings so far
 * @param failsByClaim  claim id to the instances whose closed form FAILs it
 */
public record Progress(long done, long total, long judgedNow, double elapsedSeconds, int findings,
                       Map<String, Long> failsByClaim) {
    public Progress {
        failsByClaim = Collections.unmodifiableMap(new LinkedHashMap<>(failsByClaim));
    }

    /** Instances per second in this session (0 before the first second's worth). */
    public double rate() {
        return elapsedSeconds <= 0 ? 0 : judgedNow / elapsedSeconds;
    }
}
