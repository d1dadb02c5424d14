package org.ncverify.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ncverify.instance.InputException;
import org.ncverify.instance.InstanceJson;

/**
 * The JSON shapes of a hunt journal (one JSON object a line, each with {@code "schemaVersion": 1}
 * and a {@code "type"}), written and read here only:
 * <ul>
 * <li>{@value #HEADER}: {@code tool}, {@code options} ({@link HuntOptions#toJson()}), {@code shard {index, count}};</li>
 * <li>{@value #BATCH}: {@code first} (its first index), {@code instances [{index, profile, seed, note, instance,
 *     worst {claim, margin}, statuses {C1: PASS, ...}, optimizer {C13: PASS, ...} (when it ran), error}]}, {@code seconds}: it commits the batch;</li>
 * <li>{@value #FINDING}: {@code key, kind, claim, reading, residual, tolerance, seed, index, original, shrunk,
 *     replay, detail} (a finding first seen; written before the batch record of its instance);</li>
 * <li>{@value #REPEAT}: {@code key, index} (a finding already recorded, seen again at index);</li>
 * <li>{@value #SUMMARY}: {@code instances, errors, findingsByKind, failsByClaim, findings [... with count], stop, seconds}.</li>
 * </ul>
 * Instances are {@link InstanceJson} objects (exact). A non-finite margin is {@code null} with its
 * text in {@code marginText}; a residual or tolerance that is not a finite number ("NaN", "-") is
 * {@code null} with its text in {@code residualText} / {@code toleranceText}. Timing fields are
 * all named {@code seconds}.
 */
public final class Records {
    public static final String HEADER = "header";
    public static final String BATCH = "batch";
    public static final String FINDING = "finding";
    public static final String REPEAT = "repeat";
    public static final String SUMMARY = "summary";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Records() {
    }

    private static ObjectNode record(String type) {
        ObjectNode o = F.objectNode();
        o.put("schemaVersion", 1);
        o.put("type", type);
        return o;
    }

    /** The header of a hunt with these options, written by {@code tool}. */
    public static ObjectNode header(String tool, HuntOptions options) {
        ObjectNode o = record(HEADER);
        o.put("tool", tool);
        o.set("options", options.toJson());
        ObjectNode s = o.putObject("shard");
        s.put("index", options.shard().index());
        s.put("count", options.shard().count());
        return o;
    }

    /** A batch record: the instances (in index order) and the seconds the batch took (null when unknown). */
    public static ObjectNode batch(List<JsonNode> instances, Double seconds) {
        ObjectNode o = record(BATCH);
        o.put("first", instances.get(0).path("index").asLong());
        ArrayNode a = o.putArray("instances");
        instances.forEach(a::add);
        o.put("seconds", seconds); // a null Double is written as null
        return o;
    }

    /** One instance of a batch record. */
    public static ObjectNode instance(InstanceRecord r) {
        ObjectNode o = F.objectNode();
        o.put("index", r.index());
        o.put("profile", r.profile());
        o.put("seed", r.seed()); // a null Long is written as null
        o.put("note", r.note());
        o.set("instance", InstanceJson.write(r.instance()));
        ObjectNode w = o.putObject("worst");
        w.put("claim", r.worstClaim());
        if (Double.isFinite(r.worstMargin())) {
            w.put("margin", r.worstMargin());
        } else {
            w.putNull("margin");
            w.put("marginText", Double.toString(r.worstMargin()));
        }
        ObjectNode st = o.putObject("statuses");
        r.statuses().forEach(st::put);
        if (!r.optimizerStatuses().isEmpty()) {
            ObjectNode os = o.putObject("optimizer");
            r.optimizerStatuses().forEach(os::put);
        }
        if (r.error() != null) {
            o.put("error", r.error());
        }
        return o;
    }

