package org.ncverify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.InputException;

/**
 * The verdict rows read back from JSON: the margin log10(residual/tolerance) computed from the
 * file's decimal strings, 100x either side of the tolerance and at exponents no double holds;
 * no margin (with the reason) where hunt.Margin has none; a FAIL reading listed; bad fields refused.
 */
class RunInputTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static VerdictRow row(String json) throws Exception {
        return RunInput.verdicts(M.readTree("[" + json + "]"), "claims").get(0);
    }

    @Test
    void marginIsMinusTwoHundredfoldInsideAndPlusTwoHundredfoldPast() throws Exception {
        VerdictRow inside = row("{\"id\":\"C3\",\"status\":\"PASS\",\"residual\":\"1e-44\",\"tolerance\":\"1e-42\",\"reading\":\"r\"}");
        VerdictRow past = row("{\"id\":\"C3\",\"status\":\"FAIL\",\"residual\":\"1e-40\",\"tolerance\":\"1e-42\",\"reading\":\"r\"}");
        assertEquals(-2.0, inside.margin(), 1e-12);
        assertEquals(2.0, past.margin(), 1e-12);
        assertEquals("1e-40", past.residual(), "the file's digits, unchanged");
        ClaimTally t = ClaimTally.of("C3", List.of(c(inside), c(past)));
        assertEquals(1, t.pass());
        assertEquals(1, t.fail());
        assertEquals(2.0, t.worstMargin(), 1e-12);
    }

    private static CaseResult c(VerdictRow v) {
        return new CaseResult("x", "verify", null, M.createObjectNode(), "ncverify verify", List.of(v), null);
    }

    @Test
    void exponentsBeyondADoubleKeepTheirMargin() {
        assertEquals(-2.0, RunInput.margin("PASS", new BigDecimal("3e-5002"), new BigDecimal("3e-5000")), 1e-12);
        assertEquals(4000.0, RunInput.margin("FAIL", new BigDecimal("1e2000"), new BigDecimal("1e-2000")), 1e-9);
        assertEquals(Math.log10(2.5) - 400, RunInput.log10(new BigDecimal("2.5e-400")), 1e-12);
        assertEquals(Math.log10(123456.789), RunInput.log10(new BigDecimal("123456.789")), 1e-12);
    }

    @Test
    void noMarginWhereThereIsNothingToCompare() throws Exception {
        VerdictRow zero = row("{\"id\":\"C1\",\"status\":\"PASS\",\"residual\":\"0\",\"tolerance\":\"1e-30\",\"reading\":\"r\"}");
        assertNull(zero.margin());
        assertEquals("exact zero residual", zero.marginNote());
        VerdictRow na = row("{\"id\":\"C13\",\"status\":\"NOT_APPLICABLE\",\"residual\":null,\"tolerance\":null,\"reading\":null}");
        assertNull(na.margin());
        assertEquals("no numeric comparison", na.marginNote());
        VerdictRow nan = row("{\"id\":\"C4\",\"status\":\"FAIL\",\"residual\":null,\"tolerance\":\"1e-30\",\"reading\":\"r\"}");
        assertNull(nan.margin(), "a FAIL without a finite residual has no margin, never a passing one");
        assertEquals("FAIL without a finite measurement", nan.marginNote());
    }

    @Test
    void aFailingReadingOfAPassingClaimIsListed() throws Exception {
        VerdictRow v = row("{\"id\":\"C7\",\"status\":\"PASS\",\"residual\":\"1e-35\",\"tolerance\":\"1e-32\",\"reading\":\"r\","
            + "\"readings\":[{\"name\":\"literal, independent bases\",\"status\":\"FAIL\",\"residual\":\"1.41\",\"tolerance\":\"1e-32\",\"note\":\"\"},"
            + "{\"name\":\"basis-free\",\"status\":\"PASS\",\"residual\":\"1e-35\",\"tolerance\":\"1e-32\",\"note\":\"\"}]}");
        assertEquals(List.of("literal, independent bases (margin 32.15)"), v.failingReadings());
    }

    @Test
    void aMistypedFieldIsBadInputNamingIt() {
        InputException e = assertThrows(InputException.class,
            () -> row("{\"id\":\"C3\",\"status\":\"PASS\",\"residual\":1e-44,\"tolerance\":\"1e-42\"}"));
        assertTrue(e.getMessage().startsWith("claims[0].residual: not a decimal string"), e.getMessage());
        e = assertThrows(InputException.class, () -> row("{\"status\":\"PASS\"}"));
        assertTrue(e.getMessage().contains("\"id\" missing"), e.getMessage());
        JsonNode notArray = M.createObjectNode();
        assertThrows(InputException.class, () -> RunInput.verdicts(notArray, "claims"));
    }
}
