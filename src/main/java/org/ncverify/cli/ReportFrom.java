package org.ncverify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ncverify.instance.InputException;
import org.ncverify.io.Shell;
import org.ncverify.report.CaseResult;
import org.ncverify.report.FromFiles;
import org.ncverify.report.HuntFindingRow;
import org.ncverify.report.Report;
import org.ncverify.report.ReportData;
import org.ncverify.report.ReportWriter;

/**
 * {@code ncverify report --from FILE... [--out DIR]}: the report of hunt journals, run outputs and
 * sweeps ({@link FromFiles}), written atomically to DIR (default {@value #DEFAULT_OUT}). The output
 * path and every input are checked before anything is written: a bad one is one line, exit 2, an
 * existing report untouched. Exit status by {@link ExitCodes}' meanings: 1 when an input holds a FAIL
 * verdict or a FALSE_AS_STATED hunt finding (a claim fails; {@code hunt} exits 1 for the latter),
 * else 3 when one holds an INCONCLUSIVE verdict, else 0; the report is written in every case.
 */
final class ReportFrom {
    /** Where the report goes without --out. */
    static final String DEFAULT_OUT = "reports/from";

    private ReportFrom() {
    }

    /** Runs it; {@code others} names options given that have no meaning with --from (null: none). */
    static int run(List<Path> from, Path out, String others, String tool, PrintWriter stdout) throws IOException {
        if (others != null) {
            throw new InputException(others + " cannot be combined with --from (a campaign option; --from renders files)");
        }
        ReportWriter.check(out);
        StringBuilder command = new StringBuilder("ncverify report --from");
        from.forEach(p -> command.append(' ').append(Shell.quote(p.toString())));
        command.append(" --out ").append(Shell.quote(out.toString()));
        ReportData data = FromFiles.read(from, tool, ReportCommand.gitCommit(), command.toString());
        ReportWriter.write(out, Report.files(data));
        long fails = data.cases().stream().filter(CaseResult::fails).count();
        long counter = data.hunts().stream().filter(HuntFindingRow::falseAsStated).count();
        boolean inconclusive = data.cases().stream()
            .anyMatch(c -> c.verdicts().stream().anyMatch(v -> v.status().equals("INCONCLUSIVE")));
        stdout.println(String.format(Locale.ROOT, "wrote %s (%d file(s), %d case(s), %d hunt finding(s); %d case(s) with a FAIL,"
                + " %d FALSE_AS_STATED finding(s))", out.resolve(ReportWriter.INDEX), from.size(), data.cases().size(),
            data.hunts().size(), fails, counter));
        if (fails > 0 || counter > 0) {
            return ExitCodes.FAILED;
        }
        return inconclusive ? ExitCodes.INCONCLUSIVE : ExitCodes.OK;
    }
}
