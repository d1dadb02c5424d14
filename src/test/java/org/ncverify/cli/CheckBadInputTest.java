package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ncverify.npy.NpyArray;
import org.ncverify.npy.NpyReadTest;
import org.ncverify.npy.Npz;

/**
 * Every bad input of issue 12 given to {@code check}: exit status 2, one line on stderr naming
 * the array (or the file, or the flag) and the problem, nothing on stdout, no stack trace; and
 * {@code solve --export} refusing a target it would overwrite, before any work.
 */
class CheckBadInputTest {
    private static final String LAMBDAS = " --lambda-w 1e-3 --lambda-h 1e-3";
    @TempDir
    static Path dir;
    static Path good;
    static Map<String, NpyArray> arrays;

    @BeforeAll
    static void export() {
        good = CheckRoundTripTest.export(dir, "good.npz", "--sizes 3,2,1 --dim 3 --depth 2" + LAMBDAS);
        arrays = Npz.read(good);
    }

    /** A copy of the good file with the arrays changed by {@code edit} (null drops an array). */
    private static Path variant(String name, Function<List<NpyArray>, List<NpyArray>> edit) {
        Path f = dir.resolve(name + ".npz");
        Npz.write(f, edit.apply(new ArrayList<>(arrays.values())));
        return f;
    }

    private static List<NpyArray> replace(List<NpyArray> all, NpyArray with) {
        List<NpyArray> out = new ArrayList<>();
        for (NpyArray a : all) {
            out.add(a.name().equals(with.name()) ? with : a);
        }
        return out;
    }

    private static void bad(Path file, String extra, String mentions) {
        CliRunner.assertBadInput(file.getFileName().toString(), "check --point " + file + LAMBDAS + extra, mentions);
    }

    @Test
    void missingArray() {
        bad(variant("no-b", l -> l.stream().filter(a -> !a.name().equals("b")).toList()), "", "b: missing");
        bad(variant("no-w1", l -> l.stream().filter(a -> !a.name().equals("W1")).toList()), "",
            "W1: missing (W2 is present");
        bad(variant("no-labels", l -> l.stream().filter(a -> !a.name().equals("labels")).toList()), "",
            "labels: missing, and no sizes given");
    }

    @Test
    void shapesThatDoNotChain() {
        bad(variant("w2", l -> replace(l, NpyArray.ofMatrix("W2", new double[3][2]))), "",
            "W2: shape (3, 2) does not chain: its 2 columns != 3 rows of W1");
        bad(variant("w1", l -> replace(l, NpyArray.ofMatrix("W1", new double[3][4]))), "",
            "W1: shape (3, 4) does not chain: its 4 columns != the feature dimension d = 3 of H (3, 6)");
        bad(variant("b", l -> replace(l, NpyArray.ofVector("b", new double[2]))), "", "b: shape (2,) but W2 has K = 3 rows");
        bad(good, " --features-rows", "W1: shape (3, 3) does not chain");
        bad(variant("k1", l -> replace(replace(l, NpyArray.ofMatrix("W2", new double[1][3])), NpyArray.ofVector("b",
            new double[1]))), "", "W2: shape (1, 3) has K = 1 row(s): K >= 2 classes are required");
    }

    @Test
    void labelsOutOfRangeOrLeavingAClassEmptyOrContradictingTheSizes() {
        bad(variant("l3", l -> replace(l, NpyArray.ofLongs("labels", "<i8", new int[] {6}, new long[] {0, 0, 0, 1, 1, 3}))),
            "", "labels[5] = 3: out of range 0..2");
        bad(variant("lneg", l -> replace(l, NpyArray.ofLongs("labels", "<i8", new int[] {6}, new long[] {0, -1, 0, 1, 1, 2}))),
            "", "labels[1] = -1: out of range");
        bad(variant("lempty", l -> replace(l, NpyArray.ofLongs("labels", "<i8", new int[] {6}, new long[] {0, 0, 0, 1, 1, 1}))),
            "", "labels: class 2 has no sample");
        bad(variant("lcount", l -> replace(l, NpyArray.ofLongs("labels", "<i8", new int[] {5}, new long[] {0, 0, 0, 1, 2}))),
            "", "labels: shape (5,), expected (6,)");
        bad(variant("lfloat", l -> replace(l, NpyArray.ofVector("labels", new double[6]))), "",
            "labels: dtype '<f8' is not an integer type");
        bad(good, " --sizes 2,3,1", "--sizes = 2,3,1 contradict the labels, which count 3,2,1");
    }

    @Test
    void nanOrInfinityInAnArray() {
        NpyArray h = arrays.get("H");
        double[] v = h.doubles();
        v[4] = Double.NaN;
        bad(variant("nan", l -> replace(l, NpyArray.ofDoubles("H", "<f8", h.shape(), v))), "", "H[0, 4] = NaN");
        NpyArray w = arrays.get("W2");
        double[] u = w.doubles();
        u[7] = Double.NEGATIVE_INFINITY;
        bad(variant("inf", l -> replace(l, NpyArray.ofDoubles("W2", "<f8", w.shape(), u))), "",
            "W2[2, 1] = -Infinity: every entry must be finite");
    }

    @Test
    void truncatedOrNonZipFilesAndUnsupportedDtypesOrByteOrders() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Path half = dir.resolve("half.npz");
        Files.write(half, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        bad(half, "", "half.npz: not a zip archive, or a truncated one");
        Path text = dir.resolve("text.npz");
        Files.writeString(text, "H,W1,b\n");
        bad(text, "", "text.npz: not a zip archive");
        bad(NpyReadTest.fixture("a_f2.npy"), "", "a_f2: unsupported dtype '<f2'");
        bad(NpyReadTest.fixture("native_order.npy"), "", "native_order: unsupported byte order '='");
        bad(NpyReadTest.fixture("truncated.npy"), "", "truncated: truncated data");
        bad(dir.resolve("absent.npz"), "", "absent.npz: no such file");
        bad(variant("ints", l -> replace(l, NpyArray.ofLongs("H", "<i8", new int[] {3, 6}, new long[18]))), "",
            "H: dtype '<i8' is not float32 or float64");
    }

    @Test
    void flagsAreCheckedToo() {
        bad(good, " --digits 5", "--digits = 5");
        CliRunner.assertBadInput("lambda", "check --point " + good + " --lambda-w -1 --lambda-h 1e-3", "--lambda-w");
        CliRunner.assertBadInput("lambda count", "check --point " + good + " --lambda-w 1e-3,1e-3,1e-3 --lambda-h 1e-3",
            "--lambda-w has 3 value(s)");
    }

    @Test
    void exportNeverOverwritesAndRefusesBeforeWork() throws IOException {
        byte[] before = Files.readAllBytes(good);
        CliRunner.assertBadInput("exists", "solve --sizes 3,2,1 --dim 3 --depth 2" + LAMBDAS + " --export " + good,
            "good.npz: exists");
        assertEquals(java.util.Arrays.hashCode(before), java.util.Arrays.hashCode(Files.readAllBytes(good)));
        CliRunner.assertBadInput("no dir", "solve --sizes 3,2,1 --dim 3 --depth 2" + LAMBDAS + " --export "
            + dir.resolve("nowhere/x.npz"), "does not exist or is not writable");
        assertTrue(Files.notExists(dir.resolve("nowhere")));
    }
}
