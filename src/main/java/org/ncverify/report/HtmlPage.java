package org.ncverify.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report page: one self-contained HTML file (inline CSS, inline SVG, no script that runs,
 * a Content-Security-Policy that forbids every network load), rendered from a
 * {@link ReportData} and nothing else. Order: run facts, failures (or the statement that there
 * are none), findings (readings that FAIL while their claim does not), the per-claim summary with failing claims first, the plots, the cases with
 * failing cases first, then each data file embedded verbatim (modulo
 * {@link Html#scriptJson}) as {@code <script type="application/json" id="data-NAME">}.
 * Every string that came from an instance, a label or a command passes through {@link Html#text}.
 */
public final class HtmlPage {
    private static final String CSS = "body{font-family:sans-serif;margin:2em;max-width:1100px;color:#222}"
        + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}"
        + ".FAIL{background:#fdd;font-weight:bold}.ok{color:#060}figure{margin:1em 0}"
        + "svg{max-width:100%;height:auto;border:1px solid #eee}code{font-size:90%}";

    private HtmlPage() {
    }

    /** The plots of {@code d} as inline SVG, plot name to SVG text. */
    public static Map<String, String> plots(ReportData d) {
        Map<String, String> m = new LinkedHashMap<>();
        if (d.spectrum() != null) {
            m.put("spectrum", Svg.of(Charts.spectrum(d.spectrum()), "spectrum", 800, 450));
        }
        for (ScalarLawPlot.Curve c : d.law() == null ? List.<ScalarLawPlot.Curve>of() : d.law().curves()) {
            m.put("scalar-law-l" + c.depth(), Svg.of(Charts.scalarLaw(d.law().label(), c), "scalar-law-l" + c.depth(), 800, 400));
        }
        if (d.margins() != null) {
            m.put("margins", Svg.of(Charts.margins(d.margins()), "margins", 900, 450));
        }
        for (FigureData f : d.figures()) {
            for (Map.Entry<String, org.jfree.chart.JFreeChart> c : Charts.figure(f).entrySet()) {
                m.put(c.getKey(), Svg.of(c.getValue(), c.getKey(), 900, 500));
            }
        }
        return m;
    }

    /** The whole page; {@code files} are {@link ReportData#files()}, {@code svgs} are {@link #plots}. */
    public static String render(ReportData d, Map<String, String> files, Map<String, String> svgs) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
            .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .append("<title>ncverify report</title><style>").append(CSS).append("</style></head><body>\n")
            .append("<h1>ncverify report</h1>\n");
        run(b, d.run(), d.cases());
        hunts(b, d.hunts());
        failures(b, d.cases());
        if (d.inputs() != null) {
            InputsPage.append(b, d.inputs());
        }
        findings(b, d.cases());
        summary(b, d.summary());
        figures(b, d, svgs);
        cases(b, d.cases());
        for (Map.Entry<String, String> f : files.entrySet()) {
            b.append("<script type=\"application/json\" id=\"data-").append(Html.text(f.getKey())).append("\">")
                .append(Html.scriptJson(f.getValue())).append("</script>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static void run(StringBuilder b, RunInfo r, List<CaseResult> cases) {
        b.append("<table id=\"run\">");
        row(b, "tool", r.toolVersion());
        row(b, "git commit", r.gitCommit() == null ? "unknown" : r.gitCommit());
        row(b, "date (UTC)", r.date());
        row(b, "machine", r.machine());
        row(b, r.digits() == null ? "wall time of reading the files" : "wall time of the campaign",
            String.format(Locale.ROOT, "%.1f s", r.wallSeconds()));
        row(b, "digits", r.digits() == null ? "per case (each case's label)" : Integer.toString(r.digits()));
        row(b, "sampler seeds", r.digits() == null && r.seeds().isEmpty() ? "none (no campaign)" : r.seeds().toString());
        Map<String, Integer> groups = new LinkedHashMap<>();
        cases.forEach(c -> groups.merge(c.group(), 1, Integer::sum));
        StringBuilder g = new StringBuilder();
        groups.forEach((k, v) -> g.append(g.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        row(b, "cases", cases.size() + (groups.isEmpty() ? "" : " (" + g + ")"));
        row(b, "command", r.command());
        b.append("</table>\n");
    }

    /** Hunt findings, FALSE_AS_STATED first (the top of the page after the run facts). */
    private static void hunts(StringBuilder b, List<HuntFindingRow> rows) {
        b.append("<h2 id=\"hunt-findings\">Hunt findings</h2>\n");
        if (rows.isEmpty()) {
            b.append("<p>No hunt findings in this report.</p>\n");
            return;
        }
        List<HuntFindingRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((HuntFindingRow r) -> !r.falseAsStated()));
        long counter = rows.stream().filter(HuntFindingRow::falseAsStated).count();
        b.append(counter > 0 ? "<p class=\"FAIL\">" + counter + " FALSE_AS_STATED finding(s): counterexamples.</p>"
            : "<p class=\"ok\">No FALSE_AS_STATED finding.</p>");
        b.append("<table><tr><th>class</th><th>claim</th><th>reading</th><th>residual</th><th>tolerance</th>"
            + "<th>shrunk instance</th><th>count</th><th>source</th><th>replay</th><th>detail</th></tr>");
        for (HuntFindingRow r : sorted) {
            b.append(r.falseAsStated() ? "<tr class=\"FAIL\">" : "<tr>");
            cells(b, r.kind(), r.claimId(), orDash(r.reading()), orDash(r.residual()), orDash(r.tolerance()), r.shrunk(),
                Integer.toString(r.count()), r.source());
            b.append("<td><code>").append(Html.text(r.replay())).append("</code></td><td>").append(Html.text(r.detail()))
                .append("</td></tr>");
        }
        b.append("</table>\n");
    }

    private static void failures(StringBuilder b, List<CaseResult> cases) {
        List<CaseResult> bad = cases.stream().filter(CaseResult::fails).toList();
        b.append("<h2 id=\"failures\">Failures</h2>\n");
        if (bad.isEmpty()) {
            b.append("<p class=\"ok\">No claim FAILs on any of the ").append(cases.size()).append(" cases.</p>\n");
            return;
        }
        b.append("<table><tr><th>case</th><th>claim</th><th>residual</th><th>tolerance</th><th>reading</th><th>replay</th></tr>");
        for (CaseResult c : bad) {
            for (VerdictRow v : c.verdicts()) {
                if (v.status().equals("FAIL")) {
                    b.append("<tr class=\"FAIL\">");
                    cells(b, c.label(), v.claimId(), orDash(v.residual()), orDash(v.tolerance()), v.reading());
                    b.append("<td><code>").append(Html.text(c.replay())).append("</code></td></tr>");
                }
            }
        }
        b.append("</table>\n");
    }

    private static void findings(StringBuilder b, List<CaseResult> cases) {
        b.append("<h2 id=\"findings\">Findings: readings that FAIL while their claim does not</h2>\n");
        StringBuilder rows = new StringBuilder();
        for (CaseResult c : cases) {
            for (VerdictRow v : c.verdicts()) {
                for (String r : v.failingReadings()) {
                    rows.append("<tr>");
                    cells(rows, c.label(), v.claimId() + " " + v.status(), r);
                    rows.append("<td><code>").append(Html.text(c.replay())).append("</code></td></tr>");
                }
            }
        }
        if (rows.length() == 0) {
            b.append("<p class=\"ok\">None.</p>\n");
            return;
        }
        b.append("<p>SPEC section 3: a reading that fails while the claim holds is a finding (hypothesis needed).</p>")
            .append("<table><tr><th>case</th><th>claim</th><th>failing reading</th><th>replay</th></tr>")
            .append(rows).append("</table>\n");
    }

    private static void summary(StringBuilder b, List<ClaimTally> tallies) {
        List<ClaimTally> sorted = new ArrayList<>(tallies);
        sorted.sort(Comparator.comparing((ClaimTally t) -> t.fail() == 0));
        b.append("<h2>Summary per claim</h2>\n<table id=\"summary\"><tr><th>claim</th><th>PASS</th><th>FAIL</th>"
            + "<th>NOT_APPLICABLE</th><th>INCONCLUSIVE</th><th>worst log10(residual/tolerance)</th><th>worst case</th></tr>");
        for (ClaimTally t : sorted) {
            b.append(t.fail() > 0 ? "<tr class=\"FAIL\">" : "<tr>");
            cells(b, t.claimId(), Integer.toString(t.pass()), Integer.toString(t.fail()),
                Integer.toString(t.notApplicable()), Integer.toString(t.inconclusive()),
                t.worstMargin() == null ? t.worstNote() : String.format(Locale.ROOT, "%.2f", t.worstMargin()), t.worstCase());
            b.append("</tr>");
        }
        b.append("</table>\n");
    }

    private static void figures(StringBuilder b, ReportData d, Map<String, String> svgs) {
        b.append("<h2>Plots</h2>\n");
        for (Map.Entry<String, String> e : svgs.entrySet()) {
            b.append("<figure id=\"plot-").append(Html.text(e.getKey())).append("\">").append(e.getValue())
                .append("<figcaption>").append(Html.text(caption(e.getKey(), d))).append("</figcaption></figure>\n");
        }
    }

    private static String caption(String plot, ReportData d) {
        if (plot.equals("spectrum")) {
            return "s_i^2 of " + d.spectrum().label() + " for i < K inside [n_(i+1), n_(i)] (claim C8); s_K^2 = 0 is "
                + "left off the log axis. Data: data/spectrum.json.";
        }
        for (FigureData f : d.figures()) {
            if (plot.equals(f.id()) || plot.startsWith(f.id() + "-")) {
                return f.caption();
            }
        }
        if (plot.startsWith("scalar-law")) {
            return "p*(s) of " + d.law().label() + " rebuilt at this depth (same sizes, d, decays), at "
                + ScalarLawPlot.DIGITS + " digits; blue s_i survive, red collapse. Data: data/scalar-law.json.";
        }
        StringBuilder c = new StringBuilder("One point per finite margin over the seeded sample; not plotted: ");
        for (MarginDistribution.ClaimMargins m : d.margins().claims()) {
            c.append(m.claimId()).append(' ').append(m.exactZero()).append(" exact/no-tolerance, ")
                .append(m.notApplicable()).append(" n/a, ").append(m.nonFiniteFail()).append(" non-finite FAIL; ");
        }
        return c.append("Data: data/margins.json.").toString();
    }

    private static void cases(StringBuilder b, List<CaseResult> cases) {
        List<CaseResult> sorted = new ArrayList<>(cases);
        sorted.sort(Comparator.comparing((CaseResult c) -> !c.fails()));
        b.append("<h2>Cases</h2>\n<table id=\"cases\"><tr><th>case</th><th>group</th><th>PASS/FAIL/NA/INC</th>"
            + "<th>seconds</th><th>replay</th></tr>");
        for (CaseResult c : sorted) {
            int[] n = new int[4];
            for (VerdictRow v : c.verdicts()) {
                n[switch (v.status()) {
                    case "PASS" -> 0;
                    case "FAIL" -> 1;
                    case "NOT_APPLICABLE" -> 2;
                    default -> 3;
                }]++;
            }
            b.append(c.fails() ? "<tr class=\"FAIL\">" : "<tr>");
            cells(b, c.label(), c.group(), n[0] + "/" + n[1] + "/" + n[2] + "/" + n[3],
                c.seconds() == null ? "not recorded" : String.format(Locale.ROOT, "%.2f", c.seconds()));
            b.append("<td><code>").append(Html.text(c.replay())).append("</code></td></tr>");
        }
        b.append("</table>\n");
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(Html.text(k)).append("</th><td>").append(Html.text(v)).append("</td></tr>");
    }

    private static void cells(StringBuilder b, String... values) {
        for (String v : values) {
            b.append("<td>").append(Html.text(v)).append("</td>");
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
