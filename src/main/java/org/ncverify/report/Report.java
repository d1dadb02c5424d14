package org.ncverify.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** The files of a report directory: {@code data/*.json} from {@link ReportData#files()} and the page that embeds them. */
public final class Report {
    private Report() {
    }

    /** Relative path to UTF-8 text: {@code data/NAME.json} for each data file, then {@code index.html}. */
    public static Map<String, String> files(ReportData d) {
        Map<String, String> data = d.files();
        Map<String, String> out = new LinkedHashMap<>();
        data.forEach((name, json) -> out.put("data/" + name, json));
        out.put(ReportWriter.INDEX, HtmlPage.render(d, data, HtmlPage.plots(d)));
        return out;
    }
}
