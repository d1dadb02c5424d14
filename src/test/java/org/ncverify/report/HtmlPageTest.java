package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page escapes every user-visible string, embeds exactly the data files, and puts FAILs first. */
class HtmlPageTest {
    private static final Pattern SCRIPT = Pattern.compile("<script type=\"application/json\" id=\"data-([a-z.-]+)\">(.*?)</script>",
        Pattern.DOTALL);

    @Test
    void escapesHtmlSpecials() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.text("<a href=\"x\">&'"));
        assertEquals("", Html.text(null));
        assertEquals("{\"a\":\"\\u003c/script>\"}", Html.scriptJson("{\"a\":\"</script>\"}"));
    }

    @Test
    void hostileStringsNeverReachThePageRaw() {
        Map<String, String> files = Report.files(ReportFixtures.data(ReportFixtures.HOSTILE, true));
        String page = files.get("index.html");
        assertFalse(page.contains("<script>alert"), "raw script tag from a label");
        assertFalse(page.contains("<img"), "raw img tag from a label");
        assertFalse(page.contains("<!-- <img"), "raw comment from a label");
        assertTrue(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;"));
        // the only script elements are the inert JSON data blocks, one per data file
        int scripts = page.split("<script", -1).length - 1;
        assertEquals(files.size() - 1, scripts, "one <script type=application/json> per data file, nothing else");
        assertEquals(scripts, count(page, "<script type=\"application/json\""));
    }

    @Test
    void thePageLoadsNothingFromOutside() {
        String page = Report.files(ReportFixtures.data("plain", false)).get("index.html");
        assertTrue(page.contains("Content-Security-Policy\" content=\"default-src 'none'"));
        // the only URLs are the SVG/XLink namespace names, which are never fetched
        String withoutNs = page.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "");
        assertFalse(withoutNs.contains("http://") || withoutNs.contains("https://") || withoutNs.contains(" src="),
            "the page refers to something outside itself");
    }

    @Test
    void embeddedDataEqualsTheDataFiles() throws Exception {
        Map<String, String> files = Report.files(ReportFixtures.data(ReportFixtures.HOSTILE, false));
        ObjectMapper m = new ObjectMapper();
        Matcher s = SCRIPT.matcher(files.get("index.html"));
        int seen = 0;
        while (s.find()) {
            String file = files.get("data/" + s.group(1));
            JsonNode embedded = m.readTree(s.group(2));
            assertEquals(m.readTree(file), embedded, s.group(1));
            assertEquals(1, embedded.get("schemaVersion").asInt(), s.group(1));
            assertEquals(file, s.group(2).replace("\\u003c", "<"), "byte-identical up to the escape of <: " + s.group(1));
            seen++;
        }
        assertEquals(files.size() - 1, seen, "every data file is embedded");
    }

    @Test
    void failuresComeFirstAndFindingsAreShown() {
        String page = Report.files(ReportFixtures.data("case-a", true)).get("index.html");
        int fail = page.indexOf("<tr class=\"FAIL\">");
        assertTrue(fail > 0 && fail < page.indexOf("id=\"summary\""), "a FAIL row precedes the summary table");
        assertTrue(page.indexOf("id=\"failures\"") < page.indexOf("<h2>Plots"));
        assertTrue(page.contains("case-a (margin 42.00)"), "a failing reading is listed as a finding");
        String ok = Report.files(ReportFixtures.data("case-a", false)).get("index.html");
        assertTrue(ok.contains("No claim FAILs on any of the 1 cases."));
        assertFalse(ok.contains("<tr class=\"FAIL\">"));
    }

    @Test
    void nonFiniteValuesAreNullInTheDataNeverStrings() throws Exception {
        String summary = Report.files(ReportFixtures.data("x", false)).get("data/summary.json");
        JsonNode n = new ObjectMapper().readTree(summary);
        JsonNode na = n.get("cases").get(0).get("verdicts").get(2);
        assertTrue(na.get("margin").isNull());
        assertTrue(na.get("residual").isNull());
        assertFalse(summary.contains("NaN") || summary.contains("Infinity"));
    }

    private static int count(String s, String sub) {
        return s.split(Pattern.quote(sub), -1).length - 1;
    }
}
