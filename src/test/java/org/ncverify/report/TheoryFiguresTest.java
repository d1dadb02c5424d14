package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.InstanceJson;
import org.ncverify.linalg.Precision;
import org.ncverify.spectrum.YhatSpectrum;

/**
 * The theory figures of a quick campaign on a small grid: their data is the theory's (spectra
 * inside the interlacing bounds and equal to an independent spectrum, the normalised scalar law's
 * jump (L-1)/L), each is drawn as a non-empty SVG, and each lands in data/&lt;id&gt;.json.
 */
class TheoryFiguresTest {
    private static final TheoryFigures.Grid SMALL = new TheoryFigures.Grid(4, 500, 7);
    private static List<FigureData> figures;

    @BeforeAll
    static void build() {
        figures = TheoryFigures.of(Campaign.quick(20, 1, 0), SMALL);
    }

    private static <T> T figure(Class<T> type) {
        return figures.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    @Test
    void fiveFiguresInPageOrder() {
        assertEquals(List.of("singular-values-vs-rho", "scalar-law-compare", "minority-collapse", "phase-diagram", "geometry"),
            figures.stream().map(FigureData::id).toList());
    }

    @Test
    void singularValuesLieInTheirBoundsAndMatchAnIndependentSpectrum() {
        ImbalanceSpectrum d = figure(ImbalanceSpectrum.class);
        assertEquals(SMALL.rhoPoints(), d.columns().size());
        assertEquals(1.0, d.columns().get(0).rho());
        assertEquals(500.0, d.columns().get(SMALL.rhoPoints() - 1).rho());
        for (ImbalanceSpectrum.Column c : d.columns()) {
            for (int i = 0; i < 99; i++) {
                assertTrue(c.lower()[i] * (1 - 1e-14) <= c.s()[i] && c.s()[i] <= c.upper()[i] * (1 + 1e-14),
                    "rho " + c.rho() + ", i = " + (i + 1));
            }
        }
        double[] at1 = d.columns().get(0).s();
        for (double s : at1) {
            assertEquals(Math.sqrt(500), s, 1e-12, "balanced at rho = 1");
        }
        ImbalanceSpectrum.Column last = d.columns().get(SMALL.rhoPoints() - 1);
        YhatSpectrum ref = YhatSpectrum.compute(NamedCase.longTail(100, 500, 500), Precision.of(40));
        for (int i = 0; i < 99; i++) {
            assertEquals(ref.singularValue(i).doubleValue(), last.s()[i], 1e-14 * last.s()[i], "i = " + (i + 1));
        }
    }

    @Test
    void normalisedScalarLawJumpsToLMinusOneOverL() {
        ScalarLawComparison d = figure(ScalarLawComparison.class);
        assertEquals(3, d.normalised().curves().size());
        for (ScalarLawPlot.Curve c : d.normalised().curves()) {
            int l = c.depth();
            assertEquals((l - 1.0) / l, c.jump(), 1e-15);
            for (int g = 0; g < c.s().length; g++) {
                double x = c.s()[g];
                double y = c.p()[g];
                if (x < 1) {
                    assertEquals(0.0, y, "below s_crit, L = " + l);
                } else if (x > 1 && l == 1) {
                    assertEquals(x - 1, y, 1e-12, "soft threshold");
                } else if (x > 1) {
                    assertTrue(y >= c.jump() * (1 - 1e-12), "above s_crit p*/s_crit >= (L-1)/L, L = " + l);
                }
            }
            for (ScalarLawPlot.Mark m : c.marks()) {
                assertEquals(m.p() > 0, m.surviving());
            }
        }
    }

    @Test
    void everyFigureDrawsAsANonEmptySvg() {
        List<String> ids = new ArrayList<>();
        for (FigureData f : figures) {
            for (Map.Entry<String, JFreeChart> e : Charts.figure(f).entrySet()) {
                String svg = Svg.of(e.getValue(), e.getKey(), 900, 500);
                assertTrue(svg.startsWith("<svg") && svg.length() > 5000, e.getKey() + ": " + svg.length());
                assertTrue(svg.contains("viewBox=\"0 0 900 500\""));
                ids.add(e.getKey());
            }
        }
        assertEquals(List.of("singular-values-vs-rho", "scalar-law-compare", "minority-collapse", "phase-diagram-l1",
            "phase-diagram-l2", "phase-diagram-l3", "geometry-rows", "geometry-columns", "geometry-cosines"), ids);
    }

    @Test
    void eachFigureIsWrittenAsItsDataFile() throws Exception {
        ReportData d = new ReportData(new RunInfo("t", null, "2026-12-02T00:00:00Z", "m", 1, 20, List.of(), "c"), List.of(),
            List.of(), new SpectrumPlot("x", List.of()), new ScalarLawPlot("x", List.of()),
            MarginDistribution.of(List.of(), List.of()), figures, List.of());
        Map<String, String> files = d.files();
        for (FigureData f : figures) {
            JsonNode root = InstanceJson.mapper().readTree(files.get(f.id() + ".json"));
            assertEquals(1, root.get("schemaVersion").asInt());
            assertEquals(f.id(), root.get("figure").get("id").asText());
            assertFalse(files.get(f.id() + ".json").contains("NaN"));
        }
        JsonNode phase = InstanceJson.mapper().readTree(files.get("phase-diagram.json")).get("figure");
        assertEquals(3, phase.get("panels").size());
        assertEquals(SMALL.rhoPoints(), phase.get("panels").get(0).get("surviving").size());
        JsonNode minority = InstanceJson.mapper().readTree(files.get("minority-collapse.json")).get("figure");
        assertTrue(minority.get("depths").get(0).get("directions").get(99).get("lambda").isNull());
    }

    @Test
    void aGridBeyondNMaxIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LongTailFamily.of(100, 500, 1000, 3, 20));
        assertThrows(IllegalArgumentException.class, () -> LongTailFamily.of(100, 500, 100, 1, 20));
    }
}
