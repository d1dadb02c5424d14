package org.ncverify.hunt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncverify.support.Instances;

/** {@link Replay}: the verify line, its digits, and shell quoting of user arguments. */
class ReplayTest {
    @Test
    void theLineNamesTheInstanceTheDigitsAndTheClaim() {
        assertEquals("ncverify verify " + Instances.imbalanced().describe() + " --digits 40 --claims C7",
            Replay.command(Instances.imbalanced(), "C7", 40, List.of()));
        assertEquals("ncverify verify " + Instances.imbalanced().describe() + " --digits 50 --claims C7",
            Replay.command(Instances.imbalanced(), "C7", List.of()));
    }

    @Test
    void userArgumentsAreQuotedOnlyWhenNeeded() {
        String line = Replay.command(Instances.balanced(), "MY", 30,
            List.of("--claim-class", "com.example.My", "--classpath", "/tmp/my dir/it's.jar"));
        assertEquals("ncverify verify " + Instances.balanced().describe() + " --digits 30 --claims MY --claim-class"
            + " com.example.My --classpath '/tmp/my dir/it'\\''s.jar'", line);
    }
}
