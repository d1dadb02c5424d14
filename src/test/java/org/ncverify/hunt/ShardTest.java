package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.InputException;

class ShardTest {
    @Test
    void parsesAndSplitsTheIndicesByResidue() {
        Shard s = Shard.parse(" 1/3 ");
        assertEquals(new Shard(1, 3), s);
        assertTrue(s.contains(1) && s.contains(4) && s.contains(7));
        assertFalse(s.contains(0) || s.contains(2) || s.contains(3));
        assertEquals(7, s.global(2));
        assertEquals(4, s.sizeOf(11)); // 1, 4, 7, 10
        assertEquals(3, s.sizeOf(10)); // 1, 4, 7
        assertEquals(0, s.sizeOf(1));
        long total = 0;
        for (int i = 0; i < 3; i++) {
            total += new Shard(i, 3).sizeOf(11);
        }
        assertEquals(11, total);
    }

    @Test
    void refusesWhatIsNotAShard() {
        for (String bad : new String[] {"3/3", "-1/3", "0/0", "1", "a/b", "1/", ""}) {
            InputException e = assertThrows(InputException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--shard = "), e.getMessage());
        }
    }

    @Test
    void takesTheSlurmArrayTaskWhenNoShardIsGiven() {
        assertEquals(Shard.ALL, Shard.fromEnvironment(Map.of()));
        assertEquals(new Shard(2, 4), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "4")));
        // --array=1-4: ids 1..4, MIN = 1
        assertEquals(new Shard(3, 4), Shard.fromEnvironment(
            Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_MIN", "1")));
        assertThrows(InputException.class, () -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_COUNT", "4")));
        assertThrows(InputException.class, () -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "x", "SLURM_ARRAY_TASK_COUNT", "4")));
        assertThrows(InputException.class, () -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "0")));
    }
}
