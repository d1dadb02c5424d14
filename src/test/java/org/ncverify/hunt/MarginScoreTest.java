package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.ncverify.claims.Reading;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;

/** {@link Margin#score}: a reading that FAILs while its claim holds (hypothesis needed) is not climbed; otherwise as {@link Margin#of}. */
class MarginScoreTest {
    private static Apfloat a(String x) {
        return new Apfloat(x, 30);
    }

    private static Reading reading(String residual) {
        return Reading.judge(Reading.INDEPENDENT, a(residual), Tolerance.of(a("1e-20"), "test"), "test");
    }

    @Test
    void hypothesisReadingOfAPassingClaimIsNotScored() {
        Verdict v = Verdict.judge("C7", a("1e-25"), Tolerance.of(a("1e-20"), "test"), "r", "d")
            .withReadings(List.of(reading("1e-24"), reading("2")));
        assertEquals(-4.0, Margin.score(v), 1e-9, "the FAILing reading (margin 20.3) is left out; 1e-24 / 1e-20 remains");
        assertEquals(Math.log10(2) + 20, Margin.of(v), 1e-9);
    }

    @Test
    void aFailingClaimKeepsItsFailingReadings() {
        Verdict v = Verdict.judge("C7", a("1e-5"), Tolerance.of(a("1e-20"), "test"), "r", "d")
            .withReadings(List.of(reading("2")));
        assertEquals(Margin.of(v), Margin.score(v), 0);
        assertEquals(Math.log10(2) + 20, Margin.score(v), 1e-9);
    }
}
