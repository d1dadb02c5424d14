package org.ncverify.cli;

import java.util.Arrays;
import org.ncverify.claims.Catalogue;
import org.ncverify.instance.InputException;
import picocli.CommandLine.Option;

/** The --claims option of verify and optimize (a picocli mixin): which claims of the catalogue are judged. */
final class ClaimsOption {
    @Option(names = "--claims", paramLabel = "C1,C5,...",
        description = "judge only these claims, by id, in catalogue order (default: every claim, C1..C13)")
    String claims;

    /** {@link Catalogue#all()}, or the claims named by --claims; an unknown or empty id is bad input naming the flag. */
    Catalogue catalogue() {
        if (claims == null) {
            return Catalogue.all();
        }
        try {
            return Catalogue.of(Arrays.stream(claims.split(",", -1)).map(String::trim).toList());
        } catch (InputException e) {
            throw new InputException("--claims = " + claims + ": " + e.getMessage());
        }
    }

    /** "--claims ids" (catalogue order) on {@code command} when {@code catalogue} is not the whole catalogue. */
    void appendTo(CommandText command, Catalogue catalogue) {
        if (!catalogue.ids().equals(Catalogue.all().ids())) {
            command.option("--claims", String.join(",", catalogue.ids()));
        }
    }
}
