package org.ncverify.hunt;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apfloat.Apfloat;
import org.ncverify.claims.Claim;
import org.ncverify.claims.Subject;
import org.ncverify.claims.Tolerance;
import org.ncverify.claims.Verdict;
import org.ncverify.instance.InputException;

/**
 * A researcher's own {@link Claim} (a conjecture), hunted like a catalogue claim, behind a
 * guard: whatever the user's {@code check} does, the hunt gets a verdict. A check that throws
 * (any exception, or a linkage or stack-overflow error) is a FAIL whose detail names the
 * exception and its message; a null verdict, or one carrying another claim's id, is a FAIL
 * saying so; a residual or tolerance given as a non-finite double through {@link #judge} is a
 * FAIL. Never a crash of the hunt, never a PASS without a finite measurement. The id,
 * statement, hypotheses and {@code judgesCandidate()} are read once, when the claim is
 * loaded ({@link ClaimLoader}), so later calls cannot throw. Immutable.
 */
public final class UserClaim implements Claim {
    private final Claim delegate;
    private final String id;
    private final String statement;
    private final String hypotheses;
    private final boolean judgesCandidate;
    private final List<Path> classpath;

    private UserClaim(Claim delegate, String id, String statement, String hypotheses, boolean judgesCandidate,
                      List<Path> classpath) {
        this.delegate = delegate;
        this.classpath = classpath;
        this.id = id;
        this.statement = statement;
        this.hypotheses = hypotheses;
        this.judgesCandidate = judgesCandidate;
    }

    /**
     * The guarded claim; reads its id, statement, hypotheses and judgesCandidate() now.
     *
     * @throws InputException when one of them throws, or the id is null or blank (the message names the class)
     */
    public static UserClaim of(Claim delegate) {
        return of(delegate, List.of());
    }

    /**
     * {@link #of(Claim)} for a claim loaded from {@code classpath} (kept, as absolute paths, for
     * {@link #replayArgs()}).
     */
    public static UserClaim of(Claim delegate, List<Path> classpath) {
        Objects.requireNonNull(delegate, "delegate");
        String name = delegate.getClass().getName();
        String id;
        String statement;
        String hypotheses;
        boolean candidate;
        try {
            id = delegate.id();
            statement = delegate.statement();
            hypotheses = delegate.hypotheses();
            candidate = delegate.judgesCandidate();
        } catch (RuntimeException | LinkageError e) {
            throw new InputException("claim class " + name + " threw " + e.getClass().getSimpleName()
                + " describing itself: " + e.getMessage());
        }
        if (id == null || id.isBlank()) {
            throw new InputException("claim class " + name + " has a blank id()");
        }
        return new UserClaim(delegate, id.strip(), statement == null ? "" : statement,
            hypotheses == null ? "" : hypotheses, candidate,
            classpath.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }

    /**
     * The arguments that load this claim again: {@code --claim-class NAME} and a {@code --classpath
     * PATH} per entry it was loaded with (the tail of a {@link Replay} line).
     */
    public List<String> replayArgs() {
        List<String> out = new ArrayList<>(List.of("--claim-class", userClass().getName()));
        for (Path p : classpath) {
            out.add("--classpath");
            out.add(p.toString());
        }
        return List.copyOf(out);
    }

    /** The user's class. */
    public Class<?> userClass() {
        return delegate.getClass();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String statement() {
        return statement;
    }

    @Override
    public String hypotheses() {
        return hypotheses;
    }

    @Override
    public boolean judgesCandidate() {
        return judgesCandidate;
    }

    @Override
    public Verdict check(Subject subject) {
        Verdict v;
        try {
            v = delegate.check(subject);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return Verdict.fail(id, null, null, "user claim " + userClass().getName(),
                "the check threw " + e.getClass().getName() + ": " + e.getMessage());
        }
        if (v == null) {
            return Verdict.fail(id, null, null, "user claim " + userClass().getName(), "the check returned no verdict");
        }
        if (!id.equals(v.claimId())) {
            return Verdict.fail(id, v.residual(), v.tolerance(), v.reading(), "the check returned a verdict for '"
                + v.claimId() + "', not for its own id '" + id + "'");
        }
        return v;
    }

    /**
     * A convenience for conjectures measured in doubles: PASS when {@code residual <= tolerance},
     * FAIL otherwise, and FAIL (non-finite) when either is NaN or infinite, or negative. The
     * doubles are converted exactly (their binary values).
     */
    public static Verdict judge(String id, double residual, double tolerance, String reading, String detail) {
        if (!Double.isFinite(residual) || !Double.isFinite(tolerance)) {
            return Verdict.nonFinite(id, "residual " + residual + ", tolerance " + tolerance + ": " + detail);
        }
        if (residual < 0 || tolerance < 0) {
            return Verdict.fail(id, null, null, reading, "negative residual " + residual + " or tolerance " + tolerance
                + ": " + detail);
        }
        Apfloat r = exact(residual);
        Apfloat t = exact(tolerance);
        return Verdict.judge(id, r, Tolerance.of(t, "given by the claim (a double)"), reading, detail);
    }

    private static Apfloat exact(double x) {
        return x == 0.0 ? Apfloat.ZERO : new Apfloat(new BigDecimal(x));
    }

    @Override
    public String toString() {
        return id + " (" + userClass().getName() + "): " + statement;
    }
}
