package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Catalogue;
import org.ncverify.instance.InstanceJson;

/**
 * What a campaign puts at the top of its page: a step that FAILs (a real FAIL of a false test
 * claim on an imbalanced case, {@link BalancedClassesClaim}) in the Failures table before the
 * summary and the plots, and the findings of the campaign's hunt with their replay commands
 * before everything else (also in data/hunt-findings.json).
 */
class CampaignPageTest {
    private static final Catalogue WITH_FALSE_CLAIM = Catalogue.all().plus(List.of(new BalancedClassesClaim()));

    @Test
    void aFailingStepIsAtTheTopOfThePage() {
        List<NamedCase> small = DefaultCampaign.small();
        Campaign c = new Campaign(small.subList(0, 2), List.of(), 30, 1);
        ReportData d = c.run(WITH_FALSE_CLAIM, "test", null, "test", CampaignProgress.NONE);
        CaseResult balanced = d.cases().get(0);
        CaseResult ties = d.cases().get(1);
        assertFalse(balanced.fails(), "the test claim holds on the balanced case");
        assertTrue(ties.fails(), "the test claim FAILs on (8,8,8,3,1)");
        String page = Report.files(d).get(ReportWriter.INDEX);
        int failures = page.indexOf("<h2 id=\"failures\">");
        int row = page.indexOf("<tr class=\"FAIL\"><td>ties</td><td>" + BalancedClassesClaim.ID + "</td>");
        int summary = page.indexOf("<h2>Summary per claim</h2>");
        int plots = page.indexOf("<h2>Plots</h2>");
        assertTrue(failures > 0 && row > failures && row < summary && summary < plots,
            "failures " + failures + ", row " + row + ", summary " + summary + ", plots " + plots);
        assertTrue(page.indexOf(Html.text(ties.replay()), row) > row, "the failing row carries its replay");
        assertFalse(page.contains("<td>balanced</td><td>" + BalancedClassesClaim.ID + "</td>"), "a PASS is not listed as a failure");
        ClaimTally t = d.summary().stream().filter(x -> x.claimId().equals(BalancedClassesClaim.ID)).findFirst().orElseThrow();
        assertEquals(1, t.pass());
        assertEquals(1, t.fail());
    }

    @Test
    void theCampaignHuntsFindingsAppearWithTheirReplayCommands() throws Exception {
        Campaign c = new Campaign(DefaultCampaign.small().subList(0, 1), List.of(), 30, 0, List.of(),
            List.of(new HuntStep("true-ties", 1, 1)));
        ReportData d = c.run(Catalogue.all(), "test", null, "test", CampaignProgress.NONE);
        assertFalse(d.hunts().isEmpty(), "true ties give C7's independent-bases finding on every instance");
        Map<String, String> files = Report.files(d);
        String page = files.get(ReportWriter.INDEX);
        int hunts = page.indexOf("<h2 id=\"hunt-findings\">");
        int failures = page.indexOf("<h2 id=\"failures\">");
        assertTrue(hunts > 0 && hunts < failures, "hunt findings head the page");
        JsonNode data = InstanceJson.mapper().readTree(files.get("data/hunt-findings.json"));
        assertEquals(d.hunts().size(), data.get("huntFindings").size());
        for (int i = 0; i < d.hunts().size(); i++) {
            HuntFindingRow r = d.hunts().get(i);
            assertEquals("campaign hunt true-ties seed 1", r.source());
            assertTrue(r.replay().startsWith("ncverify verify "), r.replay());
            int at = page.indexOf("<code>" + Html.text(r.replay()) + "</code>", hunts);
            assertTrue(at > hunts && at < failures, "replay of finding " + i + " in the hunt table: " + r.replay());
            assertEquals(r.replay(), data.get("huntFindings").get(i).get("replay").asText());
        }
    }
}
