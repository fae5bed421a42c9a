package dev.cascade.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look every chart shares: sizes that read well on a laptop screen, DejaVu-friendly logical
 * fonts, a white background with light grid lines, the title with a muted subtitle saying what is
 * shown and over which window, and the legend below the plot so that it never hides data.
 */
final class ChartStyle {

  /** Width of every chart in pixels. */
  static final int WIDTH = 1000;

  /** Height of a single-plot chart in pixels. */
  static final int HEIGHT = 450;

  /** Height of a chart with two stacked plots sharing the time axis. */
  static final int TALL_HEIGHT = 620;

  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 17);
  static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font MARKER_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

  static final Stroke LINE = new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  static final Stroke DASHED =
      new BasicStroke(
          1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f);
  static final Stroke MARKER =
      new BasicStroke(
          1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
  static final Stroke CAPACITY = new BasicStroke(2.0f);

  private ChartStyle() {}

  /** A chart around {@code plot} with a title, a subtitle and the legend at the bottom. */
  static JFreeChart chart(String title, String subtitle, Plot plot) {
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(6, 8, 6, 16));
    chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
    TextTitle sub = new TextTitle(subtitle, SUBTITLE);
    sub.setPaint(Palette.TEXT_MUTED);
    sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
    sub.setPadding(new RectangleInsets(2, 0, 6, 0));
    chart.addSubtitle(sub);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setItemFont(LEGEND);
    legend.setFrame(BlockBorder.NONE);
    legend.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** White background, light grid lines, no outline clutter. */
  static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Palette.GRID);
    plot.setRangeGridlinePaint(Palette.GRID);
    plot.setDomainGridlineStroke(new BasicStroke(0.8f));
    plot.setRangeGridlineStroke(new BasicStroke(0.8f));
    plot.setOutlinePaint(Palette.GRID);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
  }

  /** A line renderer drawing each series as one path in {@code paints}, without point shapes. */
  static XYLineAndShapeRenderer lines(Paint... paints) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDrawSeriesLineAsPath(true);
    for (int i = 0; i < paints.length; i++) {
      r.setSeriesPaint(i, paints[i]);
      r.setSeriesStroke(i, LINE);
    }
    return r;
  }
}
