package org.ncverify.report;

import java.util.List;

/**
 * The files a report built by {@code ncverify report --from} was read from, in the order given,
 * and the summary of each hunt journal among them. Null in a campaign's report.
 *
 * @param files    every input file, command-line order
 * @param journals the hunt journals' summaries, in the same order
 */
public record Inputs(List<InputFile> files, List<JournalSummary> journals) {
    public Inputs {
        files = List.copyOf(files);
        journals = List.copyOf(journals);
    }
}
