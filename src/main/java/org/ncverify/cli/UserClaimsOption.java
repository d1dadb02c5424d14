package org.ncverify.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ncverify.claims.Catalogue;
import org.ncverify.claims.Claim;
import org.ncverify.hunt.ClaimLoader;
import org.ncverify.instance.InputException;
import picocli.CommandLine.Option;

/**
 * The options that bring a researcher's own claims (conjectures) beside the catalogue (a
 * picocli mixin of {@code verify} and {@code hunt}): {@code --claim-class NAME} (repeatable, a
 * fully qualified class implementing {@link Claim} with a public no-argument constructor) and
 * {@code --classpath DIR_OR_JAR} (repeatable, or several joined by the platform's path
 * separator) where those classes are found, besides the application's class path. Loaded
 * through {@link ClaimLoader} (each guarded by {@link org.ncverify.hunt.UserClaim}); every
 * problem is bad input naming the flag.
 */
public final class UserClaimsOption {
    @Option(names = "--claim-class", paramLabel = "NAME",
        description = "a user's claim (conjecture) to judge beside the catalogue: a public class implementing "
            + "org.ncverify.claims.Claim with a public no-argument constructor (repeatable)")
    List<String> classNames = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "DIR_OR_JAR",
        description = "where the --claim-class classes are found: directories or jars (repeatable, or joined by the "
            + "path separator, ':' on Linux)")
    List<String> classpath = new ArrayList<>();

    private List<Claim> loaded;

    /** The user's claims, loaded on first call (empty without --claim-class). */
    public List<Claim> claims() {
        if (loaded == null) {
            if (classNames.isEmpty()) {
                if (!classpath.isEmpty()) {
                    throw new InputException("--classpath = " + String.join(File.pathSeparator, classpath)
                        + ": given without --claim-class (name the classes to load from it)");
                }
                loaded = List.of();
            } else {
                try {
                    loaded = ClaimLoader.load(classNames, paths());
                } catch (InputException e) {
                    throw new InputException("--claim-class: " + e.getMessage());
                }
            }
        }
        return loaded;
    }

    /** The arguments that load the same claims again (for a replay line): --claim-class and --classpath, absolute paths. */
    public List<String> replayArgs() {
        List<String> out = new ArrayList<>();
        for (String n : classNames) {
            out.add("--claim-class");
            out.add(n);
        }
        for (Path p : paths()) {
            out.add("--classpath");
            out.add(p.toAbsolutePath().normalize().toString());
        }
        return out;
    }

    /** The --classpath entries, each value split at the path separator, empty parts dropped. */
    List<Path> paths() {
        return classpath.stream().flatMap(v -> Arrays.stream(v.split(Pattern.quote(File.pathSeparator))))
            .map(String::strip).filter(v -> !v.isEmpty()).map(Path::of).toList();
    }

    /**
     * The catalogue a command judges: {@code selection}'s claims (all of C1-C13 without --claims)
     * followed by the user's claims; with --claims, only the listed ids, which may name user
     * claims too (catalogue claims in catalogue order, then the user's in --claim-class order).
     */
    Catalogue catalogue(ClaimsOption selection) {
        List<Claim> user = claims();
        if (user.isEmpty()) {
            return selection.catalogue();
        }
        if (selection.claims == null) {
            return wrap(() -> Catalogue.all().plus(user));
        }
        Set<String> ids = new LinkedHashSet<>(Arrays.stream(selection.claims.split(",", -1)).map(String::trim).toList());
        List<Claim> chosenUser = user.stream().filter(c -> ids.contains(c.id())).toList();
        chosenUser.forEach(c -> ids.remove(c.id()));
        if (ids.isEmpty()) {
            return wrap(() -> Catalogue.ofClaims(chosenUser));
        }
        try {
            Catalogue builtIn = Catalogue.of(List.copyOf(ids));
            return wrap(() -> builtIn.plus(chosenUser));
        } catch (InputException e) {
            throw new InputException("--claims = " + selection.claims + ": " + e.getMessage() + " (or the user claims "
                + user.stream().map(Claim::id).toList() + ")");
        }
    }

    private interface Build {
        Catalogue get();
    }

    private static Catalogue wrap(Build b) {
        try {
            return b.get();
        } catch (InputException e) {
            throw new InputException("--claim-class: " + e.getMessage());
        }
    }
}
