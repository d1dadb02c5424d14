package org.ncverify.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalLong;
import org.apfloat.Apfloat;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;

/** JSON carries residuals and tolerances with every digit (text keeps 3), and they parse back to the verdict's values. */
class JsonRendererTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Significant digits of a decimal string in scientific or plain notation. */
    private static int significant(String s) {
        String mantissa = s.replaceFirst("[eE].*$", "").replace("-", "").replace(".", "");
        return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
    }

    @Test
    void residualKeepsItsDigitsAndParsesBack() throws Exception {
        VerifyResult r = VerdictFixtures.verify(VerdictFixtures.pass(), VerdictFixtures.fail(),
            VerdictFixtures.inconclusive(), VerdictFixtures.notApplicable());
        JsonNode claims = MAPPER.readTree(r.render(new JsonRenderer())).get("claims");
        for (int i = 0; i < 3; i++) {
            Verdict v = r.verdicts().get(i);
            String residual = claims.get(i).get("residual").asText();
            assertEquals(20, significant(residual), residual);
            assertEquals(v.residual(), new Apfloat(residual), residual);
            assertEquals(v.tolerance().value(), new Apfloat(claims.get(i).get("tolerance").asText()));
            assertEquals(v.residual().doubleValue(), Double.parseDouble(residual), 1e-15 * v.residual().doubleValue());
        }
        assertEquals("INCONCLUSIVE", claims.get(2).get("status").asText());
        assertTrue(claims.get(2).get("detail").asText().startsWith("not converged"), claims.get(2).toString());
        assertTrue(claims.get(3).get("residual").isNull(), claims.get(3).toString());
        assertTrue(claims.get(3).get("tolerance").isNull(), claims.get(3).toString());
    }

    /**
     * On a computed verify (the README's instance with a tie, where rounding leaves nonzero
     * residuals): every residual round-trips, and those with more than 3 significant digits show them.
     */
    @Test
    void computedResidualsRoundTrip() throws Exception {
        Instance tie = Instance.of(new long[] {8, 8, 8, 3, 1}, 6, null, 2, new Aprational[] {Instances.dec("1e-3")},
            Instances.dec("1e-3"));
        VerifyResult r = VerifyResult.compute(tie, Precision.of(40), OptionalLong.empty(), Catalogue.all());
        JsonNode claims = MAPPER.readTree(r.render(new JsonRenderer())).get("claims");
        int longer = 0;
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < r.verdicts().size(); i++) {
            Verdict v = r.verdicts().get(i);
            String residual = claims.get(i).get("residual").asText();
            shown.append(' ').append(v.claimId()).append('=').append(residual);
            if (v.residual() == null) {
                assertTrue(claims.get(i).get("residual").isNull(), v.claimId() + ": no residual is JSON null, never \"-\"");
                continue;
            }
            assertEquals(v.residual(), new Apfloat(residual), v.claimId() + ": " + residual);
            if (!new Apfloat(v.residualText()).equals(v.residual())) {
                assertTrue(significant(residual) > 3, v.claimId() + ": " + residual);
                longer++;
            }
        }
        assertTrue(longer >= 3, "only " + longer + " residuals need more than 3 digits:" + shown);
    }

    @Test
    void fullDigitsOfExactValues() {
        assertEquals("0", JsonRenderer.fullDigits(Apfloat.ZERO));
        assertEquals("1", JsonRenderer.fullDigits(Apfloat.ONE));
        String third = JsonRenderer.fullDigits(new Aprational(new Apint(1), new Apint(3)));
        assertEquals(JsonRenderer.RATIONAL_DIGITS, significant(third), third);
        assertTrue(third.startsWith("3.333") && third.endsWith("e-1"), third);
    }
}
