package org.ncverify.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a hunt after its committed records: the pool the next batch sees, the distinct
 * findings (first occurrence kept, counts summed), the FAIL count of every claim, the instances
 * judged and the seconds spent. The engine updates it in index order; resume and merge rebuild
 * it by {@link #replay} from a journal's records, so the three agree by construction. Mutable,
 * confined to one thread.
 */
public final class HuntState {
    private Pool pool = Pool.empty(HuntOptions.POOL_CAPACITY);
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, Long> failsByClaim = new LinkedHashMap<>();
    private long instances;
    private long errors;
    private double seconds;

    /** The state after {@code records} (batch, finding and repeat records; the rest is ignored). */
    public static HuntState replay(List<JsonNode> records) {
        HuntState s = new HuntState();
        for (JsonNode r : records) {
            switch (r.path("type").asText()) {
                case Records.BATCH -> {
                    for (JsonNode i : r.path("instances")) {
                        s.accept(Records.instanceRecord(i));
                    }
                    if (r.path("seconds").isNumber()) {
                        s.seconds += r.path("seconds").asDouble();
                    }
                }
                case Records.FINDING -> s.occurrence(Records.finding(r));
                case Records.REPEAT -> s.repeat(r.path("key").asText(), r.path("index").asLong());
                default -> {
                }
            }
        }
        return s;
    }

    /** The pool the next batch sees. */
    public Pool pool() {
        return pool;
    }

    /** Instances recorded. */
    public long instances() {
        return instances;
    }

    /** Seconds recorded by the batches. */
    public double seconds() {
        return seconds;
    }

    /** How many distinct findings so far. */
    public int distinctFindings() {
        return findings.size();
    }

    /** Claim id to FAIL count, in the order the claims were first recorded. */
    public Map<String, Long> failsByClaim() {
        return java.util.Collections.unmodifiableMap(failsByClaim);
    }

    /** Records one judged instance: counts, FAILs and the pool. */
    public void accept(InstanceRecord r) {
        instances++;
        if (r.error() != null) {
            errors++;
        }
        r.statuses().forEach((id, status) -> failsByClaim.merge(id, "FAIL".equals(status) ? 1L : 0L, Long::sum));
        if (r.worstClaim() != null) {
            pool = pool.with(r.index(), r.instance(), r.worstClaim(), r.worstMargin());
        }
    }

    /** Adds seconds spent judging. */
    public void addSeconds(double s) {
        seconds += s;
    }

    /** Records a finding; true when it is new (a finding record), false when it repeats one (a repeat record). */
    public boolean occurrence(Finding f) {
        Finding known = findings.get(f.key());
        if (known == null) {
            findings.put(f.key(), f);
            return true;
        }
        findings.put(f.key(), known.plus(f.count()));
        return false;
    }

    /** A repeat record: the finding of {@code key} seen again at {@code index}. */
    void repeat(String key, long index) {
        Finding known = findings.get(key);
        if (known == null) {
            throw new org.ncverify.instance.InputException("a repeat record at index " + index
                + " names a finding that no earlier record holds: " + key);
        }
        findings.put(key, known.plus(1));
    }

    /** The summary of this state. */
    public HuntSummary summary(String stop, Double totalSeconds) {
        Map<FindingClass, Integer> byKind = new EnumMap<>(FindingClass.class);
        for (FindingClass k : FindingClass.values()) {
            byKind.put(k, 0);
        }
        findings.values().forEach(f -> byKind.merge(f.kind(), 1, Integer::sum));
        return new HuntSummary(instances, errors, byKind, failsByClaim, List.copyOf(findings.values()), stop, totalSeconds);
    }
}
