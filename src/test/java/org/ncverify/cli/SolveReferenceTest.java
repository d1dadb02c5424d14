package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ncverify.support.ReferenceCases;

/**
 * Acceptance: {@code ncverify solve --digits 60 --format json} reproduces every case of
 * ../shared/reference-cases.json (singularValues, productSingularValues, objective, bias,
 * threshold, rank) to at least 55 significant digits, and every claim it judges passes.
 */
class SolveReferenceTest {
    private static final int REQUIRED_DIGITS = 55;

    static Stream<Arguments> cases() {
        List<JsonNode> all = ReferenceCases.all();
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            out.add(Arguments.of(i, all.get(i)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "reference case {0}")
    @MethodSource("cases")
    void reproducesReference(int index, JsonNode c) throws Exception {
        List<String> args = new ArrayList<>(List.of("solve"));
        args.addAll(ReferenceCases.instanceArgs(c));
        args.addAll(List.of("--digits", c.get("digits").asText(), "--format", "json"));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.status, "case " + index + " " + args + ": " + r.err);
        JsonNode got = new ObjectMapper().readTree(r.out);
        JsonNode exp = c.get("expected");
        int worst = Integer.MAX_VALUE;
        for (String field : List.of("singularValues", "productSingularValues", "bias")) {
            assertEquals(exp.get(field).size(), got.get(field).size(), field + " length, case " + index);
            for (int i = 0; i < exp.get(field).size(); i++) {
                int d = ReferenceCases.matchingDigits(got.get(field).get(i).asText(), exp.get(field).get(i).asText());
                assertTrue(d >= REQUIRED_DIGITS, "case " + index + " " + field + "[" + i + "]: " + d
                    + " digits; got " + got.get(field).get(i).asText() + " expected " + exp.get(field).get(i).asText());
                worst = Math.min(worst, d);
            }
        }
        for (String field : List.of("objective", "threshold")) {
            int d = ReferenceCases.matchingDigits(got.get(field).asText(), exp.get(field).asText());
            assertTrue(d >= REQUIRED_DIGITS, "case " + index + " " + field + ": " + d + " digits; got "
                + got.get(field).asText() + " expected " + exp.get(field).asText());
            worst = Math.min(worst, d);
        }
        assertEquals(exp.get("rank").asInt(), got.get("rank").asInt(), "rank, case " + index);
        for (JsonNode v : got.get("claims")) {
            assertEquals("PASS", v.get("status").asText(), "case " + index + " claim " + v);
        }
        System.out.println("reference case " + index + ": all fields match to "
            + (worst == Integer.MAX_VALUE ? "every digit printed by the reference" : worst + " significant digits"));
    }
}
