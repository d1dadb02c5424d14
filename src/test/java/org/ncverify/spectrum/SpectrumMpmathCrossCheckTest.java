package org.ncverify.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;

/**
 * Independent cross-check at K = 1000 (issue 13): 50 singular values of Yhat for the long tail
 * round(1e5 * 1000^(-k/999)) computed by mpmath alone (findroot on the secular equation at 70
 * digits, scripts/crosscheck-spectrum-mpmath.py, fixture mpmath-k1000-40.json, 40 significant
 * digits) must agree with {@link YhatSpectrum} at 40 digits to within 10^-39 relative: one unit
 * of the 40th digit (the fixture is rounded to 40 digits, ours carries 52). The fixture's N is
 * checked too, so a different size rule on either side cannot pass unnoticed.
 */
class SpectrumMpmathCrossCheckTest {
    private static final String FIXTURE = "mpmath-k1000-40.json";

    @Test
    void singularValuesAgreeWithMpmathToFortyDigits() throws IOException {
        JsonNode doc;
        try (InputStream in = SpectrumMpmathCrossCheckTest.class.getResourceAsStream(FIXTURE)) {
            doc = new ObjectMapper().readTree(in);
        }
        int k = doc.get("classes").asInt();
        long[] sizes = new long[k];
        long total = 0;
        for (int i = 0; i < k; i++) {
            sizes[i] = Math.round(1e5 * Math.pow(1000, -(double) i / (k - 1)));
            total += sizes[i];
        }
        assertEquals(doc.get("total").asLong(), total, "the fixture was made for other sizes");
        int digits = doc.get("digits").asInt();
        YhatSpectrum sp = YhatSpectrum.compute(sizes, Precision.of(digits));
        Apfloat tolerance = new Apfloat("1e-" + (digits - 1), digits + 10);
        int checked = 0;
        for (JsonNode row : doc.get("roots")) {
            int i = row.get("index").asInt() - 1;
            String where = "s_" + (i + 1) + " in " + row.get("interval");
            assertEquals(EigenKind.SECULAR_ROOT, sp.kind(i), where);
            long[] interval = {row.get("interval").get(0).asLong(), row.get("interval").get(1).asLong()};
            SecularRoot root = sp.root(i);
            assertEquals(interval[0], sp.groups().value(root.group() + 1), where);
            assertEquals(interval[1], sp.groups().value(root.group()), where);
            Apfloat ref = new Apfloat(row.get("singularValue").asText(), digits + 10);
            Apfloat rel = ApfloatMath.abs(sp.singularValue(i).subtract(ref)).divide(ref);
            assertTrue(rel.compareTo(tolerance) <= 0, where + ": ours " + sp.singularValue(i).toString(true)
                + ", mpmath " + ref.toString(true) + ", relative difference " + rel.toString(true));
            checked++;
        }
        assertEquals(50, checked, "the fixture should hold 50 sampled roots");
    }
}
