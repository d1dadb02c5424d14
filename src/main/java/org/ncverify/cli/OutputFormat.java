package org.ncverify.cli;

import org.ncverify.instance.InputException;
import org.ncverify.results.JsonRenderer;
import org.ncverify.results.Renderer;
import org.ncverify.results.TextRenderer;

/** --format values, each with its renderer. */
enum OutputFormat {
    TEXT, JSON;

    static OutputFormat parse(String text) {
        if ("text".equalsIgnoreCase(text)) {
            return TEXT;
        }
        if ("json".equalsIgnoreCase(text)) {
            return JSON;
        }
        throw new InputException("--format = " + text + ": expected text or json");
    }

    /** The renderer of this format. */
    Renderer renderer() {
        return this == JSON ? new JsonRenderer() : new TextRenderer();
    }
}
