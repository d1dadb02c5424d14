package org.ncverify.instance;

/**
 * The one exception family for bad user input. Its message is a single line that names
 * the offending flag or field and the value, e.g.
 * {@code "--sizes[3] = 0: every class size must be a positive integer"}.
 * The CLI turns it into exit status 2 without a stack trace.
 */
public final class InputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }
}
