package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.InputException;

class HuntOptionsTest {
    private static HuntOptions of(long count, long time, int digits, int batch) {
        return new HuntOptions("step", count, time, 1, digits, List.of(), HuntOptions.Search.RANDOM, false, List.of(), batch,
            Shard.ALL);
    }

    @Test
    void refusesEachBadValueNamingItsFlag() {
        assertTrue(assertThrows(InputException.class, () -> of(0, 0, 30, 32)).getMessage().startsWith("--count = 0"));
        assertTrue(assertThrows(InputException.class, () -> of(5, 60, 30, 32)).getMessage().startsWith("--count and --time"));
        assertTrue(assertThrows(InputException.class, () -> of(5, 0, 9, 32)).getMessage().startsWith("--digits = 9"));
        assertTrue(assertThrows(InputException.class, () -> of(5, 0, 30, 0)).getMessage().startsWith("--batch = 0"));
        assertThrows(InputException.class, () -> new HuntOptions("ties", 5, 0, 1, 30, List.of(), HuntOptions.Search.RANDOM,
            false, List.of(), 32, Shard.ALL));
        assertEquals(HuntOptions.Search.TARGETED, HuntOptions.Search.parse("targeted"));
        assertThrows(InputException.class, () -> HuntOptions.Search.parse("RANDOM"));
    }

    @Test
    void theHeaderOptionsDefineTheHuntAndTheShardStaysOut() {
        HuntOptions a = of(5, 0, 30, 32);
        assertNull(a.difference(a.withShard(new Shard(1, 2)).toJson()));
        assertEquals("seed is 1 in the journal, 2 here", new HuntOptions("step", 5, 0, 2, 30, List.of(),
            HuntOptions.Search.RANDOM, false, List.of(), 32, Shard.ALL).difference(a.toJson()));
        assertEquals("digits is 30 in the journal, 40 here", of(5, 0, 40, 32).difference(a.toJson()));
        HuntOptions timed = of(0, 600, 30, 32);
        assertTrue(timed.toJson().path("count").isNull());
        assertEquals(600, timed.toJson().path("time").asLong());
        assertTrue(timed.difference(a.toJson()).startsWith("count is 5 in the journal, null here"));
        assertEquals("hunt-step-seed1.jsonl", a.journalName());
        assertEquals("hunt-step-seed1-shard1of2.jsonl", a.withShard(new Shard(1, 2)).journalName());
    }
}
