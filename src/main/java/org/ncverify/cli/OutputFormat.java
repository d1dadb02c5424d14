package org.ncverify.cli;

import org.ncverify.instance.InputException;

/** --format values. */
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
