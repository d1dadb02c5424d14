package org.ncverify.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The seed rules of {@link PropertyRun}: fixed by default, exploration opt-in, replayable. */
class PropertyRunTest {
    @Test
    void withoutAChoiceTheSeedIsFixed() {
        assertEquals(PropertyRun.DEFAULT_SEED, PropertyRun.seed(null, null));
        assertEquals(PropertyRun.DEFAULT_SEED, PropertyRun.seed(" ", null));
    }

    @Test
    void aNumberIsTakenAsTheSeedAndOursWinsOverQuickTheories() {
        assertEquals(42L, PropertyRun.seed("42", null));
        assertEquals(-7L, PropertyRun.seed(null, "-7"));
        assertEquals(42L, PropertyRun.seed("42", "-7"));
    }

    @Test
    void randomIsOptInAndDrawsFromTheClock() {
        long a = PropertyRun.seed("random", null);
        long b = PropertyRun.seed("RANDOM", null);
        assertNotEquals(a, b);
        assertNotEquals(PropertyRun.DEFAULT_SEED, a);
    }

    @Test
    void anythingElseIsRefusedWithTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PropertyRun.seed("often", null));
        assertTrue(e.getMessage().startsWith("ncverify.seed = often"), e.getMessage());
    }

    @Test
    void theReplayLineCarriesTheSeed() {
        assertTrue(PropertyRun.command("ClaimPropertiesTest#mixedFromSeeds", 123L).contains("-Dncverify.seed=123"));
    }
}
