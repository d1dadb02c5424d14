package org.ncverify.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.support.Instances;

/** The one flat layout: offsets of W_1..W_L, H feature by feature, b; as FullObjective reads it. */
class FlatLayoutTest {
    @Test
    void offsetsFollowTheDocumentedOrder() {
        Instance inst = Instances.narrow(); // sizes 10,5,3,2,1 (N = 21), d = 6, widths 4,2, L = 3, K = 5
        FlatLayout f = FlatLayout.of(inst);
        assertEquals(0, f.offsetW(1));
        assertEquals(24, f.offsetW(2));
        assertEquals(32, f.offsetW(3));
        assertEquals(42, f.offsetH());
        assertEquals(42 + 6 * 21, f.offsetB());
        assertEquals(42 + 6 * 21 + 5, f.size());
        assertEquals(24 + 1 * 4 + 1, f.weight(2, 1, 1));
        // H row-major: feature i of sample j at offsetH + i N + j
        assertEquals(42 + 2 * 21 + 7, f.feature(2, 7));
        assertEquals(21, f.samples());
        assertEquals(5, f.classes());
        assertEquals(3, f.depth());
        FullObjective obj = FullObjective.of(inst);
        assertEquals(f.size(), obj.size());
        assertEquals(f.feature(5, 20), obj.layout().feature(5, 20));
    }

    @Test
    void aLayoutBeyondOneArrayIsRefused() {
        Instance huge = Instance.of(new long[] {1_000_000_000L, 1}, 64, null, 1,
            new org.apfloat.Aprational[] {Instances.dec("1e-3")}, Instances.dec("1e-3"));
        assertThrows(IllegalArgumentException.class, () -> FlatLayout.of(huge));
    }
}
