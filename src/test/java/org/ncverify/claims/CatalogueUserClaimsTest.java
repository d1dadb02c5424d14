package org.ncverify.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ncverify.instance.InputException;

/** {@link Catalogue#plus} and {@link Catalogue#ofClaims}: order kept, ids unique and not blank. */
class CatalogueUserClaimsTest {
    private static Claim named(String id) {
        return new Claim() {
            public String id() {
                return id;
            }

            public String statement() {
                return "s";
            }

            public String hypotheses() {
                return "h";
            }

            public Verdict check(Subject s) {
                return Verdict.notApplicable(id, "test");
            }
        };
    }

    @Test
    void plusAppendsInOrder() {
        Catalogue c = Catalogue.all().plus(List.of(named("U1"), named("U2")));
        assertEquals(15, c.claims().size());
        assertEquals(List.of("C13", "U1", "U2"), c.ids().subList(12, 15));
        assertEquals(List.of("U2", "U1"), Catalogue.ofClaims(List.of(named("U2"), named("U1"))).ids());
    }

    @Test
    void aDuplicateOrBlankIdIsBadInput() {
        InputException dup = assertThrows(InputException.class, () -> Catalogue.all().plus(List.of(named("C7"))));
        assertTrue(dup.getMessage().contains("'C7'") && dup.getMessage().contains("unique"), dup.getMessage());
        InputException twice = assertThrows(InputException.class,
            () -> Catalogue.ofClaims(List.of(named("U1"), named("U1"))));
        assertTrue(twice.getMessage().contains("'U1'"), twice.getMessage());
        InputException blank = assertThrows(InputException.class, () -> Catalogue.ofClaims(List.of(named(" "))));
        assertTrue(blank.getMessage().contains("blank"), blank.getMessage());
        assertThrows(InputException.class, () -> Catalogue.ofClaims(List.of(named(null))));
    }
}
