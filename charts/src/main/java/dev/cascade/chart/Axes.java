package dev.cascade.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Axes with human units. Values start at zero; a capacity or limit line is always inside the range,
 * with headroom above it; latency switches to a logarithmic axis when the series span more than
 * {@value #LOG_SPREAD}x (a 2 ms p99 and a 2 s timeout on one linear axis would hide the first).
 */
final class Axes {

  /** Max-to-min ratio of positive latencies above which the axis becomes logarithmic. */
  static final double LOG_SPREAD = 50;

  /** Share of the range kept free above the data for event labels. */
  static final double HEADROOM = 0.22;

  private static final double HALF = 0.5;

  private Axes() {}

  /** The simulated-time axis from 0 to {@code horizonSeconds}, ticking at round times. */
  static NumberAxis time(double horizonSeconds) {
    NumberAxis axis = new NumberAxis("simulated time");
    style(axis);
    axis.setStandardTickUnits(AxisUnit.SECONDS.tickUnits());
    axis.setRange(0, horizonSeconds > 0 ? horizonSeconds : 1);
    return axis;
  }

  /**
   * A linear axis in {@code unit} from 0 over {@code data}, stretched to show {@code line} (NaN for
   * none).
   */
  static NumberAxis linear(String label, AxisUnit unit, double line, double[]... data) {
    NumberAxis axis = new NumberAxis(label);
    style(axis);
    axis.setStandardTickUnits(unit.tickUnits());
    axis.setAutoRangeIncludesZero(true);
    axis.setAutoRangeMinimumSize(minimumSpan(unit));
    axis.setUpperMargin(HEADROOM);
    double top = Double.NaN;
    for (double[] d : data) {
      top = maxOf(top, SeriesMath.max(d));
    }
    if (Double.isFinite(line) && line > 0) {
      double upper = Math.max(line, Double.isNaN(top) ? 0 : top);
      axis.setRange(0, upper * (1 + HEADROOM));
    }
    return axis;
  }

  /**
   * The axis for {@code metric} over {@code data}: latency as {@link #latency}; a ratio that
   * reaches 50% on a fixed 0-100% scale, a smaller one zoomed in; anything else linear from 0.
   */
  static ValueAxis forMetric(String metric, double[]... data) {
    AxisUnit unit = AxisUnit.ofMetric(metric);
    String label = MetricName.parse(metric).metric().replace('_', ' ');
    if (unit == AxisUnit.MILLIS) {
      return latency(label, data);
    }
    double top = Double.NaN;
    for (double[] d : data) {
      top = maxOf(top, SeriesMath.max(d));
    }
    boolean wholeScale = unit == AxisUnit.RATIO && top >= HALF;
    return linear(label, unit, wholeScale ? 1.0 : Double.NaN, data);
  }

  /** Whether latencies from {@code minPositive} to {@code max} call for a logarithmic axis. */
  static boolean wantsLog(double minPositive, double max) {
    return Double.isFinite(minPositive) && Double.isFinite(max) && max / minPositive >= LOG_SPREAD;
  }

  /** A latency axis over {@code data}: logarithmic if {@link #wantsLog}, else linear. */
  static ValueAxis latency(String label, double[]... data) {
    double min = Double.NaN;
    double max = Double.NaN;
    for (double[] d : data) {
      double lo = SeriesMath.minPositive(d);
      if (!Double.isNaN(lo) && (Double.isNaN(min) || lo < min)) {
        min = lo;
      }
      max = maxOf(max, SeriesMath.max(d));
    }
    if (!wantsLog(min, max)) {
      return linear(label, AxisUnit.MILLIS, Double.NaN, data);
    }
    LogAxis axis = new LogAxis(label + " (log scale)");
    style(axis);
    axis.setBase(10);
    axis.setSmallestValue(min / 2);
    axis.setNumberFormatOverride(AxisUnit.MILLIS.numberFormat());
    axis.setTickUnit(new NumberTickUnit(1), false, true);
    axis.setMinorTickCount(9);
    axis.setMinorTickMarksVisible(true);
    // From the decade below the data, so the lowest line has a labelled tick under it.
    axis.setRange(Math.pow(10, Math.floor(Math.log10(min))), max * 3);
    return axis;
  }

  private static double maxOf(double a, double b) {
    if (Double.isNaN(a)) {
      return b;
    }
    return Double.isNaN(b) ? a : Math.max(a, b);
  }

  private static double minimumSpan(AxisUnit unit) {
    return switch (unit) {
      case RATIO -> 0.01;
      case BYTES -> 1024;
      default -> 1;
    };
  }

  private static void style(ValueAxis axis) {
    axis.setLabelFont(ChartStyle.AXIS_LABEL);
    axis.setTickLabelFont(ChartStyle.TICK_LABEL);
    axis.setLabelPaint(Palette.TEXT_MUTED);
    axis.setTickLabelPaint(Palette.TEXT_MUTED);
    axis.setAxisLinePaint(Palette.GRID);
    // Taller label boxes make JFreeChart pick coarser tick units: about 8 ticks per 300 px.
    axis.setTickLabelInsets(new RectangleInsets(7, 4, 7, 4));
  }
}
