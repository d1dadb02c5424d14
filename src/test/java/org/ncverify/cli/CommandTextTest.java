package org.ncverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.Instance;
import org.ncverify.instance.Rationals;
import org.ncverify.io.Shell;

/** {@link CommandText}: canonical order, shell quoting, and {@link Suggestions}' distances. */
class CommandTextTest {
    @Test
    void canonicalOrderAndQuoting() {
        Instance inst = Instance.of(new long[] {3, 2}, 2, null, 2, new Aprational[] {Rationals.parseDecimal("x", "1e-3")},
            Rationals.of(1, 3000));
        CommandText c = new CommandText("optimize", inst, 30).option("--starts", 2).flag("--polish", true).flag("--quiet", false)
            .option("--label", "a b").option("--note", "it's");
        assertEquals("ncverify optimize --sizes 3,2 --dim 2 --depth 2 --widths 2 --lambda-w 0.001,0.001 --lambda-h 1/3000"
            + " --digits 30 --starts 2 --polish --label 'a b' --note 'it'\\''s'", c.text());
        assertEquals("plain-1.5e+3,2/3", Shell.quote("plain-1.5e+3,2/3"));
        assertEquals("'$HOME'", Shell.quote("$HOME"));
        assertEquals("''", Shell.quote(""));
    }

    @Test
    void suggestionsAreTheClosestNames() {
        assertEquals(List.of("solve"), Suggestions.closest("slove", List.of("solve", "help", "completion")));
        assertEquals(List.of("--digits"), Suggestions.closest("--dgits", List.of("--dim", "--digits", "--depth")));
        assertEquals(List.of(), Suggestions.closest("frobnicate", List.of("solve", "verify")));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }
}
