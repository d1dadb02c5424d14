package org.ncverify.report;

import java.util.List;

/**
 * The figures a campaign shows that come from the theory alone (computed from instances, not
 * from the campaign's judgements): filled in by issue 14's plot work. {@link Campaign#run}
 * appends them to the report's figures.
 */
public final class TheoryFigures {
    private TheoryFigures() {
    }

    /** The theory figures of {@code c}, page order. */
    public static List<FigureData> of(Campaign c) {
        return List.of();
    }
}
