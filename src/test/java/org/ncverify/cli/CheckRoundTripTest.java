package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ncverify.npy.NpyArray;
import org.ncverify.npy.Npz;

/**
 * Issue 12's acceptance: {@code solve --export} then {@code check} PASSes every claim C1-C11 on five
 * instances (a tie, a bottleneck, L = 1, L = 3 with narrow widths, random frames), also with H
 * stored N x d and in float32 (no FAIL); and perturbed copies of an exported file FAIL the claims
 * the perturbation breaks while the others are still reported (INCONCLUSIVE or PASS, never FAIL).
 */
class CheckRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "--sizes 10,5,3,2 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3";

    /** Exports the minimizer of {@code instance} (solve flags) to dir/name and returns the path. */
    static Path export(Path dir, String name, String instance) {
        Path f = dir.resolve(name);
        CliRunner r = CliRunner.run((("solve " + instance + " --digits 20 --export " + f)).split(" "));
        assertEquals(0, r.status, r.err + r.out);
        return f;
    }

    /** {@code check} with --format json: the parsed output, the exit status asserted to be {@code status}. */
    static JsonNode check(Path file, String lambdas, int status, String... extra) {
        List<String> args = new ArrayList<>(List.of("check", "--point", file.toString()));
        args.addAll(List.of(lambdas.split(" ")));
        args.addAll(List.of("--format", "json"));
        args.addAll(List.of(extra));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(status, r.status, r.err + r.out);
        assertTrue(r.err.isEmpty(), r.err);
        try {
            return JSON.readTree(r.out);
        } catch (java.io.IOException e) {
            throw new AssertionError(r.out, e);
        }
    }

    static Map<String, String> statuses(JsonNode out) {
        Map<String, String> m = new LinkedHashMap<>();
        out.get("claims").forEach(c -> m.put(c.get("id").asText(), c.get("status").asText()));
        return m;
    }

    static String lambdas(String instance) {
        return instance.substring(instance.indexOf("--lambda-w"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--sizes 8,8,8,3,1 --dim 6 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3",
        "--sizes 10,5,3,2 --dim 2 --depth 2 --lambda-w 1e-3 --lambda-h 1e-3",
        "--sizes 6,3,2 --dim 3 --depth 1 --lambda-w 1e-2 --lambda-h 2e-2",
        "--sizes 5,3,2 --dim 4 --depth 3 --widths 3,2 --lambda-w 1e-3,2e-3,1e-3 --lambda-h 1e-3",
        BASE + " --rotation-seed 7"})
    void exportedMinimizerPassesEveryClaim(String instance, @TempDir Path dir) {
        Path f = export(dir, "m.npz", instance);
        String lw = lambdas(instance).replace(" --rotation-seed 7", "");
        JsonNode out = check(f, lw, 0);
        assertEquals(1, out.get("schemaVersion").asInt());
        assertEquals("check", out.get("type").asText());
        assertTrue(out.get("command").asText().startsWith("ncverify check --point "), out.get("command").asText());
        Map<String, String> s = statuses(out);
        assertEquals(CheckCommand.CLAIMS, List.copyOf(s.keySet()));
        s.forEach((id, st) -> assertEquals("PASS", st, instance + ": " + id));
        assertTrue(out.get("inconclusiveReason").isNull());
        assertFalse(out.toString().contains("\"-\""), "a missing value is null, never \"-\"");
        assertTrue(Double.parseDouble(out.get("gradientNorm").asText()) < 1e-14, out.get("gradientNorm").asText());
        assertTrue(Math.abs(Double.parseDouble(out.get("relativeGap").asText())) < 1e-14);
    }

    @Test
    void featuresStoredAsRowsAndFloat32AreRead(@TempDir Path dir) {
        Path f = export(dir, "m.npz", BASE);
        Map<String, NpyArray> a = Npz.read(f);
        NpyArray h = a.get("H");
        int d = h.shape()[0];
        int n = h.shape()[1];
        double[][] rows = new double[n][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < n; j++) {
                rows[j][i] = h.get(i, j);
            }
        }
        List<NpyArray> t = new ArrayList<>(a.values());
        t.set(0, NpyArray.ofMatrix("H", rows));
        Path fr = dir.resolve("rows.npz");
        Npz.write(fr, t);
        statuses(check(fr, lambdas(BASE), 0, "--features-rows")).forEach((id, st) -> assertEquals("PASS", st, id));
        // a directory of .npy files, one per array, without labels: --sizes says which columns are which class
        Path arraysDir = dir.resolve("arrays");
        try {
            java.nio.file.Files.createDirectory(arraysDir);
            for (NpyArray x : a.values()) {
                if (!x.name().equals("labels")) {
                    java.nio.file.Files.write(arraysDir.resolve(x.name() + ".npy"), org.ncverify.npy.Npy.write(x));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        statuses(check(arraysDir, lambdas(BASE), 0, "--sizes", "10,5,3,2")).forEach((id, st) -> assertEquals("PASS", st, id));
        // the same point rounded to float32: its gradient (~1e-7) bounds no distance at lambda = 1e-3, and its
        // residuals stay below what a float32-rounded minimizer meets: INCONCLUSIVE, never FAIL
        List<NpyArray> single = new ArrayList<>();
        for (NpyArray x : a.values()) {
            if (!x.isFloating()) {
                single.add(x);
                continue;
            }
            double[] v = x.doubles();
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) v[i];
            }
            single.add(NpyArray.ofDoubles(x.name(), "<f4", x.shape(), v));
        }
        Path f32 = dir.resolve("f32.npz");
        Npz.write(f32, single);
        JsonNode out = check(f32, lambdas(BASE), ExitCodes.INCONCLUSIVE);
        assertFalse(statuses(out).containsValue("FAIL"), statuses(out).toString());
        assertTrue(out.get("arrays").asText().contains("H <f4"), out.get("arrays").asText());
        assertTrue(out.get("inconclusiveReason").asText().startsWith("not converged"), out.get("inconclusiveReason").asText());
        // the same float32 values in a float64 file are not a float64-rounded minimizer: its first-order claims FAIL
        List<NpyArray> widened = new ArrayList<>();
        for (NpyArray x : single) {
            widened.add(x.isFloating() ? NpyArray.ofDoubles(x.name(), "<f8", x.shape(), x.doubles()) : x);
        }
        Path f64 = dir.resolve("f32-as-f64.npz");
        Npz.write(f64, widened);
        assertTrue(failing(check(f64, lambdas(BASE), 1)).containsAll(Set.of("C4", "C9")));
    }

    /** The ids whose status is FAIL, and those reported otherwise. */
    private static Set<String> failing(JsonNode out) {
        Set<String> f = new TreeSet<>();
        statuses(out).forEach((id, st) -> {
            if (st.equals("FAIL")) {
                f.add(id);
            }
        });
        return f;
    }

    private static Path perturbed(Path dir, Path source, String name, java.util.function.UnaryOperator<NpyArray> change,
                                  String array) {
        List<NpyArray> out = new ArrayList<>();
        for (NpyArray a : Npz.read(source).values()) {
            out.add(a.name().equals(array) ? change.apply(a) : a);
        }
        Path f = dir.resolve(name);
        Npz.write(f, out);
        return f;
    }

    private static NpyArray shifted(NpyArray a, int index, double by) {
        double[] v = a.doubles();
        v[index] += by;
        return NpyArray.ofDoubles(a.name(), a.descr(), a.shape(), v);
    }

    @Test
    void perturbedCopiesFailTheClaimsTheyBreakAndReportTheOthers(@TempDir Path dir) {
        Path f = export(dir, "m.npz", BASE + " --rotation-seed 3");
        String lw = lambdas(BASE);
        // one entry of W1 moved by 1e-3: the product, its geometry and the balance break; the features do not move
        JsonNode w = check(perturbed(dir, f, "w.npz", a -> shifted(a, 0, 1e-3), "W1"), lw, 1);
        assertEquals(Set.of("C4", "C5", "C7", "C9", "C11"), failing(w), statuses(w).toString());
        // b_2 shifted by 1e-3: the bias claim and stationarity
        JsonNode b = check(perturbed(dir, f, "b.npz", a -> shifted(a, 1, 1e-3), "b"), lw, 1);
        assertEquals(Set.of("C2", "C11"), failing(b), statuses(b).toString());
        // two labels swapped (a sample of class 0 and one of class 1): within-class collapse, the centred means
        // (and with them the product, its right geometry and alignment) and stationarity
        JsonNode l = check(perturbed(dir, f, "l.npz", a -> {
            long[] v = a.longs();
            v[0] = 1;
            v[10] = 0;
            return NpyArray.ofLongs("labels", a.descr(), a.shape(), v);
        }, "labels"), lw, 1);
        assertEquals(Set.of("C1", "C4", "C6", "C7", "C11"), failing(l), statuses(l).toString());
        for (JsonNode out : List.of(w, b, l)) {
            Map<String, String> s = statuses(out);
            assertEquals(CheckCommand.CLAIMS, List.copyOf(s.keySet()), "every claim is still reported");
            assertEquals("PASS", s.get("C8"));
            assertEquals("PASS", s.get("C10"));
            s.forEach((id, st) -> assertTrue(Set.of("PASS", "FAIL", "INCONCLUSIVE").contains(st), id + " " + st));
            assertTrue(out.get("inconclusiveReason").isTextual(), "the curvature rule bounds no distance here");
            out.get("claims").forEach(c -> {
                if (c.get("status").asText().equals("FAIL")) {
                    assertTrue(c.get("toleranceOrigin").asText().startsWith("rounded-minimizer rule"), c.toString());
                }
            });
        }
    }
}
