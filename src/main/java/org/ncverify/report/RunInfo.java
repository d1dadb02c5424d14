package org.ncverify.report;

import java.util.List;

/**
 * How a report was produced: tool version, git commit (null when unknown), UTC date, machine,
 * wall seconds, the working digits and every seed used, and the command.
 *
 * @param toolVersion ncverify version
 * @param gitCommit   commit of the checkout, or null
 * @param date        ISO-8601 UTC instant
 * @param machine     os, arch, cores, JVM
 * @param wallSeconds wall time of the campaign (of reading the files, for a report built from files)
 * @param digits      significant digits of every judgement; null in a report built from files (each case says its own)
 * @param seeds       the sampler seeds (empty in a report built from files)
 * @param command     the command line
 */
public record RunInfo(String toolVersion, String gitCommit, String date, String machine, double wallSeconds,
                      Integer digits, List<Long> seeds, String command) {
    public RunInfo {
        seeds = List.copyOf(seeds);
    }
}
