package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.InputException;
import org.ncverify.linalg.Precision;
import org.ncverify.support.Instances;
import org.ncverify.theory.ClosedForm;

/** {@link Catalogue#of}: claims selected by id, in catalogue order; a bad id is bad input naming it; {@link Catalogue#run(Subject, java.util.concurrent.Executor)}. */
class CatalogueSelectionTest {
    @Test
    void selectsInCatalogueOrderOnce() {
        assertEquals(List.of("C1", "C5", "C13"), Catalogue.of(List.of("C13", "C5", "C1", "C5")).ids());
        assertEquals(Catalogue.all().ids(), Catalogue.of(Catalogue.all().ids()).ids());
        assertEquals(List.of("C7"), Catalogue.of(List.of("C7")).ids());
        assertTrue(Catalogue.of(List.of("C7")).claims().get(0) instanceof C7Alignment);
    }

    @Test
    void unknownIdIsBadInputNamingIt() {
        for (String bad : new String[] {"C14", "c1", "", "C0"}) {
            InputException e = assertThrows(InputException.class, () -> Catalogue.of(List.of("C1", bad)));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("C1, C2") && e.getMessage().contains("C13"), e.getMessage());
            assertTrue(!e.getMessage().contains("--"), "core never names a CLI flag: " + e.getMessage());
        }
    }

    @Test
    void emptySelectionIsBadInput() {
        assertThrows(InputException.class, () -> Catalogue.of(List.of()));
        assertThrows(InputException.class, () -> Catalogue.of(null));
    }

    /** A pool gives the verdicts of the sequential run, in catalogue order. */
    @Test
    void theCallerChoosesTheParallelism() throws Exception {
        ClosedForm cf = ClosedForm.rotated(Instances.imbalanced(), Precision.of(30), 11);
        List<Verdict> sequential = Catalogue.all().run(Subject.ofClosedForm(cf));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Verdict> parallel = Catalogue.all().run(Subject.ofClosedForm(cf), pool);
            assertEquals(sequential.size(), parallel.size());
            for (int i = 0; i < sequential.size(); i++) {
                assertEquals(sequential.get(i).toString(), parallel.get(i).toString());
                assertEquals(sequential.get(i).residual(), parallel.get(i).residual());
            }
        } finally {
            pool.shutdown();
        }
    }
}
