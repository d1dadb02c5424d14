package org.ncverify.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The validation messages of {@link Instance#of} (quantities, no flags) and its fingerprint. */
class InstanceTest {
    private static Aprational dec(String text) {
        return Rationals.parseDecimal("lambda", text);
    }

    private static final Aprational[] LW = {dec("1e-3")};

    private static InputException refused(Executable build, String quantity, String message) {
        InputException e = assertThrows(InputException.class, build);
        assertEquals(quantity, e.quantity(), e::getMessage);
        assertEquals(message, e.getMessage());
        assertEquals(message, e.quantity() + e.detail());
        assertFalse(e.getMessage().contains("--"), () -> "core names a flag: " + e.getMessage());
        return e;
    }

    @Test
    void everyCheckNamesTheQuantityAndTheValue() {
        refused(() -> Instance.of(new long[] {5, 0}, 2, null, 1, LW, LW[0]), "sizes",
            "sizes[1] = 0: every class size must be a positive integer");
        refused(() -> Instance.of(new long[] {5}, 2, null, 1, LW, LW[0]), "sizes",
            "sizes has 1 class(es): K >= 2 classes are required");
        refused(() -> Instance.of(new long[] {5, 3}, 0, null, 1, LW, LW[0]), "dim",
            "dim = 0: the feature dimension must be >= 1");
        refused(() -> Instance.of(new long[] {5, 3}, 2, null, 0, LW, LW[0]), "depth",
            "depth = 0: the depth L must be in 1.." + Instance.MAX_DEPTH);
        refused(() -> Instance.of(new long[] {5, 3}, 2, new int[] {2, 0}, 3, LW, LW[0]), "widths",
            "widths[1] = 0: every hidden width must be >= 1");
        refused(() -> Instance.of(new long[] {5, 3}, 2, null, 2, new Aprational[] {LW[0], dec("0")}, LW[0]), "lambda_W",
            "lambda_W[1] = 0: a weight decay must be > 0");
        refused(() -> Instance.of(new long[] {5, 3}, 2, null, 1, LW, dec("-1")), "lambda_H",
            "lambda_H = -1: a weight decay must be > 0");
    }

    @Test
    void theFingerprintDependsOnTheNumbersOnly() {
        Instance a = Instance.of(new long[] {8, 8, 8, 3, 1}, 6, null, 2, LW, LW[0]);
        Instance same = Instance.of(new long[] {8, 8, 8, 3, 1}, 6, new int[] {6}, 2,
            new Aprational[] {dec("0.001"), dec("1e-3")}, dec("0.0010"));
        assertEquals(a.fingerprint(), same.fingerprint());
        // pinned: a seed derived from it must not move between versions or machines
        assertEquals(2653955191985327077L, a.fingerprint());
        long[] others = {
            Instance.of(new long[] {8, 8, 8, 1, 3}, 6, null, 2, LW, LW[0]).fingerprint(),
            Instance.of(new long[] {8, 8, 8, 3, 1}, 5, null, 2, LW, LW[0]).fingerprint(),
            Instance.of(new long[] {8, 8, 8, 3, 1}, 6, new int[] {5}, 2, LW, LW[0]).fingerprint(),
            Instance.of(new long[] {8, 8, 8, 3, 1}, 6, null, 2, LW, dec("2e-3")).fingerprint(),
            Instance.of(new long[] {8, 8, 8, 3, 1}, 6, null, 2, new Aprational[] {LW[0], dec("2e-3")}, LW[0]).fingerprint(),
            Instance.of(new long[] {8, 8, 8, 3, 1}, 6, null, 1, LW, LW[0]).fingerprint()};
        for (long o : others) {
            assertNotEquals(a.fingerprint(), o);
        }
        assertTrue(a.fingerprint() != 0);
    }
}
