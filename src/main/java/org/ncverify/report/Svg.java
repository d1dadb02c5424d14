package org.ncverify.report;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A JFreeChart drawn as static SVG text by Apache Batik's SVGGraphics2D (Apache 2.0), ready to
 * inline in HTML: no XML prolog or DOCTYPE, a viewBox so it scales, no embedded fonts (the
 * page uses the reader's sans-serif), and every generated id prefixed with the plot's name so
 * that several inlined SVGs never share a clip-path id.
 */
public final class Svg {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Svg() {
    }

    /**
     * The SVG of {@code chart} at {@code width x height} user units.
     *
     * @param name plot name, [a-z0-9-]+: the id prefix and the element's data-plot attribute
     */
    public static String of(JFreeChart chart, String name, int width, int height) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("plot name " + name + " is not [a-z0-9-]+");
        }
        Document doc = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NS, "svg", null);
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setEmbeddedFontsOn(false);
        ctx.setComment(null);
        ctx.setIDGenerator(new SVGIDGenerator() {
            @Override
            public String generateID(String prefix) {
                return name + "-" + super.generateID(prefix);
            }
        });
        SVGGraphics2D g = new SVGGraphics2D(ctx, false);
        g.setSVGCanvasSize(new Dimension(width, height));
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        Element root = g.getRoot();
        root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
        root.setAttributeNS(null, "data-plot", name);
        root.setAttributeNS(null, "role", "img");
        StringWriter w = new StringWriter();
        try {
            g.stream(root, w, true, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String s = w.toString();
        int at = s.indexOf("<svg");
        return s.substring(at).trim();
    }
}
