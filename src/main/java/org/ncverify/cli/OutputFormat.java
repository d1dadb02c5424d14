package org.ncverify.cli;

import org.ncverify.instance.InputException;

/** --format values: text (the tables a reader sees) or json (every field; JSONL for a list of instances). */
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
}
