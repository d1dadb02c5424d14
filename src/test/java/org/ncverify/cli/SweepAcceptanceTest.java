package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.apfloat.Apint;
import org.apfloat.FixedPrecisionApfloatHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.instance.Instance;
import org.ncverify.instance.InstanceJson;
import org.ncverify.linalg.ApMatrix;
import org.ncverify.linalg.Precision;
import org.ncverify.linalg.SymmetricEigen;
import org.ncverify.support.ExactThreshold;

/**
 * The acceptance sweep of issue 11: 41 x 3 points (lambda_H from 1e-5 to 1e-1, log-spaced, and
 * L = 1, 2, 3) of the K = 10 CIFAR-10-LT instance (ratio 100) at 30 digits. The surviving count of
 * every row, in the CSV and in the JSONL, is checked against the closed-form threshold computed
 * here independently of the code under test: the eigenvalues mu_i = s_i^2 of diag(n) - n n^T / N
 * from the generic cyclic Jacobi eigensolver (not the secular solver) at 45 digits, and the exact
 * rational s_crit^(2L) of {@link ExactThreshold} (BigInteger only, not the scalar law): the count
 * is #{i &lt; r : mu_i^L &gt; s_crit^(2L)}. No point of the grid lies within 10^-20 (relative) of
 * the threshold, which the test asserts, so the comparison is decided well above the eigensolver's
 * error. The counts must also vary across the grid (from full survival to total collapse), so
 * the check cannot pass by a constant. Its time is measured by {@code scripts/bench-sweep.sh}.
 */
class SweepAcceptanceTest {
    static final String SIZES = "5000,2997,1796,1077,645,387,232,139,83,50";
    private static final Precision CHECK = Precision.of(45);

    @TempDir
    Path dir;

    @Test
    void survivingDirectionsOfEveryRowMatchTheIndependentThreshold() throws IOException {
        Path csv = dir.resolve("phase.csv");
        Path jsonl = dir.resolve("phase.jsonl");
        CliRunner r = CliRunner.run("sweep", "--sizes", SIZES, "--dim", "16", "--depth", "1,2,3", "--lambda-w", "1e-3",
            "--lambda-h", "1e-5..1e-1:log:41", "--digits", "30", "--quiet", "--csv", csv.toString(), "--jsonl",
            jsonl.toString());
        assertEquals(0, r.status, r.err);
        List<String> csvLines = Files.readAllLines(csv);
        List<String> rows = Files.readAllLines(jsonl);
        assertEquals(123, rows.size());
        assertEquals(124, csvLines.size());
        int survivingColumn = List.of(csvLines.get(0).split(",")).indexOf("surviving_directions");
        Map<String, Apfloat[]> spectra = new HashMap<>();
        Set<Integer> counts = new TreeSet<>();
        for (int j = 0; j < rows.size(); j++) {
            JsonNode o = InstanceJson.mapper().readTree(rows.get(j));
            Instance inst = InstanceJson.read(o.get("instance"), "row " + j);
            Apfloat[] mu = spectra.computeIfAbsent(java.util.Arrays.toString(inst.sizes()), k -> eigenvalues(inst));
            int expected = survivors(inst, mu, "row " + j);
            counts.add(expected);
            assertEquals(expected, o.get("survivingDirections").asInt(), "JSONL row " + j + ": " + inst.describe());
            assertEquals(expected, Integer.parseInt(csvLines.get(j + 1).split(",")[survivingColumn]), "CSV row " + j);
            assertEquals(j < 41 ? 1 : j < 82 ? 2 : 3, inst.depth());
        }
        assertTrue(counts.contains(0) && counts.contains(9) && counts.size() >= 5, "counts " + counts);
    }

    /** mu_1 &gt;= ... &gt;= mu_K of diag(n) - n n^T / N by cyclic Jacobi at 45 digits. */
    private static Apfloat[] eigenvalues(Instance inst) {
        int k = inst.classes();
        FixedPrecisionApfloatHelper h = CHECK.helper();
        Apfloat total = CHECK.of(inst.total());
        Apfloat[][] a = new Apfloat[k][k];
        for (int i = 0; i < k; i++) {
            for (int c = 0; c < k; c++) {
                Apfloat rank1 = h.divide(h.multiply(CHECK.of(inst.size(i)), CHECK.of(inst.size(c))), total);
                a[i][c] = i == c ? h.subtract(CHECK.of(inst.size(i)), rank1) : h.negate(rank1);
            }
        }
        return SymmetricEigen.of(ApMatrix.of(a, CHECK)).eigenvalues();
    }

    /** #{i &lt; r : mu_i^L &gt; s_crit^(2L)}, with s_crit^(2L) = num / den exact: mu_i^L den against num. */
    private static int survivors(Instance inst, Apfloat[] mu, String where) {
        BigInteger[] power = ExactThreshold.power(inst);
        FixedPrecisionApfloatHelper h = CHECK.helper();
        Apfloat num = h.valueOf(new Apint(power[0]));
        Apfloat den = h.valueOf(new Apint(power[1]));
        int count = 0;
        for (int i = 0; i < inst.bottleneck(); i++) {
            Apfloat left = h.multiply(h.pow(mu[i], inst.depth()), den);
            Apfloat gap = h.subtract(left, num);
            assertTrue(ApfloatMath.abs(gap).compareTo(h.multiply(num, new Apfloat("1e-20", CHECK.working()))) > 0,
                where + ": mu_" + (i + 1) + "^L within 1e-20 of s_crit^(2L), too close to call");
            count += gap.signum() > 0 ? 1 : 0;
        }
        return count;
    }
}
