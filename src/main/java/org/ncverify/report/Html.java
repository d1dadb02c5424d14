package org.ncverify.report;

/**
 * Escaping for the report page. Every string that a user or an instance produced (labels,
 * readings, replay commands, paths) goes through {@link #text}; JSON embedded in a
 * {@code <script type="application/json">} block goes through {@link #scriptJson}.
 */
public final class Html {
    private Html() {
    }

    /**
     * {@code s} safe as HTML element text and as a double- or single-quoted attribute value:
     * {@code & < > " '} become character references; null becomes the empty string.
     */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * JSON text safe inside a script element: every {@code <} becomes the JSON escape
     * {@code \u003c}, so no {@code </script>} or {@code <!--} can end the block. The result is
     * the same JSON value ({@code JSON.parse} of both gives equal values), but not the same
     * bytes as the data file when the data contains {@code <}.
     */
    public static String scriptJson(String json) {
        return json.replace("<", "\\u003c");
    }
}
