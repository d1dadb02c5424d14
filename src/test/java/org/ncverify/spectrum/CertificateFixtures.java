package org.ncverify.spectrum;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: deliberately broken copies of a {@link SpectrumCertificate}, for the tests
 * of the checker of claim C8 (which must FAIL on them), built through the package-private
 * constructors of {@link SpectrumCertificate} and {@link SpectrumCertificate.Bracket}. Test
 * code only.
 */
public final class CertificateFixtures {
    private CertificateFixtures() {
    }

    /** The certificate with bracket i replaced by the same interval marked uncertified. */
    public static SpectrumCertificate withUncertifiedBracket(SpectrumCertificate c, int i) {
        List<SpectrumCertificate.Bracket> list = new ArrayList<>(c.brackets());
        SpectrumCertificate.Bracket b = list.get(i);
        list.set(i, new SpectrumCertificate.Bracket(b.kind(), b.lower(), b.upper(), false,
            "test: deliberately uncertified"));
        return copy(c, list, c.interlacing(), c.trace(), c.pseudoDeterminant());
    }

    /**
     * The certificate with bracket i widened (still marked certified) to relative width
     * {@code relativeWidth} around its upper end: an enclosure too loose to pin P digits.
     */
    public static SpectrumCertificate withWideBracket(SpectrumCertificate c, int i, BigDecimal relativeWidth) {
        List<SpectrumCertificate.Bracket> list = new ArrayList<>(c.brackets());
        SpectrumCertificate.Bracket b = list.get(i);
        BigDecimal lo = b.upper().subtract(b.upper().multiply(relativeWidth));
        list.set(i, new SpectrumCertificate.Bracket(b.kind(), lo, b.upper(), true, "test: deliberately wide"));
        return copy(c, list, c.interlacing(), c.trace(), c.pseudoDeterminant());
    }

    /**
     * The certificate of {@code spectrum} with the bracket of its first tied eigenvalue
     * (i such that kind(i) = TIED_SIZE) re-judged by the exact eigenvector check on a
     * deliberately wrong Helmert vector: the last entry -t replaced by -(t + 1), so that the
     * vector no longer sums to 0 and A w != c w. The check itself decides (it is not marked
     * uncertified by hand).
     *
     * @throws IllegalArgumentException if the spectrum has no tied eigenvalue
     */
    public static SpectrumCertificate withWrongTiedVector(YhatSpectrum spectrum) {
        SpectrumCertificate c = spectrum.certificate();
        for (int i = 0; i < spectrum.size(); i++) {
            if (spectrum.kind(i) == EigenKind.TIED_SIZE) {
                long[] w = spectrum.exactVector(i).dense(spectrum.size());
                int last = lastNonzero(w);
                w[last] -= 1;
                List<SpectrumCertificate.Bracket> list = new ArrayList<>(c.brackets());
                list.set(i, SpectrumCertificate.exactBracket(spectrum.groups(), EigenKind.TIED_SIZE,
                    spectrum.exactEigenvalue(i), sparse(w, spectrum.exactVector(i).normSquared()), List.of()));
                return copy(c, list, c.interlacing(), c.trace(), c.pseudoDeterminant());
            }
        }
        throw new IllegalArgumentException("the spectrum has no tied eigenvalue (no size repeated 3 times)");
    }

    /** The sparse vector of the nonzero entries of w, normalised by normSquared. */
    static ExactVector sparse(long[] w, long normSquared) {
        int[] index = java.util.stream.IntStream.range(0, w.length).filter(k -> w[k] != 0).toArray();
        long[] value = java.util.Arrays.stream(index).mapToLong(k -> w[k]).toArray();
        return new ExactVector(index, value, normSquared);
    }

    private static int lastNonzero(long[] w) {
        int last = -1;
        for (int k = 0; k < w.length; k++) {
            last = w[k] != 0 ? k : last;
        }
        return last;
    }

    /** The certificate with its interlacing evidence negated. */
    public static SpectrumCertificate withoutInterlacing(SpectrumCertificate c) {
        return copy(c, c.brackets(), false, c.trace(), c.pseudoDeterminant());
    }

    private static SpectrumCertificate copy(SpectrumCertificate c, List<SpectrumCertificate.Bracket> brackets,
                                            boolean interlacing, boolean trace, boolean pdet) {
        return new SpectrumCertificate(brackets, interlacing, trace, pdet);
    }
}
