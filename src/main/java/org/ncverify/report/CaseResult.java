package org.ncverify.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One judged instance of a campaign: its label, its group ("named" or the sampling profile),
 * the instance (as {@code InstanceJson.write} gives it), a replay command, the verdicts and
 * the seconds it took.
 *
 * @param label    what the case is (e.g. "CIFAR-10-LT rho=10"); user-visible, HTML-escaped on the page
 * @param group    "named" for a named case, else the profile name
 * @param seed     the sampler seed, null for a named case
 * @param instance the instance in reference-cases shape
 * @param replay   one command that reproduces the verdicts
 * @param verdicts one row per claim, catalogue order
 * @param seconds  wall time of the judgement, or null when not recorded (an input file without it)
 */
public record CaseResult(String label, String group, Long seed, ObjectNode instance, String replay,
                         List<VerdictRow> verdicts, Double seconds) {
    public CaseResult {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(instance, "instance");
        verdicts = List.copyOf(verdicts);
    }

    /** A case whose judgement took {@code seconds} (a campaign's case). */
    public CaseResult(String label, String group, Long seed, ObjectNode instance, String replay,
                      List<VerdictRow> verdicts, double seconds) {
        this(label, group, seed, instance, replay, verdicts, Double.valueOf(seconds));
    }

    /** True when some verdict FAILs. */
    public boolean fails() {
        return verdicts.stream().anyMatch(v -> v.status().equals("FAIL"));
    }
}
