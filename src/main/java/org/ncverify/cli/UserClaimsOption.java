// STUB: owned by hunt-findings
package org.ncverify.cli;

import java.util.ArrayList;
import java.util.List;
import org.ncverify.claims.Claim;
import org.ncverify.instance.InputException;
import picocli.CommandLine.Option;

/** Stub of the --claim-class / --classpath mixin: user claims are refused until hunt-findings' loader lands. */
public final class UserClaimsOption {
    @Option(names = "--claim-class", paramLabel = "NAME", description = "a class implementing org.ncverify.claims.Claim (repeatable)")
    List<String> classNames = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "DIR_OR_JAR", description = "where --claim-class classes are found (repeatable)")
    List<String> classpath = new ArrayList<>();

    public List<Claim> claims() {
        if (!classNames.isEmpty()) {
            throw new InputException("--claim-class = " + classNames.get(0) + ": user claims are not available in this build");
        }
        return List.of();
    }
}
