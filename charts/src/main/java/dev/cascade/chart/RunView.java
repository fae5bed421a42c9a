package dev.cascade.chart;

import dev.cascade.core.result.Summary;
import java.util.Arrays;
import java.util.Set;

/**
 * One variant's results as its run charts see them: the mean series, the time frame with the events
 * of the charted component, capacity lines, and the wording of titles and file names.
 *
 * @param data the whole report
 * @param variant variant name
 * @param summary the variant's replications combined
 * @param components the components found in the report
 */
record RunView(ReportData data, String variant, Summary summary, Components components) {

  /** Interval ends in seconds. */
  double[] x() {
    return summary.intervalEnds();
  }

  /** Whether {@code component.metric} has at least one value. */
  boolean has(String component, String metric) {
    String name = component + "." + metric;
    return summary.metrics().contains(name)
        && Arrays.stream(summary.meanSeries(name)).anyMatch(v -> !Double.isNaN(v));
  }

  /** The mean series of {@code component.metric}; all NaN if the metric is missing. */
  double[] series(String component, String metric) {
    String name = component + "." + metric;
    if (summary.metrics().contains(name)) {
      return summary.meanSeries(name);
    }
    double[] none = new double[summary.intervalEnds().length];
    Arrays.fill(none, Double.NaN);
    return none;
  }

  /** The first capacity line present among {@code keys}, or NaN. */
  double capacity(String... keys) {
    for (String key : keys) {
      Double v = data.capacityLines().get(key);
      if (v != null) {
        return v;
      }
    }
    return Double.NaN;
  }

  /** The time frame, ranking the events of {@code component} first. */
  TimeFrame frame(String component) {
    return TimeFrame.of(summary, Set.of(component));
  }

  /** A file-name stem for a chart of {@code kind} about {@code component}. */
  String name(ChartKind kind, String component) {
    return Chart.stem("run-" + variant + "-" + kind.slug() + "-" + component);
  }

  /** The subtitle: variant, sampling, shading and scale. */
  String subtitle(TimeFrame frame) {
    StringBuilder s = new StringBuilder("variant ").append(variant);
    s.append(" · ")
        .append(AxisUnit.SECONDS.format(summary.sampleSeconds()))
        .append(" intervals, ")
        .append(Wording.replications(summary.replications()));
    String shading = frame.shadingNote();
    if (!shading.isEmpty()) {
      s.append(" · ").append(shading);
    }
    if (data.scale() != 1) {
      s.append(" · scale ").append(Wording.scale(data.scale()));
    }
    return s.toString();
  }

  /** A chart of {@code kind} about {@code component} at the standard width. */
  Chart chart(ChartKind kind, String component, org.jfree.chart.JFreeChart chart, int height) {
    return new Chart(
        kind,
        variant,
        name(kind, component),
        chart.getTitle().getText(),
        chart,
        ChartStyle.WIDTH,
        height);
  }
}
