package dev.cascade.chart;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

/**
 * Renders a {@link Chart} to PNG (JFreeChart's {@code ChartUtils}) or SVG (JFreeSVG), at the
 * chart's own size. Works headless ({@code -Djava.awt.headless=true}); text needs a font, which on
 * Debian comes from {@code fonts-dejavu-core}.
 */
public final class ChartWriter {

  /**
   * Decimal places kept in SVG coordinates: a hundredth of a pixel is plenty and halves the size.
   */
  private static final int SVG_DECIMALS = 2;

  private static final String DEFS_PREFIX = "cascade";

  /** Declared by JFreeSVG for its own hint attributes; dropped when a chart uses none. */
  private static final String JFREESVG_NAMESPACE =
      " xmlns:jfreesvg='http://www.jfree.org/jfreesvg/svg'";

  private ChartWriter() {}

  /**
   * Writes {@code chart} as a PNG file.
   *
   * @return {@code file}
   * @throws IOException if the file cannot be written
   */
  public static Path writePng(Chart chart, Path file) throws IOException {
    ChartUtils.saveChartAsPNG(file.toFile(), chart.chart(), chart.width(), chart.height());
    return file;
  }

  /**
   * Writes {@code chart} as a standalone SVG document.
   *
   * @return {@code file}
   * @throws IOException if the file cannot be written
   */
  public static Path writeSvg(Chart chart, Path file) throws IOException {
    Files.writeString(file, svg(chart), StandardCharsets.UTF_8);
    return file;
  }

  /**
   * {@code chart} as a standalone SVG document: an XML declaration and the {@code svg} element with
   * its size and a view box (so it scales in an {@code <img>}). No DOCTYPE, so nothing points at an
   * external DTD; definition ids have a fixed prefix, so the same chart gives the same bytes.
   */
  public static String svg(Chart chart) {
    SVGGraphics2D g = new SVGGraphics2D(chart.width(), chart.height());
    g.setGeomDoubleConverter(SVGUtils.createDoubleConverter(SVG_DECIMALS));
    g.setDefsKeyPrefix(DEFS_PREFIX);
    chart.chart().draw(g, new Rectangle(0, 0, chart.width(), chart.height()));
    String element =
        g.getSVGElement(
            null,
            true,
            new ViewBox(0, 0, chart.width(), chart.height()),
            PreserveAspectRatio.XMID_YMID,
            MeetOrSlice.MEET);
    if (!element.contains("jfreesvg:")) {
      element = element.replace(JFREESVG_NAMESPACE, "");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n";
  }
}
