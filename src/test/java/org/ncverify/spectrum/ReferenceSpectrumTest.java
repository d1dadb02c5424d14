package org.ncverify.spectrum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apfloat.Apfloat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.linalg.Precision;

/**
 * C8 against the independent mpmath reference: for every case of ../shared/reference-cases.json,
 * the singular values of Yhat computed at the case's 60 digits match expected.singularValues to
 * at least 55 significant digits (|computed - expected| &lt;= 10^-55 |expected|), and an expected
 * "0" is matched by an exact zero. The digits matched are reported per case.
 */
class ReferenceSpectrumTest {
    /** Significant digits every reference singular value must match. */
    private static final int REQUIRED_DIGITS = 55;

    static Stream<Arguments> cases() throws IOException {
        Path file = SpectrumFixtures.shared().resolve("reference-cases.json");
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Arguments> list = new ArrayList<>();
        for (int c = 0; c < root.size(); c++) {
            JsonNode node = root.get(c);
            JsonNode sizes = node.get("instance").get("sizes");
            long[] n = new long[sizes.size()];
            for (int k = 0; k < n.length; k++) {
                n[k] = sizes.get(k).longValue();
            }
            List<String> expected = new ArrayList<>();
            node.get("expected").get("singularValues").forEach(v -> expected.add(v.asText()));
            list.add(Arguments.of(c + 1, n, node.get("digits").asInt(), expected));
        }
        assertEquals(8, list.size(), "reference-cases.json at " + file.toAbsolutePath() + " should hold 8 cases");
        return list.stream();
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void singularValuesMatchReference(int caseNo, long[] sizes, int digits, List<String> expected) {
        Precision p = Precision.of(digits);
        YhatSpectrum sp = YhatSpectrum.compute(sizes, p);
        assertEquals(expected.size(), sp.size(), "case " + caseNo + ": number of singular values");
        Apfloat tol = p.pow10(-REQUIRED_DIGITS);
        int worst = Integer.MAX_VALUE;
        int worstIndex = -1;
        for (int i = 0; i < sp.size(); i++) {
            Apfloat s = sp.singularValue(i);
            String want = expected.get(i);
            if (new Apfloat(want, p.working()).signum() == 0) {
                int index = i;
                assertEquals(0, s.signum(), () -> "case " + caseNo + " s_" + (index + 1) + " expected exactly 0, got "
                    + Precision.format(s, 10));
                continue;
            }
            Apfloat e = new Apfloat(want, p.working());
            Apfloat rel = SpectrumFixtures.relativeError(s, e, p);
            int matched = Math.min(p.digits(), p.digitsMatched(s, e));
            if (matched < worst) {
                worst = matched;
                worstIndex = i;
            }
            int index = i;
            assertTrue(rel.compareTo(tol) <= 0, () -> "case " + caseNo + " " + SpectrumFixtures.describe(sizes)
                + ": s_" + (index + 1) + " matches only " + matched + " digits (need " + REQUIRED_DIGITS + "): computed "
                + Precision.format(s, digits) + " expected " + want);
        }
        System.out.printf("reference case %d (K=%d): singular values match to >= %d significant digits (worst s_%d)%n",
            caseNo, sizes.length, worst == Integer.MAX_VALUE ? digits : worst, worstIndex + 1);
        int matchedDigits = worst;
        assertTrue(matchedDigits >= REQUIRED_DIGITS, () -> "case " + caseNo + ": " + matchedDigits + " digits matched");
    }
}
