package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apfloat.Apfloat;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Status;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.results.VerifyResult;

/** {@code ncverify verify}: every claim of the catalogue, in order, with exit status 0/1/2. */
class VerifyCommandTest {
    private static final String[] EXAMPLE = {"verify", "--sizes", "10,5,3,2", "--dim", "6", "--depth", "2",
        "--lambda-w", "1e-3", "--lambda-h", "1e-3", "--digits", "40"};

    private static JsonNode json(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--format");
        a.add("json");
        CliRunner r = CliRunner.run(a.toArray(new String[0]));
        assertEquals(0, r.status, r.err + r.out);
        return new ObjectMapper().readTree(r.out);
    }

    @Test
    void jsonListsEveryClaimOfTheCatalogueInOrder() throws Exception {
        JsonNode j = json(EXAMPLE);
        List<Claim> claims = Catalogue.all().claims();
        assertEquals(claims.size(), j.get("claims").size());
        for (int i = 0; i < claims.size(); i++) {
            JsonNode c = j.get("claims").get(i);
            assertEquals(claims.get(i).id(), c.get("id").asText());
            assertTrue(c.has("status") && c.has("residual") && c.has("tolerance") && c.has("reading")
                && c.has("statement") && c.has("hypotheses"), c.toString());
            assertFalse(c.get("status").asText().equals("FAIL"), c.toString());
            if (c.get("status").asText().equals("NOT_APPLICABLE")) {
                assertFalse(c.get("detail").asText().isBlank(), "a NOT_APPLICABLE verdict names its reason: " + c);
            }
        }
        assertEquals(40, j.get("digits").asInt());
    }

    @Test
    void textHasTheTableAndTheSummary() {
        CliRunner r = CliRunner.run(EXAMPLE);
        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("residual") && r.out.contains("tolerance") && r.out.contains("reading"), r.out);
        for (Claim c : Catalogue.all().claims()) {
            assertTrue(r.out.contains("\n" + c.id() + " "), "no row for " + c.id() + ":\n" + r.out);
        }
        assertTrue(r.out.contains(Catalogue.all().claims().size() + " claims: "), r.out);
    }

    @Test
    void rotatedFramesAndBottleneckVerify() throws Exception {
        JsonNode j = json("verify", "--sizes", "30,10,4,2,1", "--dim", "2", "--depth", "2", "--lambda-w", "1e-3",
            "--lambda-h", "1e-3", "--digits", "30", "--rotation-seed", "7");
        assertEquals(7, j.get("rotationSeed").asLong());
        for (JsonNode c : j.get("claims")) {
            assertFalse(c.get("status").asText().equals("FAIL"), c.toString());
        }
    }

    @Test
    /** 1 when something FAILs (over an INCONCLUSIVE one), 3 when something is INCONCLUSIVE and nothing FAILs (was 0), else 0. */
    void exitStatusIsOneOnFailThreeOnInconclusive() {
        Verdict pass = Verdict.judge("C3", Apfloat.ZERO, Tolerance.fromDigits(30, 10), "r", "d");
        Verdict fail = Verdict.fail("C4", Apfloat.ONE, Tolerance.fromDigits(30, 10), "r", "d");
        Verdict inconclusive = Verdict.inconclusive("C4", Apfloat.ONE, Tolerance.fromDigits(30, 10), "r", "not converged");
        Verdict na = Verdict.notApplicable("C12", "sizes differ");
        assertEquals(3, ExitCodes.of(result(pass, inconclusive, na)));
        assertEquals(1, ExitCodes.of(result(pass, fail, na)));
        assertEquals(1, ExitCodes.of(result(inconclusive, fail, na)));
        assertEquals(0, ExitCodes.of(result(pass, pass, na)));
        assertEquals(Status.FAIL, fail.status());
    }

    private static VerifyResult result(Verdict c3, Verdict c4, Verdict c12) {
        Instance inst = Instance.of(new long[] {3, 2}, 2, null, 1, new Aprational[] {new Aprational(new Apint(1), new Apint(1000))},
            new Aprational(new Apint(1), new Apint(1000)));
        return new VerifyResult(inst, Precision.of(30), OptionalLong.empty(), 1,
            Catalogue.of(List.of("C3", "C4", "C12")).claims(), List.of(c3, c4, c12), 0.1);
    }

    @Test
    void claimsSelectsByIdInCatalogueOrder() throws Exception {
        List<String> args = new ArrayList<>(List.of(EXAMPLE));
        args.addAll(List.of("--claims", "C12,C1,C5"));
        JsonNode j = json(args.toArray(new String[0]));
        assertEquals(3, j.get("claims").size());
        assertEquals("C1", j.get("claims").get(0).get("id").asText());
        assertEquals("C5", j.get("claims").get(1).get("id").asText());
        assertEquals("C12", j.get("claims").get(2).get("id").asText());
        assertEquals("PASS", j.get("claims").get(1).get("status").asText());
        assertTrue(j.get("summary").asText().startsWith("3 claims: "), j.get("summary").asText());
        CliRunner r = CliRunner.run(args.toArray(new String[0]));
        assertTrue(r.out.startsWith("ncverify verify --sizes 10,5,3,2 ") && r.out.contains(" --claims C1,C5,C12\n"), r.out);
        assertFalse(r.out.contains("\nC3 "), r.out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "size zero|--sizes 3,0,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3|--sizes[1] = 0",
        "one class|--sizes 3 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3|K >= 2",
        "lambda word|--sizes 3,2 --dim 2 --depth 1 --lambda-w abc --lambda-h 1e-3|--lambda-w = abc",
        "widths count|--sizes 3,2 --dim 2 --depth 3 --widths 2 --lambda-w 1e-3 --lambda-h 1e-3|--widths has 1",
        "digits low|--sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 9|--digits = 9",
        "bad format|--sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --format xml|--format = xml",
        "bad seed|--sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --rotation-seed x|--rotation-seed",
        "unknown claim|--sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --claims C1,C14|--claims = C1,C14: unknown claim id 'C14'",
        "empty claim|--sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --claims C1,,C2|unknown claim id ''",
        "claim before work|--sizes 3,2 --dim 2 --depth 1 --lambda-w 1e-3 --lambda-h 1e-3 --digits 2000 --claims C99|'C99'",
    })
    void badInputExitsTwoWithOneLine(String name, String args, String mentions) {
        CliRunner.assertBadInput(name, "verify " + args, mentions);
    }
}
