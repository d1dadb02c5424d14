package org.ncverify.instance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The presets' K, N, max and min are the published ones; sizes are positive and non-increasing. */
class PresetTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cifar10-lt-10, 10, 20431, 5000, 500",
        "cifar10-lt-100, 10, 12406, 5000, 50",
        "cifar100-lt-100, 100, 10847, 500, 5",
        "imagenet-lt, 1000, 115846, 1280, 5",
        "inat2018-like, 8142, 437513, 1000, 2"})
    void shapeIsThePublishedOne(String name, int k, long total, long max, long min) {
        long[] n = Preset.of(name).sizes();
        assertEquals(k, n.length);
        assertEquals(total, Arrays.stream(n).sum());
        assertEquals(max, n[0]);
        assertEquals(min, n[k - 1]);
        for (int i = 1; i < k; i++) {
            assertTrue(n[i] <= n[i - 1] && n[i] >= min, name + " at " + i);
        }
    }

    @Test
    void cifarCountsFollowTheFloorRule() {
        assertArrayEquals(new long[] {5000, 2997, 1796, 1077, 645, 387, 232, 139, 83, 50}, Preset.of("cifar10-lt-100").sizes());
    }

    @Test
    void anUnknownPresetIsBadInputNamingTheKnownOnes() {
        InputException e = assertThrows(InputException.class, () -> Preset.of("cifar-lt"));
        assertTrue(e.getMessage().startsWith("--preset = cifar-lt: unknown preset; known: cifar10-lt-10,"), e.getMessage());
    }
}
