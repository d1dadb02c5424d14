package org.ncverify.results.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.InputException;
import org.ncverify.results.sweep.Range.Kind;

/** The range grammar: values, exact ends, the rounding of interior points, and every refusal. */
class RangeTest {
    private static List<String> texts(Range r) {
        return r.values().stream().map(Range::format).toList();
    }

    private static String refusal(String text, Kind kind) {
        return assertThrows(InputException.class, () -> Range.parse("--x", text, kind)).getMessage();
    }

    @Test
    void singleValuesAndListsKeepTheirExactDecimals() {
        assertEquals(List.of("0.001"), texts(Range.parse("--x", "1e-3", Kind.DECIMAL)));
        assertEquals(List.of("3", "1", "2"), texts(Range.parse("--x", " 3, 1 ,2", Kind.INTEGER)));
        assertEquals(List.of("0.1", "250", "1E-30", "1E+400"), texts(Range.parse("--x", "0.10,2.5e2,1e-30,1e400", Kind.DECIMAL)));
    }

    @Test
    void logPointsAreRoundedToSixSignificantDigitsAndTheEndsAreExact() {
        Range r = Range.parse("--lambda-h", "1e-5..1e-1:log:41", Kind.DECIMAL);
        assertEquals(41, r.size());
        assertEquals(new BigDecimal("0.00001"), r.value(0));
        assertEquals(new BigDecimal("0.1"), r.value(40));
        // 10^(-5 + 4/40) = 10^-4.9 = 1.25892541...e-5
        assertEquals(new BigDecimal("0.0000125893"), r.value(1));
        assertEquals(new BigDecimal("0.0001"), r.value(10));
        for (int i = 0; i < r.size(); i++) {
            assertTrue(r.value(i).precision() <= Range.SIGNIFICANT_DIGITS, r.value(i).toString());
            double ideal = Math.pow(10, -5 + 4.0 * i / 40);
            assertEquals(ideal, r.value(i).doubleValue(), ideal * 5e-6, "point " + i);
        }
        assertEquals(List.of("1", "10", "100", "1000"), texts(Range.parse("--x", "1..1000:log:4", Kind.DECIMAL)));
    }

    @Test
    void logRangesWorkAtAnyMagnitude() {
        assertEquals(List.of("1E-400", "1E-200", "1"), texts(Range.parse("--x", "1e-400..1:log:3", Kind.DECIMAL)));
    }

    @Test
    void linPointsAreExactWhenTheyTerminateElseRounded() {
        assertEquals(List.of("0", "0.25", "0.5", "0.75", "1"), texts(Range.parse("--x", "0..1:lin:5", Kind.DECIMAL)));
        assertEquals(List.of("1", "1.33333", "1.66667", "2"), texts(Range.parse("--x", "1..2:lin:4", Kind.DECIMAL)));
        assertEquals(List.of("1000", "1000.001", "1000.002"), texts(Range.parse("--x", "1000..1000.002:lin:3", Kind.DECIMAL)));
    }

    @Test
    void integerRangesRoundToIntegers() {
        assertEquals(List.of("2", "4", "8", "16", "32", "64"), texts(Range.parse("--dim", "2..64:log:6", Kind.INTEGER)));
        assertEquals(List.of("1", "2", "3"), texts(Range.parse("--depth", "1..3:lin:3", Kind.INTEGER)));
        assertEquals(List.of("10"), texts(Range.parse("--dim", "1E+1", Kind.INTEGER)));
    }

    @Test
    void badRangesAreRefusedNamingTheFlagAndTheValue() {
        assertTrue(refusal("", Kind.DECIMAL).contains("--x is empty"));
        assertTrue(refusal("1,,2", Kind.DECIMAL).contains("--x[1] is empty"));
        assertTrue(refusal("abc", Kind.DECIMAL).contains("--x = abc: not a decimal number"));
        assertTrue(refusal("1.5", Kind.INTEGER).contains("not an integer"));
        assertTrue(refusal("1..2:lin:2.5", Kind.DECIMAL).contains("is not an integer"));
        assertTrue(refusal("1e-1..1e-5:log:41", Kind.DECIMAL).contains("empty range"));
        assertTrue(refusal("1..2:lin:0", Kind.DECIMAL).contains("must be >= 1"));
        assertTrue(refusal("1..2:lin:1", Kind.DECIMAL).contains("1 point cannot span"));
        assertTrue(refusal("0..1:log:5", Kind.DECIMAL).contains("cannot reach or cross 0"));
        assertTrue(refusal("-1..1:log:5", Kind.DECIMAL).contains("cannot reach or cross 0"));
        assertTrue(refusal("1..2:cubic:5", Kind.DECIMAL).contains("neither lin nor log"));
        assertTrue(refusal("1..2:5", Kind.DECIMAL).contains("a range is a..b:lin:n"));
        assertTrue(refusal("1..2:lin:99999999999999999999", Kind.DECIMAL).contains("too many (at most 100000)"));
        assertTrue(refusal("1,2,1", Kind.DECIMAL).contains("the value 1 appears twice"));
        assertTrue(refusal("1..2:lin:3", Kind.INTEGER).contains("appears twice after rounding to integers"));
        assertTrue(refusal("1..1.000001:lin:20", Kind.DECIMAL).contains("after rounding to 6 significant digits"));
    }

    @Test
    void thePointCountLimitIsSharp() {
        assertEquals(Range.MAX_POINTS, Range.parse("--x", "1..1e6:log:" + Range.MAX_POINTS, Kind.DECIMAL).size());
        assertTrue(refusal("1..2:log:" + (Range.MAX_POINTS + 1), Kind.DECIMAL).contains("too many"));
        assertEquals(1, Range.parse("--x", "2..2:lin:1", Kind.DECIMAL).size());
    }
}
