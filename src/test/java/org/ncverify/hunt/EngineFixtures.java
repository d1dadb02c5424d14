package org.ncverify.hunt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apfloat.Apfloat;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Status;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;

/**
 * A small hunt for the engine's tests: the mixed profile, 24 instances in batches of 4, judged at
 * 10 digits by C10 and a false test claim "K4" (K &lt;= 4 classes), whose FAILs a deterministic test
 * analysis turns into two distinct findings (the shrunk instance depends on K's parity only), so
 * that the journal holds finding and repeat records.
 */
final class EngineFixtures {
    static final long SEED = 11;
    static final Catalogue CATALOGUE = Catalogue.of(List.of("C10")).plus(List.of(new AtMostFourClasses()));

    private EngineFixtures() {
    }

    static HuntOptions options(Shard shard) {
        return new HuntOptions("mixed", 24, 0, SEED, 10, List.of(), HuntOptions.Search.RANDOM, false, List.of(), 4, shard);
    }

    static Hunt hunt(HuntOptions o, int threads) {
        return new Hunt(o, CATALOGUE, threads, EngineFixtures::analyze);
    }

    /** A new hunt with {@code o} journalled to {@code file}. */
    static HuntSummary run(HuntOptions o, int threads, Path file, BooleanSupplier stop) {
        Hunt h = hunt(o, threads);
        return h.run(Journal.create(file, h.header()), new HuntState(), HuntListener.NONE, stop);
    }

    /** Resumes the journal {@code file}. */
    static HuntSummary resume(HuntOptions o, Path file) {
        JournalFile f = JournalFile.read(file);
        HuntState s = Hunt.resume(f, o);
        return hunt(o, 2).run(Journal.reopen(f), s, HuntListener.NONE, () -> false);
    }

    /** Every FAIL is FALSE_AS_STATED, "shrunk" to K = 5 or 6 unit classes by the parity of K. */
    static List<Finding> analyze(long index, Instance x, List<Verdict> verdicts) {
        List<Finding> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            if (v.status() == Status.FAIL) {
                long[] ones = new long[5 + x.classes() % 2];
                Arrays.fill(ones, 1);
                Instance shrunk = Instance.of(ones, 1, null, 1, new org.apfloat.Aprational[] {Rationals.of(1, 10)},
                    Rationals.of(1, 10));
                out.add(new Finding(FindingClass.FALSE_AS_STATED, v.claimId(), null, x, shrunk, v.residualText(),
                    v.toleranceText(), SEED, index, "ncverify verify " + shrunk.describe(), v.detail(), 1));
            }
        }
        return out;
    }

    /** A false claim for the tests: "there are at most four classes" (residual K, tolerance 4). */
    static final class AtMostFourClasses implements Claim {
        @Override
        public String id() {
            return "K4";
        }

        @Override
        public String statement() {
            return "K <= 4";
        }

        @Override
        public String hypotheses() {
            return "none";
        }

        @Override
        public Verdict check(Subject subject) {
            int k = subject.instance().classes();
            return Verdict.judge(id(), new Apfloat(k), Tolerance.of(new Apfloat(4), "at most four classes"), "class count",
                "K = " + k);
        }
    }
}
