package dev.cascade.chart;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the time-series plots of run and overlay charts: series from per-interval values, the
 * fault window shaded, the warmup greyed out, events as dashed vertical markers with staggered
 * labels, and capacity lines as solid horizontal markers.
 */
final class TimePlot {

  /** Approximate plot width in pixels, for laying out marker labels. */
  private static final double PLOT_WIDTH_PX = ChartStyle.WIDTH - 110;

  private static final double LABEL_ROW_PX = 13;
  private static final double BOTTOM_HEADROOM = 0.08;
  private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 215);

  private TimePlot() {}

  /** A styled plot with {@code range} as its value axis and no data yet. */
  static XYPlot plot(ValueAxis range) {
    XYPlot plot = new XYPlot();
    plot.setRangeAxis(range);
    ChartStyle.style(plot);
    return plot;
  }

  /** Adds {@code data} drawn by {@code renderer} as the plot's {@code index}-th dataset. */
  static void add(XYPlot plot, int index, XYDataset data, XYItemRenderer renderer) {
    // Renderer first: a dataset without its renderer is ranged by renderer 0, which may not fit.
    plot.setRenderer(index, renderer);
    plot.setDataset(index, data);
  }

  /** A series named {@code key}, downsampled for drawing; NaN becomes a gap. */
  static XYSeries series(String key, double[] x, double[] y) {
    return series(key, x, y, Downsampled.MAX_POINTS);
  }

  /** A series named {@code key} of at most {@code maxPoints} points; NaN becomes a gap. */
  static XYSeries series(String key, double[] x, double[] y, int maxPoints) {
    Downsampled d = Downsampled.of(x, y, maxPoints);
    XYSeries s = new XYSeries(key, false, true);
    for (int k = 0; k < d.size(); k++) {
      double v = d.y()[k];
      s.add(Double.valueOf(d.x()[k]), Double.isNaN(v) ? null : Double.valueOf(v), false);
    }
    return s;
  }

  /** A collection of series sharing {@code x}. */
  static XYSeriesCollection collection(double[] x, List<String> keys, List<double[]> ys) {
    return collection(x, keys, ys, Downsampled.MAX_POINTS);
  }

  /** A collection of series sharing {@code x}, each of at most {@code maxPoints} points. */
  static XYSeriesCollection collection(
      double[] x, List<String> keys, List<double[]> ys, int maxPoints) {
    XYSeriesCollection c = new XYSeriesCollection();
    for (int i = 0; i < keys.size(); i++) {
      c.addSeries(series(keys.get(i), x, ys.get(i), maxPoints));
    }
    return c;
  }

  /** Draws a horizontal capacity or limit line at {@code value} labelled {@code label}. */
  static void line(XYPlot plot, double value, String label, Color color) {
    if (!Double.isFinite(value)) {
      return;
    }
    ValueMarker m = new ValueMarker(value, color, ChartStyle.CAPACITY);
    m.setLabel(label);
    m.setLabelFont(ChartStyle.MARKER_LABEL);
    m.setLabelPaint(color);
    m.setLabelBackgroundColor(LABEL_BACKGROUND);
    m.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    m.setLabelOffset(new RectangleInsets(4, 6, 4, 6));
    plot.addRangeMarker(m, Layer.FOREGROUND);
  }

  /** Shades the fault window and warmup and draws the event markers, labelled if {@code labels}. */
  static void decorate(XYPlot plot, TimeFrame frame, boolean labels) {
    if (frame.warmupSeconds() > 0) {
      plot.addDomainMarker(
          new IntervalMarker(0, frame.warmupSeconds(), Palette.WARMUP), Layer.BACKGROUND);
    }
    frame
        .faultWindow()
        .ifPresent(
            w ->
                plot.addDomainMarker(
                    new IntervalMarker(w.fromSeconds(), w.toSeconds(), Palette.FAULT_WINDOW),
                    Layer.BACKGROUND));
    List<EventMark> marks = frame.marks();
    int[] rows = EventMarks.rows(marks, frame.horizonSeconds(), PLOT_WIDTH_PX);
    for (int i = 0; i < marks.size(); i++) {
      EventMark e = marks.get(i);
      ValueMarker m = new ValueMarker(e.timeSeconds(), e.color(), ChartStyle.MARKER);
      if (labels && rows[i] >= 0) {
        m.setLabel(e.label());
        m.setLabelFont(ChartStyle.MARKER_LABEL);
        m.setLabelPaint(e.color());
        m.setLabelBackgroundColor(LABEL_BACKGROUND);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(3 + rows[i] * LABEL_ROW_PX, 2, 0, 2));
      }
      plot.addDomainMarker(m, Layer.FOREGROUND);
    }
  }

  /** A chart of one plot over simulated time. */
  static JFreeChart single(String title, String subtitle, XYPlot plot, TimeFrame frame) {
    plot.setDomainAxis(Axes.time(frame.horizonSeconds()));
    decorate(plot, frame, true);
    return ChartStyle.chart(title, subtitle, plot);
  }

  /** A chart of two plots, {@code top} larger, sharing the time axis; labels on the top one. */
  static JFreeChart stacked(
      String title, String subtitle, TimeFrame frame, XYPlot top, XYPlot bottom) {
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(Axes.time(frame.horizonSeconds()));
    combined.setGap(14);
    combined.setBackgroundPaint(Color.WHITE);
    combined.setOutlineVisible(false);
    decorate(top, frame, true);
    decorate(bottom, frame, false);
    if (bottom.getRangeAxis().isAutoRange()) {
      bottom.getRangeAxis().setUpperMargin(BOTTOM_HEADROOM);
    }
    combined.add(top, 3);
    combined.add(bottom, 2);
    return ChartStyle.chart(title, subtitle, combined);
  }
}
