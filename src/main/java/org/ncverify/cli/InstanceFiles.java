package org.ncverify.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ncverify.instance.InputException;
import org.ncverify.instance.Instance;
import org.ncverify.instance.InstanceJson;

/**
 * Instances and size vectors read from files (or stdin): {@code --instance FILE|-} holds one
 * instance object in the shape of reference-cases.json's {@code instance} ({@link InstanceJson})
 * or a JSON array of them; {@code --sizes-file FILE} holds class sizes, one per line or
 * comma-separated ({@code #} starts a comment). Every problem is one {@link InputException} line
 * naming the file (and the element of a list).
 */
final class InstanceFiles {
    private InstanceFiles() {
    }

    /**
     * The instances of {@code --instance source} ("-" reads {@code stdin}), every one validated.
     *
     * @return the instances, and whether the file held a list (then the output is one result per line)
     */
    static InstanceInput read(String source, InputStream stdin) {
        String name = "-".equals(source) ? "--instance - (stdin)" : "--instance " + source;
        String text = "-".equals(source) ? readStdin(stdin) : readFile("--instance", source);
        JsonNode root;
        try {
            root = InstanceJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(name + ": not valid JSON (" + firstLine(e.getOriginalMessage())
                + (e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr()) + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(name + ": the file is empty (expected an instance object or a list of them)");
        }
        if (!root.isArray()) {
            return new InstanceInput(List.of(one(root, name)), false);
        }
        if (root.isEmpty()) {
            throw new InputException(name + ": the list holds no instance");
        }
        List<Instance> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            out.add(one(root.get(i), name + " [" + i + "]"));
        }
        return new InstanceInput(out, true);
    }

    /** The class sizes of {@code --sizes-file file}, as the comma-separated text --sizes takes. */
    static String sizes(String file) {
        String text = readFile("--sizes-file", file);
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\\R")) {
            int hash = line.indexOf('#');
            String body = hash < 0 ? line : line.substring(0, hash);
            for (String part : body.split("[,\\s]+")) {
                if (!part.isEmpty()) {
                    b.append(b.length() == 0 ? "" : ",").append(part);
                }
            }
        }
        if (b.length() == 0) {
            throw new InputException("--sizes-file = " + file + ": holds no class size");
        }
        return b.toString();
    }

    private static Instance one(JsonNode node, String where) {
        try {
            return InstanceJson.read(node, where);
        } catch (InputException e) {
            // Instance.of names quantities ("sizes[1] = 0"); keep them, after the file's name
            String m = e.quantity() == null ? e.getMessage() : where + ": " + e.getMessage();
            throw new InputException(m);
        }
    }

    private static String readFile(String flag, String file) {
        Path p = Path.of(file);
        try {
            if (Files.isDirectory(p)) {
                throw new InputException(flag + " = " + file + ": is a directory");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(flag + " = " + file + ": no such file");
        } catch (IOException e) {
            throw new InputException(flag + " = " + file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String readStdin(InputStream stdin) {
        if (stdin == System.in && System.console() != null) {
            throw new InputException("--instance -: stdin is a terminal; pipe the JSON in (ncverify ... --instance - < cases.json)");
        }
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("--instance -: stdin cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "parse error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Instances to run and whether they came as a list.
     *
     * @param instances the validated instances, in file order
     * @param list      true for a JSON array (JSONL output), false for one object or the flags
     */
    record InstanceInput(List<Instance> instances, boolean list) {
        InstanceInput {
            instances = List.copyOf(instances);
        }
    }
}
