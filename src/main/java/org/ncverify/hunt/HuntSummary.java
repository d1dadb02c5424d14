package org.ncverify.hunt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a hunt (or of the part of it a journal holds): how many instances were judged
 * and how many could not be, the distinct findings (each with its count) by kind, how many
 * instances FAILed each claim, why it stopped, and the seconds spent judging. Immutable.
 *
 * @param instances     instances judged (errors included)
 * @param errors        instances whose judgement threw (a bug, not a finding)
 * @param findingsByKind distinct findings per kind, every kind listed
 * @param failsByClaim  claim id to the number of instances whose closed form FAILs it
 * @param findings      the distinct findings, first occurrence first, each with its count
 * @param stop          {@value #COUNT}, {@value #TIME}, {@value #INTERRUPTED} or {@value #INCOMPLETE}
 * @param seconds       seconds spent judging over every session (null when unknown)
 */
public record HuntSummary(long instances, long errors, Map<FindingClass, Integer> findingsByKind,
                          Map<String, Long> failsByClaim, List<Finding> findings, String stop, Double seconds) {
    /** Every instance of the count was judged. */
    public static final String COUNT = "count";
    /** The time budget ran out. */
    public static final String TIME = "time";
    /** Stopped by a signal (Ctrl-C): resume to continue. */
    public static final String INTERRUPTED = "interrupted";
    /** A merge of journals that did not all finish. */
    public static final String INCOMPLETE = "incomplete";

    public HuntSummary {
        findingsByKind = Collections.unmodifiableMap(new LinkedHashMap<>(findingsByKind));
        failsByClaim = Collections.unmodifiableMap(new LinkedHashMap<>(failsByClaim));
        findings = List.copyOf(findings);
    }

    /** True when some finding is FALSE_AS_STATED (a counterexample to a claim as stated). */
    public boolean falseAsStated() {
        return findingsByKind.getOrDefault(FindingClass.FALSE_AS_STATED, 0) > 0;
    }
}
