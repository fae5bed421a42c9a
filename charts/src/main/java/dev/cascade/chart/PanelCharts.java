package dev.cascade.chart;

import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * The run charts made of one or two {@link Panel}s: a service's busy threads and queue length
 * (against the thread and queue totals of its instances), a worker pool's queue depth and processed
 * rate, and a gateway's admitted, shed and limit rates.
 */
final class PanelCharts {

  private PanelCharts() {}

  /** Busy threads above, queue length below. */
  static Optional<Chart> service(RunView run, String service) {
    Panel threads =
        Panel.of("threads", "busy_threads", "busy threads")
            .withLine(run.capacity(service + ".threads"), "threads");
    Panel queue =
        Panel.of("requests queued", "queue_len", "queue length")
            .withLine(run.capacity(service + ".queue"), "queue capacity");
    return chart(
        run,
        service,
        ChartKind.SERVICE,
        service + ": busy threads and queue length",
        threads,
        queue);
  }

  /** Queue depth above, processed rate below. */
  static Optional<Chart> worker(RunView run, String worker) {
    return chart(
        run,
        worker,
        ChartKind.WORKER,
        worker + ": broker queue depth and jobs processed",
        Panel.of("jobs queued", "queue_depth", "queue depth"),
        Panel.of("jobs per second", "processed_rps", "processed"));
  }

  /** Admitted, shed and limit rates in one plot. */
  static Optional<Chart> gateway(RunView run, String gateway) {
    Panel rates =
        new Panel(
                "requests per second",
                List.of("admitted_rps", "shed_rps", "limit_rps"),
                List.of("admitted", "shed (503)", "admission limit"),
                Double.NaN,
                "")
            .withLine(run.capacity(gateway + ".rate_limit"), "rate limit");
    return chart(
        run, gateway, ChartKind.GATEWAY, gateway + ": admitted vs shed requests", rates, null);
  }

  private static Optional<Chart> chart(
      RunView run, String component, ChartKind kind, String title, Panel top, Panel bottom) {
    boolean hasTop = top.presentIn(run, component);
    boolean hasBottom = bottom != null && bottom.presentIn(run, component);
    if (!hasTop && !hasBottom) {
      return Optional.empty();
    }
    TimeFrame frame = run.frame(component);
    String subtitle = run.subtitle(frame);
    if (hasTop && hasBottom) {
      JFreeChart chart =
          TimePlot.stacked(
              title,
              subtitle,
              frame,
              top.plot(run, component, 0),
              bottom.plot(run, component, top.metrics().size()));
      return Optional.of(run.chart(kind, component, chart, ChartStyle.TALL_HEIGHT));
    }
    Panel only = hasTop ? top : bottom;
    JFreeChart chart = TimePlot.single(title, subtitle, only.plot(run, component, 0), frame);
    return Optional.of(run.chart(kind, component, chart, ChartStyle.HEIGHT));
  }
}
