package org.ncverify.cli;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.ncverify.external.PointExport;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.linalg.Precision;
import org.ncverify.npy.Npz;
import org.ncverify.theory.ClosedForm;
import picocli.CommandLine.Option;

/**
 * The --export option of solve (a picocli mixin): the closed-form minimizer written as an npz
 * (H d x N, W1..WL, b, labels; float64, {@link PointExport}) that {@code numpy.load} and
 * {@code ncverify check} read. The target is checked before any work (an existing file is refused,
 * never overwritten) and written atomically.
 */
final class ExportOption {
    /** Largest d * N exported (doubles of H). */
    static final long MAX_ENTRIES = 50_000_000L;

    @Option(names = "--export", paramLabel = "FILE.npz",
        description = "write the closed-form minimizer (H, W1..WL, b, labels; float64) as a NumPy .npz")
    Path export;

    /** Refuses, before any work, a target that exists or cannot be written, or an H too large to write. */
    void check(Instance inst) {
        if (export == null) {
            return;
        }
        try {
            Npz.checkWritable(export);
        } catch (InputException e) {
            throw new InputException("--export = " + export + e.detail());
        }
        long entries = inst.total() * (long) inst.dim();
        if (inst.total() > PointExport.MAX_COLUMNS || entries > MAX_ENTRIES) {
            throw new InputException("--export = " + export + ": H would hold d x N = " + inst.dim() + " x " + inst.total()
                + " doubles; export supports d N <= " + MAX_ENTRIES);
        }
    }

    /** Refuses --export with an instance file of several instances (one file, one minimizer). */
    void checkSingle(int instances) {
        if (export != null && instances != 1) {
            throw new InputException("--export = " + export + ": writes one minimizer, but the instance file holds "
                + instances + " instances");
        }
    }

    /** Writes the minimizer (seeded frames when {@code seed} is present) when --export was given. */
    void write(Instance inst, Precision p, OptionalLong seed) {
        if (export == null) {
            return;
        }
        ClosedForm cf = seed.isPresent() ? ClosedForm.rotated(inst, p, seed.getAsLong()) : ClosedForm.of(inst, p);
        try {
            PointExport.write(export, cf.point());
        } catch (InputException e) {
            throw new InputException("--export = " + export + e.detail());
        }
    }
}
