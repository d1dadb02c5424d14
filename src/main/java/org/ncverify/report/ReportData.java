package org.ncverify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncverify.instance.InstanceJson;

/**
 * Everything a report shows, as plain values: how it was run, the per-claim summary, every
 * judged case, and the data of each plot. Nothing on the page is computed from anything else.
 * {@link #files()} gives the JSON of each {@code data/*.json} file (each top-level object
 * carries {@code "schemaVersion": 1}); the page embeds exactly these texts.
 *
 * @param run      how it was produced
 * @param summary  per claim, catalogue order
 * @param cases    named cases first, then the sample
 * @param spectrum the spectrum plot's data
 * @param law      the scalar-law plot's data
 * @param margins  the margin distribution over the sample
 * @param figures  the further figures, page order (each written to {@code data/<id>.json})
 * @param hunts    hunt findings (from the campaign's hunt or from journals), shown at the top
 * @param inputs   the files of a report built from files ({@code report --from}), or null for a campaign
 *
 * <p>{@code spectrum}, {@code law} and {@code margins} are null in a report without a campaign
 * (built from files): the page leaves those plots out and no data file is written for them.
 */
public record ReportData(RunInfo run, List<ClaimTally> summary, List<CaseResult> cases, SpectrumPlot spectrum,
                         ScalarLawPlot law, MarginDistribution margins, List<FigureData> figures,
                         List<HuntFindingRow> hunts, Inputs inputs) {
    /** Version of every data file's shape. */
    public static final int SCHEMA_VERSION = 1;

    public ReportData {
        summary = List.copyOf(summary);
        cases = List.copyOf(cases);
        figures = List.copyOf(figures);
        hunts = List.copyOf(hunts);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (FigureData f : figures) {
            if (!f.id().matches("[a-z0-9-]+") || !ids.add(f.id())) {
                throw new IllegalArgumentException("figure id not unique or not [a-z0-9-]+: " + f.id());
            }
        }
    }

    /** A campaign's report (no input files). */
    public ReportData(RunInfo run, List<ClaimTally> summary, List<CaseResult> cases, SpectrumPlot spectrum,
                      ScalarLawPlot law, MarginDistribution margins, List<FigureData> figures,
                      List<HuntFindingRow> hunts) {
        this(run, summary, cases, spectrum, law, margins, figures, hunts, null);
    }

    /** A report without further figures and hunt findings. */
    public ReportData(RunInfo run, List<ClaimTally> summary, List<CaseResult> cases, SpectrumPlot spectrum,
                      ScalarLawPlot law, MarginDistribution margins) {
        this(run, summary, cases, spectrum, law, margins, List.of(), List.of());
    }

    /** data file name (e.g. "summary.json") to its JSON text, in page order. */
    public Map<String, String> files() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("summary.json", json(Map.of("run", run, "summary", summary, "cases", cases)));
        if (inputs != null) {
            f.put("inputs.json", json(Map.of("inputs", inputs)));
        }
        if (spectrum != null) {
            f.put("spectrum.json", json(Map.of("spectrum", spectrum)));
        }
        if (law != null) {
            f.put("scalar-law.json", json(Map.of("scalarLaw", law)));
        }
        if (margins != null) {
            f.put("margins.json", json(Map.of("margins", margins)));
        }
        f.put("hunt-findings.json", json(Map.of("huntFindings", hunts)));
        for (FigureData fig : figures) {
            f.put(fig.id() + ".json", json(Map.of("figure", fig)));
        }
        return f;
    }

    private static String json(Map<String, Object> fields) {
        ObjectMapper m = mapper();
        ObjectNode root = m.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        fields.keySet().stream().sorted().forEach(k -> root.set(k, m.valueToTree(fields.get(k))));
        try {
            return m.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report data not serialisable: " + e.getMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        return InstanceJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
