package org.ncverify.instance;

/**
 * The one exception family for bad user input. Its message is a single line that names
 * the offending quantity and the value, e.g.
 * {@code "sizes[3] = 0: every class size must be a positive integer"}.
 *
 * <p>Core code names the mathematical quantity ({@link #quantity()}: {@code sizes}, {@code dim},
 * {@code depth}, {@code widths}, {@code lambda_W}, {@code lambda_H}, ...), never a command-line
 * flag; the message is the quantity followed by {@link #detail()}. The CLI maps the quantity
 * to its flag ("--sizes[3] = 0: ...") and turns the exception into exit status 2 without a
 * stack trace. An exception built from a whole message (the CLI's own parse errors) has no
 * quantity.
 */
public final class InputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String quantity;
    private final String detail;

    /** A whole one-line message, with no quantity to map (the CLI's own checks). */
    public InputException(String message) {
        super(message);
        this.quantity = null;
        this.detail = message;
    }

    /**
     * The quantity and the rest of the line: {@code new InputException("sizes", "[3] = 0: every
     * class size must be a positive integer")} reads "sizes[3] = 0: ...".
     */
    public InputException(String quantity, String detail) {
        super(quantity + detail);
        this.quantity = quantity;
        this.detail = detail;
    }

    /** The name of the quantity the message starts with, or null. */
    public String quantity() {
        return quantity;
    }

    /** The message after the quantity (the whole message when there is no quantity). */
    public String detail() {
        return detail;
    }
}
