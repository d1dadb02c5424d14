package org.ncverify.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ncverify.claims.Reading;
import org.ncverify.claims.Verdict;

/** Claim verdicts as JSON objects and as a text table, shared by the commands. */
final class VerdictOutput {
    private VerdictOutput() {
    }

    /** One object per verdict: id, status, residual, tolerance, toleranceOrigin, reading, detail (+ readings). */
    static void json(ArrayNode claims, List<Verdict> verdicts) {
        for (Verdict v : verdicts) {
            ObjectNode c = claims.addObject();
            c.put("id", v.claimId());
            c.put("status", v.status().name());
            c.put("residual", v.residualText());
            c.put("tolerance", v.toleranceText());
            c.put("toleranceOrigin", v.tolerance() == null ? "-" : v.tolerance().origin());
            c.put("reading", v.reading());
            c.put("detail", v.detail());
            if (!v.readings().isEmpty()) {
                ArrayNode rs = c.putArray("readings");
                for (Reading r : v.readings()) {
                    ObjectNode o = rs.addObject();
                    o.put("name", r.name());
                    o.put("status", r.status().name());
                    o.put("residual", r.residualText());
                    o.put("tolerance", r.toleranceText());
                    o.put("note", r.note());
                }
            }
        }
    }

    /** The table "id status residual tolerance reading", one line per verdict. */
    static void text(StringBuilder b, List<Verdict> verdicts) {
        b.append(String.format("%-4s  %-15s  %-10s  %-10s  %s%n", "id", "status", "residual", "tolerance", "reading"));
        for (Verdict v : verdicts) {
            b.append(String.format("%-4s  %-15s  %-10s  %-10s  %s%n", v.claimId(), v.status(), v.residualText(),
                v.toleranceText(), v.reading()));
        }
    }
}
