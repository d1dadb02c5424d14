package org.ncverify.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * The part of the page that only a report built from files has (rendering only): the table of
 * input files (path, kind, SHA-256, size, what was read) and, per hunt journal, its header
 * options and its outcome (instances judged, errors, stop reason, judging time, distinct
 * findings per class, FAIL count per claim). Every string passes through {@link Html#text}.
 */
final class InputsPage {
    private InputsPage() {
    }

    /** Appends the inputs section. */
    static void append(StringBuilder b, Inputs in) {
        b.append("<h2 id=\"inputs\">Input files</h2>\n<p>Every number on this page comes from these files (the data "
            + "behind it is in data/*.json); none was recomputed.</p>\n<table id=\"input-files\"><tr><th>file</th>"
            + "<th>kind</th><th>SHA-256</th><th>bytes</th><th>read</th></tr>");
        for (InputFile f : in.files()) {
            b.append("<tr><td><code>").append(Html.text(f.path())).append("</code></td><td>")
                .append(Html.text(f.kind() + (f.gzip() ? " (gzip)" : ""))).append("</td><td><code>")
                .append(Html.text(f.sha256())).append("</code></td><td>").append(f.bytes()).append("</td><td>")
                .append(Html.text(f.note())).append("</td></tr>");
        }
        b.append("</table>\n");
        for (JournalSummary j : in.journals()) {
            journal(b, j);
        }
    }

    private static void journal(StringBuilder b, JournalSummary j) {
        b.append("<h3>Hunt journal <code>").append(Html.text(j.source())).append("</code></h3>\n<table class=\"journal\">");
        row(b, "tool", j.tool());
        JsonNode o = j.options();
        for (String k : new String[] {"profile", "seed", "count", "time", "digits", "claims", "strategy", "withOptimizer",
            "userClaims", "batch"}) {
            if (o != null && o.has(k)) {
                JsonNode v = o.get(k);
                row(b, k.equals("time") ? "time budget (s)" : k, v.isNull() ? "none" : v.isTextual() ? v.asText() : v.toString());
            }
        }
        row(b, "shard", j.shard());
        row(b, "instances judged", Long.toString(j.instances()));
        row(b, "errors (instances that could not be judged)", Long.toString(j.errors()));
        row(b, "stop", j.stop() == null ? "no summary record after the last batch (torn, interrupted or still running);"
            + " read as --resume reads it" : j.stop());
        row(b, "judging time", j.seconds() == null ? "not recorded" : String.format(Locale.ROOT, "%.1f s", j.seconds()));
        row(b, "lines dropped as --resume drops them (torn line, uncommitted batch)", Integer.toString(j.droppedLines()));
        StringBuilder kinds = new StringBuilder();
        for (Map.Entry<String, Integer> e : j.findingsByKind().entrySet()) {
            kinds.append(kinds.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        row(b, "distinct findings", kinds.toString());
        StringBuilder fails = new StringBuilder();
        for (Map.Entry<String, Long> e : j.failsByClaim().entrySet()) {
            fails.append(fails.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
        }
        row(b, "instances whose closed form FAILs, per claim", fails.toString());
        b.append("</table>\n");
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(Html.text(k)).append("</th><td>").append(Html.text(v)).append("</td></tr>");
    }
}
