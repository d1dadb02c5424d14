package org.ncverify.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apfloat.Apfloat;
import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;

/** {@link ClosedForm#admissible}: the one list of admissible values at s_crit (C4, C5-C7). */
class AdmissibleValuesTest {
    @Test
    void atTheThresholdEachTrailingIndexMayDropToZero() {
        // sizes (4, 4, 4, 4, 4), L = 2: s = 2 = s_crit exactly with multiplicity 4
        ClosedForm cf = ClosedForm.of(Instances.balancedAtThreshold(), Precision.of(30));
        Apfloat[] p = cf.productSingularValues();
        int tied = 0;
        for (int i = 0; i < p.length; i++) {
            if (cf.eitherBranch(i)) {
                tied++;
                assertTrue(p[i].signum() > 0);
            }
        }
        assertTrue(tied >= 2, "the instance has a tied block at s_crit");
        List<Apfloat[]> lists = cf.admissible(p, 0, p.length);
        assertEquals(tied + 1, lists.size());
        for (int j = 0; j < lists.size(); j++) {
            Apfloat[] t = lists.get(j);
            long zeros = Arrays.stream(t).filter(x -> x.signum() == 0).count();
            assertEquals(j + (p.length - tied), zeros, "list " + j);
            for (int i = 1; i < t.length; i++) {
                assertTrue(t[i - 1].compareTo(t[i]) >= 0, "list " + j + " is decreasing");
            }
        }
        // a sub-range sees only its own indices
        assertEquals(2, cf.admissible(p, 0, 1).size());
        assertEquals(1, cf.admissible(p, p.length - 1, p.length).size());
    }

    @Test
    void awayFromTheThresholdThereIsOneList() {
        ClosedForm cf = ClosedForm.of(Instances.imbalanced(), Precision.of(30));
        Apfloat[] p = cf.productSingularValues();
        for (int i = 0; i < p.length; i++) {
            assertFalse(cf.eitherBranch(i));
        }
        List<Apfloat[]> lists = cf.admissible(p, 0, p.length);
        assertEquals(1, lists.size());
        assertEquals(p.length, lists.get(0).length);
    }
}
