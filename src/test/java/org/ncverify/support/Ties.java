package org.ncverify.support;

import java.util.Map;
import java.util.TreeMap;
import org.ncverify.spectrum.EigenKind;
import org.ncverify.spectrum.YhatSpectrum;
import org.ncverify.theory.ClosedForm;

/** Tied singular values of Yhat at a closed form. */
public final class Ties {
    private Ties() {
    }

    /**
     * True when two or more directions of one tied block of s (a size repeated &gt;= 3 times, so
     * s = sqrt(size) has multiplicity &gt;= 2) have p* &gt; 0: the case where U and V are not unique
     * inside the product's row and column spaces (SPEC section 3, readings of C5-C7).
     */
    public static boolean survivingTie(ClosedForm cf) {
        YhatSpectrum sp = cf.spectrum();
        Map<Long, Integer> surviving = new TreeMap<>();
        for (int i = 0; i < sp.size(); i++) {
            if (sp.kind(i) == EigenKind.TIED_SIZE && cf.solutions().get(i).p().signum() > 0) {
                surviving.merge(sp.exactEigenvalue(i), 1, Integer::sum);
            }
        }
        return surviving.values().stream().anyMatch(c -> c >= 2);
    }
}
