package org.ncverify.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ncverify.instance.Instance;

/** JSON pieces shared by the commands: the mapper, the instance block, the final text. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** A fresh root object. */
    static ObjectNode root() {
        return MAPPER.createObjectNode();
    }

    /** {"instance": {sizes, dim, depth, widths, describe}} on {@code root}. */
    static void instance(ObjectNode root, Instance inst) {
        ObjectNode in = root.putObject("instance");
        ArrayNode sizes = in.putArray("sizes");
        for (long n : inst.sizes()) {
            sizes.add(n);
        }
        in.put("dim", inst.dim());
        in.put("depth", inst.depth());
        ArrayNode widths = in.putArray("widths");
        for (int w : inst.widths()) {
            widths.add(w);
        }
        in.put("describe", inst.describe());
    }

    /** The object as indented text with a final line separator. */
    static String text(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
