package org.ncverify.report;

/**
 * The data of one figure of the report beyond the three built in (spectrum, scalar law,
 * margins): a plain immutable record that {@link Charts#figure} draws and that is written,
 * as {@code {"schemaVersion": 1, "figure": <this record>}}, to {@code data/<id>.json} and
 * embedded in the page. Everything a figure shows must be in its record (rendering apart from
 * computing); Jackson serialises the record's components.
 */
public interface FigureData {
    /** File and element name: lower case, digits and '-' only (e.g. "minority-collapse"); unique in a report. */
    String id();

    /** Plain-text caption: what is plotted, from which case, at which digits, and the data file; escaped on the page. */
    String caption();
}
