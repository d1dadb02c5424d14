package org.ncverify.hunt;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ncverify.claims.Claim;
import org.ncverify.instance.InputException;

/**
 * Loads a researcher's own claims by class name: each class must implement the public
 * {@link Claim} API (compiled against {@code target/ncverify.jar}), be public with a public
 * no-argument constructor, and be found on {@code classpath} (directories of class files or
 * jars, searched in order) or on the application's class path. Each instance is wrapped in a
 * {@link UserClaim}, so that its checks cannot crash a hunt. Every problem is an
 * {@link InputException} with one line naming the class or the path: a path that does not
 * exist, a class not found, not a Claim, abstract, without a public no-argument constructor,
 * compiled for a newer Java, or throwing in its constructor or while describing itself.
 *
 * <p>The class loader stays open for the life of the JVM (the classes are in use until it ends).
 */
public final class ClaimLoader {
    private ClaimLoader() {
    }

    /** The guarded claims of {@code classNames}, in that order. */
    public static List<Claim> load(List<String> classNames, List<Path> classpath) {
        ClassLoader loader = loader(classpath);
        List<Claim> out = new ArrayList<>();
        for (String name : classNames) {
            out.add(UserClaim.of(instantiate(name.strip(), loader, classpath), classpath));
        }
        return List.copyOf(out);
    }

    private static ClassLoader loader(List<Path> classpath) {
        ClassLoader parent = ClaimLoader.class.getClassLoader();
        if (classpath.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            Path p = classpath.get(i);
            if (!Files.exists(p)) {
                throw new InputException("classpath entry " + p + " does not exist (give a directory of class files or a jar)");
            }
            try {
                urls[i] = p.toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new InputException("classpath entry " + p + " is not a usable path: " + e.getMessage());
            }
        }
        return new URLClassLoader(urls, parent);
    }

    private static Claim instantiate(String name, ClassLoader loader, List<Path> classpath) {
        if (name.isEmpty()) {
            throw new InputException("an empty claim class name was given");
        }
        String where = classpath.isEmpty() ? "the class path" : "the class path or " + classpath;
        Class<?> c;
        try {
            c = Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new InputException("claim class " + name + " not found on " + where
                + " (give the fully qualified name, e.g. com.example.MyConjecture)");
        } catch (LinkageError e) {
            throw new InputException("claim class " + name + " cannot be loaded: " + e.getClass().getSimpleName() + ": "
                + e.getMessage());
        }
        if (!Claim.class.isAssignableFrom(c)) {
            throw new InputException("claim class " + name + " does not implement " + Claim.class.getName());
        }
        if (Modifier.isAbstract(c.getModifiers()) || !Modifier.isPublic(c.getModifiers())) {
            throw new InputException("claim class " + name + " must be a public, non-abstract class");
        }
        Constructor<?> k;
        try {
            k = c.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new InputException("claim class " + name + " has no public no-argument constructor");
        }
        try {
            return (Claim) k.newInstance();
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            throw new InputException("claim class " + name + ": its constructor threw " + t.getClass().getSimpleName()
                + ": " + t.getMessage());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new InputException("claim class " + name + " cannot be instantiated: " + e.getClass().getSimpleName()
                + ": " + e.getMessage());
        }
    }
}
