package org.ncverify.hunt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ncverify.instance.InputException;
import org.ncverify.instance.InstanceJson;
import org.ncverify.linalg.Precision;

/**
 * Everything that defines a hunt (issue 10): which instances (profile, seed, strategy), how
 * many (a count, or a time budget), how they are judged (digits, claims, user claim classes,
 * the optimizer) and how they are grouped (batch size, which fixes what the targeted strategy's
 * pool has seen), plus the shard this process runs. Two runs with equal options (shard aside)
 * are the same hunt: {@link #toJson()} is what a journal header records and what resume and
 * merge compare. Immutable; the factory checks each value and names its flag.
 *
 * @param profile       a {@link Draw#names()} name
 * @param count         instances 0..count-1 of the hunt, or 0 with a time budget
 * @param timeSeconds   the time budget in seconds, or 0 with a count
 * @param seed          the hunt seed (instance j is drawn from (seed, j), {@link Draw})
 * @param digits        significant digits of the judgement, {@link Precision#MIN_DIGITS}..{@link Precision#MAX_DIGITS}
 * @param claims        the claim ids judged (empty: the whole catalogue and every user claim)
 * @param strategy      random or targeted
 * @param withOptimizer also judge the independent optimizer where it fits
 * @param userClasses   the class names of user claims (--claim-class), in order
 * @param batch         instances per batch (B): judged in parallel, recorded in index order
 * @param shard         the indices this process judges
 */
public record HuntOptions(String profile, long count, long timeSeconds, long seed, int digits, List<String> claims,
                          Search strategy, boolean withOptimizer, List<String> userClasses, int batch, Shard shard) {
    /** Instances judged when neither a count nor a time budget is given. */
    public static final long DEFAULT_COUNT = 500;
    /** The default batch size B. */
    public static final int DEFAULT_BATCH = 32;
    /** Entries of the targeted strategy's pool (the worst instances seen). */
    public static final int POOL_CAPACITY = 16;
    /** Largest batch accepted. */
    public static final int MAX_BATCH = 4096;

    /** How instance j is chosen. */
    public enum Search {
        /** Fresh draws ({@link RandomStrategy}). */
        RANDOM,
        /** Local moves from the worst instances seen ({@link TargetedStrategy}). */
        TARGETED;

        /** {@code random} or {@code targeted}; anything else is bad input. */
        public static Search parse(String text) {
            for (Search s : values()) {
                if (s.label().equals(text)) {
                    return s;
                }
            }
            throw new InputException("--strategy = " + text + ": expected random or targeted");
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public HuntOptions {
        Draw.checkName(Objects.requireNonNull(profile, "profile"));
        if (count < 0 || timeSeconds < 0 || (count == 0) == (timeSeconds == 0)) {
            throw new InputException(count < 0 ? "--count = " + count + ": must be >= 1"
                : timeSeconds < 0 ? "--time: must be positive"
                : count == 0 ? "--count = 0: must be >= 1" : "--count and --time: give one of them, not both");
        }
        if (digits < Precision.MIN_DIGITS || digits > Precision.MAX_DIGITS) {
            throw new InputException("--digits = " + digits + ": must be in " + Precision.MIN_DIGITS + ".." + Precision.MAX_DIGITS);
        }
        if (batch < 1 || batch > MAX_BATCH) {
            throw new InputException("--batch = " + batch + ": must be in 1.." + MAX_BATCH);
        }
        claims = List.copyOf(claims);
        userClasses = List.copyOf(userClasses);
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(shard, "shard");
    }

    /** These options with another shard (the same hunt). */
    public HuntOptions withShard(Shard s) {
        return new HuntOptions(profile, count, timeSeconds, seed, digits, claims, strategy, withOptimizer, userClasses, batch, s);
    }

    /** The strategy these options name, for this hunt's profile and seed. */
    public Strategy newStrategy() {
        return strategy == Search.RANDOM ? new RandomStrategy(profile, seed) : new TargetedStrategy(profile, seed);
    }

    /** True when the hunt stops on a time budget rather than after {@link #count()} instances. */
    public boolean timed() {
        return timeSeconds > 0;
    }

    /**
     * What defines the hunt, the shard aside, as a journal header records it: profile, count
     * (null when timed), time (seconds, null when counted), seed, digits, claims, strategy,
     * withOptimizer, userClaims, batch, pool.
     */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("profile", profile);
        if (timed()) {
            o.putNull("count");
            o.put("time", timeSeconds);
        } else {
            o.put("count", count);
            o.putNull("time");
        }
        o.put("seed", seed);
        o.put("digits", digits);
        claims.forEach(o.putArray("claims")::add);
        o.put("strategy", strategy.label());
        o.put("withOptimizer", withOptimizer);
        userClasses.forEach(o.putArray("userClaims")::add);
        o.put("batch", batch);
        o.put("pool", POOL_CAPACITY);
        return o;
    }

    /**
     * Why a journal's recorded options are not these (the first field that differs, both
     * values), or null when they are the same hunt.
     */
    public String difference(JsonNode recorded) {
        if (recorded == null || !recorded.isObject()) {
            return "the journal records no options";
        }
        // both sides as parsed text, so that 5 (int) and 5L (long) nodes compare equal
        JsonNode mine = normalized(toJson());
        recorded = normalized(recorded);
        for (Iterator<String> it = mine.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Objects.equals(mine.get(f), recorded.get(f))) {
                return f + " is " + recorded.get(f) + " in the journal, " + mine.get(f) + " here";
            }
        }
        for (Iterator<String> it = recorded.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!mine.has(f)) {
                return "the journal records an option '" + f + "' this version does not know";
            }
        }
        return null;
    }

    private static JsonNode normalized(JsonNode n) {
        try {
            return InstanceJson.mapper().readTree(n.toString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("options do not serialize: " + e.getMessage(), e);
        }
    }

    /** The default journal file name: {@code hunt-<profile>-seed<S>[-shard<i>of<m>].jsonl}. */
    public String journalName() {
        return "hunt-" + profile + "-seed" + seed + (shard.count() == 1 ? "" : "-shard" + shard.index() + "of" + shard.count())
            + ".jsonl";
    }
}
