package org.ncverify.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;

/** {@link ScalarSolution#toString()}: s, p*(s) and the branch, as printed in failure messages. */
class ScalarSolutionTest {

    @Test
    void printsSAndPAndTheBranch() {
        List<ScalarSolution> sol = ClosedForm.of(Instances.imbalanced(), Precision.of(30)).solutions();
        ScalarSolution first = sol.get(0);
        assertEquals(Branch.SURVIVING, first.branch());
        assertEquals("p*(" + first.s().doubleValue() + ") = " + first.p().doubleValue() + " [SURVIVING]", first.toString());
        assertEquals("p*(0.0) = 0.0 [COLLAPSED]", sol.get(sol.size() - 1).toString());
    }
}
