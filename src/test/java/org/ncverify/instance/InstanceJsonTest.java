package org.ncverify.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;

/** InstanceJson: exact round trip, the reference-cases shape, and one-line refusals. */
class InstanceJsonTest {
    private static final ObjectMapper MAPPER = InstanceJson.mapper();

    @Test
    void roundTripIsExactIncludingFractionsAndPerLayerDecays() throws Exception {
        Instance x = Instance.of(new long[] {7, 3, 3, 1}, 5, new int[] {4, 6}, 3,
            new Aprational[] {Rationals.of(1, 3), Rationals.parseDecimal("w", "1e-40"), Rationals.of(2)},
            Rationals.parseDecimal("h", "0.0012345678901234567890123456789012345678"));
        String text = MAPPER.writeValueAsString(InstanceJson.write(x));
        assertEquals(x, InstanceJson.read(MAPPER.readTree(text), "t"));
        assertTrue(text.contains("\"1/3\""), text);
    }

    @Test
    void readsEveryReferenceCaseAsAnInstance() throws Exception {
        JsonNode cases = MAPPER.readTree(Files.readString(Path.of("../shared/reference-cases.json")));
        assertTrue(cases.size() > 0);
        for (JsonNode c : cases) {
            Instance x = InstanceJson.read(c.get("instance"), "case");
            assertEquals(c.get("instance").get("sizes").size(), x.classes());
            assertEquals(x, InstanceJson.read(MAPPER.readTree(MAPPER.writeValueAsString(InstanceJson.write(x))), "again"));
        }
    }

    @Test
    void aNumberWithFortyDigitsKeepsThemAll() throws Exception {
        String digits = "0.1234567890123456789012345678901234567891";
        Instance x = InstanceJson.read(MAPPER.readTree("{\"sizes\":[2,1],\"dim\":1,\"lambdaW\":" + digits
            + ",\"lambdaH\":1}"), "t");
        assertEquals(Rationals.parseDecimal("x", digits), x.lambdaW(1));
    }

    @Test
    void refusesWithOneLineNamingTheField() throws Exception {
        String[] bad = {
            "{\"sizes\":[2,1],\"dim\":1,\"lambdaW\":0.1}",
            "{\"sizes\":[2,1],\"dim\":1,\"lambdaW\":0.1,\"lambdaH\":0.1,\"colour\":1}",
            "{\"sizes\":[2,1.5],\"dim\":1,\"lambdaW\":0.1,\"lambdaH\":0.1}",
            "{\"sizes\":[2,1],\"dim\":1,\"lambdaW\":\"1/0\",\"lambdaH\":0.1}",
            "{\"sizes\":[2,1],\"dim\":1,\"lambdaW\":\"abc\",\"lambdaH\":0.1}",
            "{\"sizes\":[2,1],\"dim\":1,\"lambdaW\":-1,\"lambdaH\":0.1}",
            "[1,2]",
        };
        for (String b : bad) {
            InputException e = assertThrows(InputException.class, () -> InstanceJson.read(MAPPER.readTree(b), "f.json[0]"), b);
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        InputException lossy = assertThrows(InputException.class,
            () -> InstanceJson.read(new ObjectMapper().readTree("{\"sizes\":[2,1],\"dim\":1,\"lambdaW\":0.1,\"lambdaH\":0.1}"), "t"));
        assertTrue(lossy.getMessage().contains("double"), lossy.getMessage());
    }
}
