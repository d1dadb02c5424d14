package org.ncverify.results.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;
import org.ncverify.claims.Claim;
import org.ncverify.instance.InstanceJson;
import org.ncverify.linalg.Precision;
import org.ncverify.results.JsonRenderer;
import org.ncverify.results.sweep.Range.Kind;

/**
 * The JSON Lines layout of a sweep: one compact object per point, in point order (the schema's
 * {@code $defs/sweepRow}):
 *
 * <pre>
 * {"schemaVersion": 1, "command": "ncverify sweep ...", "index": j,
 *  "parameters": {"depth": 2, "lambdaH": "0.001", ...},   // the axis values: integers as numbers, decimals as exact strings
 *  "instance": {...},                                      // InstanceJson.write
 *  "digits": P, "survivingDirections": m, "sCrit": "...", "fStar": "...",   // decimal strings, P significant digits
 *  "verdicts": [{id, status, residual, tolerance, toleranceOrigin, reading, detail, readings?, statement, hypotheses}, ...]}
 * </pre>
 *
 * The verdicts have the shape of {@code verify --format json}'s {@code claims} ({@link JsonRenderer#verdicts}).
 */
public final class SweepJsonl {
    /** The version of this layout, in every line. */
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SweepJsonl() {
    }

    /** The object of one row; {@code command} replays the whole sweep. */
    public static ObjectNode object(SweepRow row, String command) {
        Precision p = row.precision();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        o.put("command", command);
        o.put("index", row.point().index());
        ObjectNode params = o.putObject("parameters");
        for (Map.Entry<Axis, BigDecimal> e : row.point().parameters().entrySet()) {
            if (e.getKey().kind() == Kind.INTEGER) {
                params.put(e.getKey().key(), e.getValue().longValueExact());
            } else {
                params.put(e.getKey().key(), Range.format(e.getValue()));
            }
        }
        o.set("instance", InstanceJson.write(row.point().instance()));
        o.put("digits", p.digits());
        o.put("survivingDirections", row.survivingDirections());
        o.put("sCrit", p.format(row.sCrit()));
        o.put("fStar", p.format(row.fStar()));
        ArrayNode verdicts = o.putArray("verdicts");
        JsonRenderer.verdicts(verdicts, row.verdicts());
        for (int i = 0; i < row.claims().size(); i++) {
            Claim c = row.claims().get(i);
            ((ObjectNode) verdicts.get(i)).put("statement", c.statement()).put("hypotheses", c.hypotheses());
        }
        return o;
    }

    /** The line of one row (compact JSON, no line terminator). */
    public static String line(SweepRow row, String command) {
        try {
            return MAPPER.writeValueAsString(object(row, command));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
