package dev.cascade.chart;

import java.util.Locale;
import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * One chart ready to render: its kind, the variant it belongs to, a file-name stem unique within a
 * report, the title shown in the report and the JFreeChart with its intended size in pixels.
 *
 * @param kind what the chart shows
 * @param variant the variant a run chart belongs to; empty for comparison and sweep charts
 * @param name file-name stem, lower case letters, digits, {@code . _ -} only
 * @param title the chart's title
 * @param chart the chart itself (mutable JFreeChart state: render from one thread at a time)
 * @param width width in pixels
 * @param height height in pixels
 */
public record Chart(
    ChartKind kind,
    String variant,
    String name,
    String title,
    JFreeChart chart,
    int width,
    int height) {

  /** Validates the name and the size. */
  public Chart {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(chart, "chart");
    if (!name.matches("[a-z0-9._-]+")) {
      throw new IllegalArgumentException("chart name must be a safe file stem: " + name);
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("chart size must be positive: " + width + "x" + height);
    }
  }

  /** {@code text} as a file-name stem: lower case, anything but {@code a-z0-9._-} becomes _. */
  static String stem(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    return s.isEmpty() ? "_" : s;
  }
}