    /** The instance record read back from one element of a batch's {@code instances}. */
    public static InstanceRecord instanceRecord(JsonNode o) {
        long index = o.path("index").asLong();
        JsonNode w = o.path("worst");
        double margin = w.path("margin").isNumber() ? w.path("margin").asDouble() : Double.parseDouble(w.path("marginText").asText("NaN"));
        Map<String, String> statuses = new LinkedHashMap<>();
        o.path("statuses").fields().forEachRemaining(e -> statuses.put(e.getKey(), e.getValue().asText()));
        Map<String, String> optimizer = new LinkedHashMap<>();
        o.path("optimizer").fields().forEachRemaining(e -> optimizer.put(e.getKey(), e.getValue().asText()));
        return new InstanceRecord(index, o.path("profile").asText(), o.path("seed").isNumber() ? o.path("seed").asLong() : null,
            o.path("note").asText(), InstanceJson.read(o.get("instance"), "instance " + index),
            w.path("claim").isTextual() ? w.path("claim").asText() : null, margin, statuses, optimizer,
            o.path("error").isTextual() ? o.path("error").asText() : null);
    }

    /** A finding record. */
    public static ObjectNode finding(Finding f) {
        ObjectNode o = record(FINDING);
        findingFields(o, f);
        return o;
    }

    private static void findingFields(ObjectNode o, Finding f) {
        o.put("key", f.key());
        o.put("kind", f.kind().name());
        o.put("claim", f.claimId());
        o.put("reading", f.reading());
        number(o, "residual", f.residual());
        number(o, "tolerance", f.tolerance());
        o.put("seed", f.seed());
        o.put("index", f.index());
        o.set("original", InstanceJson.write(f.original()));
        o.set("shrunk", InstanceJson.write(f.shrunk()));
        o.put("replay", f.replay());
        o.put("detail", f.detail());
    }

    /** The finding of a finding record (or of a summary's {@code findings} element, with its count). */
    public static Finding finding(JsonNode o) {
        String where = "finding at index " + o.path("index").asLong();
        FindingClass kind;
        try {
            kind = FindingClass.valueOf(o.path("kind").asText());
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": unknown kind '" + o.path("kind").asText() + "'");
        }
        return new Finding(kind, o.path("claim").asText(), text(o, "reading"),
            InstanceJson.read(o.get("original"), where + ".original"), InstanceJson.read(o.get("shrunk"), where + ".shrunk"),
            numberText(o, "residual"), numberText(o, "tolerance"), o.path("seed").asLong(), o.path("index").asLong(),
            o.path("replay").asText(), text(o, "detail"), o.has("count") ? o.path("count").asInt() : 1);
    }

    /** A repeat record: the finding of {@code key} seen again at {@code index}. */
    public static ObjectNode repeat(String key, long index) {
        ObjectNode o = record(REPEAT);
        o.put("key", key);
        o.put("index", index);
        return o;
    }

    /** A summary record. */
    public static ObjectNode summary(HuntSummary s) {
        ObjectNode o = record(SUMMARY);
        o.put("instances", s.instances());
        o.put("errors", s.errors());
        ObjectNode k = o.putObject("findingsByKind");
        s.findingsByKind().forEach((kind, n) -> k.put(kind.name(), n));
        ObjectNode c = o.putObject("failsByClaim");
        s.failsByClaim().forEach(c::put);
        ArrayNode a = o.putArray("findings");
        for (Finding f : s.findings()) {
            ObjectNode e = a.addObject();
            findingFields(e, f);
            e.put("count", f.count());
        }
        o.put("stop", s.stop());
        o.put("seconds", s.seconds()); // a null Double is written as null
        return o;
    }

    /** A decimal string when {@code text} is a finite number, else null with the text beside it. */
    private static void number(ObjectNode o, String field, String text) {
        if (text != null && isDecimal(text)) {
            o.put(field, text);
        } else {
            o.putNull(field);
            o.put(field + "Text", text);
        }
    }

    private static String numberText(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isTextual() ? v.asText() : text(o, field + "Text");
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean isDecimal(String t) {
        try {
            new BigDecimal(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
