package dev.cascade.chart;

import java.awt.Color;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * What became of a workload class's attempts, per second: ok, 503, error and timeout stacked (the
 * contract says every attempt ends in exactly one of them, so the stack reaches the offered rate up
 * to attempts in flight), with the offered rate and the retries among it drawn as lines. The shares
 * {@code rate_503}, {@code error_rate} and {@code timeout_rate} are turned into rates by
 * multiplying with {@code offered_rps}.
 */
final class OutcomeChart {

  /** Points per band: each band is one polygon, and 2 px per point is still smooth. */
  private static final int STACK_POINTS = 500;

  private OutcomeChart() {}

  /** The chart, if the class publishes its offered rate. */
  static Optional<Chart> of(RunView run, String workload) {
    if (!run.has(workload, "offered_rps")) {
      return Optional.empty();
    }
    double[] x = run.x();
    double[] offered = run.series(workload, "offered_rps");
    double[] ok = run.series(workload, "ok_rps");
    double[] rejected = SeriesMath.times(run.series(workload, "rate_503"), offered);
    double[] errors = SeriesMath.times(run.series(workload, "error_rate"), offered);
    double[] timeouts = SeriesMath.times(run.series(workload, "timeout_rate"), offered);
    double[] retries = run.series(workload, "retry_rps");

    // Stacked by hand: each band is drawn as one filled polygon from 0 to its cumulative top,
    // largest first, so the file stays small (a stacked renderer draws a polygon per point).
    double[] upTo503 = SeriesMath.plus(SeriesMath.nanToZero(ok), SeriesMath.nanToZero(rejected));
    double[] upToError = SeriesMath.plus(upTo503, SeriesMath.nanToZero(errors));
    double[] upToTimeout = SeriesMath.plus(upToError, SeriesMath.nanToZero(timeouts));
    XYSeriesCollection stack =
        TimePlot.collection(
            x,
            List.of("timeout", "error", "503", "ok"),
            List.of(upToTimeout, upToError, upTo503, SeriesMath.nanToZero(ok)),
            STACK_POINTS);
    XYAreaRenderer area = new XYAreaRenderer(XYAreaRenderer.AREA);
    area.setOutline(false);
    Color[] bands = {Palette.TIMEOUT, Palette.ERROR, Palette.REJECTED_503, Palette.OK};
    for (int i = 0; i < bands.length; i++) {
      area.setSeriesPaint(i, Palette.blend(bands[i], Color.WHITE, 0.25));
    }

    XYLineAndShapeRenderer lines = ChartStyle.lines(Palette.OFFERED, Palette.RETRY);
    lines.setSeriesStroke(1, ChartStyle.DASHED);

    XYPlot plot =
        TimePlot.plot(
            Axes.linear(
                "attempts per second", AxisUnit.PER_SECOND, Double.NaN, offered, upToTimeout));
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    TimePlot.add(plot, 0, stack, area);
    TimePlot.add(
        plot,
        1,
        TimePlot.collection(x, List.of("offered", "of which retries"), List.of(offered, retries)),
        lines);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    TimeFrame frame = run.frame(workload);
    JFreeChart chart =
        TimePlot.single(
            workload + ": outcomes of attempts (stacked) vs offered",
            run.subtitle(frame),
            plot,
            frame);
    return Optional.of(run.chart(ChartKind.OUTCOMES, workload, chart, ChartStyle.HEIGHT));
  }
}
