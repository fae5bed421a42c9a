package dev.cascade.chart;

import dev.cascade.core.result.SimEvent;
import dev.cascade.core.result.Summary;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * One metric over time with one line per variant, each in its variant's colour. The fault window
 * and the injected faults are taken from the first variant (variants share the scenario's faults;
 * their other events differ, so they are left to the run charts).
 */
final class OverlayChart {

  private static final Set<String> FAULT_EVENTS = Set.of("fault_injected", "fault_cleared");

  private OverlayChart() {}

  /** The overlay of {@code metric}, if at least one variant has it. */
  static Optional<Chart> of(ReportData data, String metric) {
    List<String> keys = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    List<Paint> paints = new ArrayList<>();
    Summary first = null;
    int index = 0;
    for (Map.Entry<String, Summary> e : data.variants().entrySet()) {
      Summary s = e.getValue();
      if (s.metrics().contains(metric)) {
        keys.add(e.getKey());
        values.add(s.meanSeries(metric));
        paints.add(Palette.variant(index));
        first = first == null ? s : first;
      }
      index++;
    }
    if (first == null) {
      return Optional.empty();
    }
    ValueAxis axis = Axes.forMetric(metric, values.toArray(double[][]::new));
    XYPlot plot = TimePlot.plot(axis);
    TimePlot.add(
        plot,
        0,
        TimePlot.collection(first.intervalEnds(), keys, values),
        ChartStyle.lines(paints.toArray(Paint[]::new)));
    List<SimEvent> faults =
        first.events().stream().filter(ev -> FAULT_EVENTS.contains(ev.event())).toList();
    TimeFrame base = TimeFrame.of(first, Set.of());
    TimeFrame frame = base.withMarks(EventMarks.select(faults, Set.of(), base.horizonSeconds()));
    StringBuilder subtitle =
        new StringBuilder("one line per variant · ")
            .append(AxisUnit.SECONDS.format(first.sampleSeconds()))
            .append(" intervals, ")
            .append(Wording.replications(first.replications()));
    if (!frame.shadingNote().isEmpty()) {
      subtitle.append(" · ").append(frame.shadingNote());
    }
    JFreeChart chart =
        TimePlot.single(metric + " across variants", subtitle.toString(), plot, frame);
    return Optional.of(
        new Chart(
            ChartKind.OVERLAY,
            "",
            Chart.stem(ChartKind.OVERLAY.slug() + "-" + metric),
            chart.getTitle().getText(),
            chart,
            ChartStyle.WIDTH,
            ChartStyle.HEIGHT));
  }
}
