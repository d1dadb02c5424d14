package org.ncverify.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.ncverify.results.JsonRenderer;
import org.ncverify.results.OptimizeResult;
import org.ncverify.runs.RunSummary;
import org.ncverify.runs.StartClass;

/**
 * The optimizer figure's data: per small case (a panel), per start (a trace), the objective
 * gap f - f* against the L-BFGS iteration, where f is the start's recorded value after each
 * iteration ({@link RunSummary#trace()}, computed in double, start point = iteration 0) and f*
 * is the closed form's optimum rounded to double. The gap is therefore a double difference: a
 * gap below about 1e-16 |f*| is rounding, and a gap &lt;= 0 cannot go on a log axis: it is kept
 * here as it is and drawn on the panel's floor with its own marker (never dropped). A non-finite
 * f is kept as null. Long traces are thinned to at most about {@value #MAX_POINTS} points: every
 * ceil(n / MAX_POINTS)-th iteration from 0, and always the last one; the iterations kept are
 * listed, and {@link Trace#nonPositive} and {@link Trace#nonFinite} count over every iteration,
 * kept or not (the caption gives both).
 *
 * @param id      "optimizer"
 * @param caption the page's caption
 * @param digits  the digits of f* and of the verdicts
 * @param panels  one per case, campaign order
 */
public record OptimizerFigure(String id, String caption, int digits, List<Panel> panels) implements FigureData {
    /** Largest number of points kept per trace. */
    public static final int MAX_POINTS = 400;

    public OptimizerFigure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caption, "caption");
        panels = List.copyOf(panels);
    }

    /**
     * One case: its label, f* (full digits and as a double), the theory's direction counts and the
     * traces of its starts.
     *
     * @param label               the case
     * @param replay              the optimize command that repeats the runs
     * @param objective           f* with every digit
     * @param objectiveDouble     f* rounded to double (what the gaps are measured from)
     * @param survivingDirections the closed form's number of surviving directions
     * @param admissibleCounts    direction counts a global minimizer may have
     * @param traces              one per start, start order
     */
    public record Panel(String label, String replay, String objective, double objectiveDouble, int survivingDirections,
                        String admissibleCounts, List<Trace> traces) {
        public Panel {
            traces = List.copyOf(traces);
        }

        /** The panel of {@code r}, the result of {@code c}'s runs. */
        public static Panel of(OptimizerCase c, OptimizeResult r, int digits) {
            double fStar = r.objective().doubleValue();
            List<Trace> traces = r.runs().stream().map(run -> Trace.of(run, fStar)).toList();
            return new Panel(c.label(), c.replay(digits), JsonRenderer.fullDigits(r.objective()), fStar,
                r.survivingDirections(), r.admissibleCounts().toString(), traces);
        }

        /** Starts per class, e.g. "6 GLOBAL, 2 PARTIAL". */
        public String classes() {
            Map<StartClass, Integer> n = new EnumMap<>(StartClass.class);
            traces.forEach(t -> n.merge(StartClass.valueOf(t.classification()), 1, Integer::sum));
            return n.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        }
    }

    /**
     * One start.
     *
     * @param start          0-based start index
     * @param seed           its seed
     * @param classification its {@link StartClass} name
     * @param directions     surviving directions at its end point
     * @param relativeGap    its final (f - f*) / f* as the classifier measured it; null when not finite
     * @param iteration      the iterations kept (0 = start point), as doubles
     * @param gap            f - f* at each, null where f is not finite
     * @param iterations     the length of the run's whole trace (start point included)
     * @param nonPositive    iterations of the whole trace with gap &lt;= 0 (not on a log axis: the kept ones are drawn on the floor)
     * @param nonFinite      iterations of the whole trace with a non-finite f (the kept ones are null)
     */
    public record Trace(int start, long seed, String classification, int directions, Double relativeGap,
                        double[] iteration, Double[] gap, int iterations, int nonPositive, int nonFinite) {
        public Trace {
            iteration = iteration.clone();
            gap = gap.clone();
            if (iteration.length != gap.length) {
                throw new IllegalArgumentException("iterations and gaps differ in length");
            }
        }

        /** The trace of {@code run} against {@code fStar}, thinned to {@value #MAX_POINTS} points. */
        public static Trace of(RunSummary run, double fStar) {
            double[] f = run.trace();
            int step = Math.max(1, (f.length + MAX_POINTS - 1) / MAX_POINTS);
            List<Integer> keep = new ArrayList<>();
            for (int k = 0; k < f.length; k += step) {
                keep.add(k);
            }
            if (f.length > 0 && keep.get(keep.size() - 1) != f.length - 1) {
                keep.add(f.length - 1);
            }
            double[] it = new double[keep.size()];
            Double[] gap = new Double[keep.size()];
            for (int j = 0; j < it.length; j++) {
                int k = keep.get(j);
                it[j] = k;
                double g = f[k] - fStar;
                gap[j] = Double.isFinite(g) ? g : null;
            }
            int nonPositive = 0;
            int nonFinite = 0;
            for (double v : f) {
                double g = v - fStar;
                nonFinite += Double.isFinite(g) ? 0 : 1;
                nonPositive += Double.isFinite(g) && g <= 0 ? 1 : 0;
            }
            return new Trace(run.start(), run.seed(), run.classification().name(), run.directions(),
                Double.isFinite(run.relativeGap()) ? run.relativeGap() : null, it, gap, f.length, nonPositive, nonFinite);
        }

        @Override
        public double[] iteration() {
            return iteration.clone();
        }

        @Override
        public Double[] gap() {
            return gap.clone();
        }
    }

    /** The figure of {@code panels}, with its caption. */
    public static OptimizerFigure of(List<Panel> panels, int digits) {
        StringBuilder c = new StringBuilder("The independent optimizer (ncverify optimize, multi-start L-BFGS on the full "
            + "objective in double): objective gap f - f* against iteration, log y, one line per start coloured by its class; "
            + "f* is the closed form's optimum at " + digits + " digits rounded to double, so gaps below about 1e-16 |f*| "
            + "are rounding. Gaps <= 0 cannot go on a log axis: they are drawn as triangles on the panel's floor. ");
        c.append("Traces longer than ").append(MAX_POINTS).append(" iterations are thinned (every j-th iteration and the last);"
            + " the counts below are over every iteration. ");
        for (Panel p : panels) {
            int np = p.traces().stream().mapToInt(Trace::nonPositive).sum();
            int nf = p.traces().stream().mapToInt(Trace::nonFinite).sum();
            int n = p.traces().stream().mapToInt(Trace::iterations).sum();
            c.append(p.label()).append(": ").append(p.classes()).append(String.format(Locale.ROOT,
                "; of %d iterations %d with gap <= 0 (drawn on the floor where kept), %d non-finite (not drawn). ", n, np, nf));
        }
        return new OptimizerFigure("optimizer", c.append("Data: data/optimizer.json.").toString(), digits, panels);
    }
}
