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
        return copy(c, list, c.interlacing(), c.trace(), c.pseudoDeterminant(), c.exactVectors());
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
        return copy(c, list, c.interlacing(), c.trace(), c.pseudoDeterminant(), c.exactVectors());
    }

    /** The certificate with its interlacing evidence negated. */
    public static SpectrumCertificate withoutInterlacing(SpectrumCertificate c) {
        return copy(c, c.brackets(), false, c.trace(), c.pseudoDeterminant(), c.exactVectors());
    }

    private static SpectrumCertificate copy(SpectrumCertificate c, List<SpectrumCertificate.Bracket> brackets,
                                            boolean interlacing, boolean trace, boolean pdet, boolean vectors) {
        return new SpectrumCertificate(brackets, interlacing, trace, pdet, vectors);
    }
}
