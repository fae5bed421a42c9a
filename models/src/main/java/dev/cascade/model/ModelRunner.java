package dev.cascade.model;

import dev.cascade.core.event.EventHandler;
import dev.cascade.core.event.Simulation;
import dev.cascade.core.random.RandomStreams;
import dev.cascade.core.result.EventLog;
import dev.cascade.core.result.RunResult;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.core.stats.Window;
import dev.cascade.model.spec.ModelSpec;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Runs one replication of a model: builds the components from the spec on a fresh simulation,
 * closes a metrics interval every {@code sample} seconds, and returns the run's results. One call
 * is single-threaded and touches no shared state, so calls for different variants and replications
 * run in parallel.
 */
public final class ModelRunner {

  private static final double PROGRESS_STEP_FRACTION = 0.01;

  private ModelRunner() {}

  /**
   * Runs one replication.
   *
   * @param seed the scenario's base seed
   * @param replication 0-based replication index; streams derive from (seed, replication,
   *     component, stream) so every variant reuses them (common random numbers)
   * @param windows statistics windows (already resolved to times)
   * @param progress receives simulated seconds done, about every 1% of the horizon; may be null
   * @param cancelled polled with the progress; when true the run stops early
   */
  public static RunResult run(
      ModelSpec spec,
      long seed,
      int replication,
      List<Window> windows,
      DoubleConsumer progress,
      BooleanSupplier cancelled) {
    return run(spec, seed, replication, windows, progress, cancelled, false);
  }

  /**
   * Runs one replication, optionally checking every component's invariants after every event (slow;
   * for tests). Invariants are always checked once at the end.
   */
  public static RunResult run(
      ModelSpec spec,
      long seed,
      int replication,
      List<Window> windows,
      DoubleConsumer progress,
      BooleanSupplier cancelled,
      boolean checkEveryEvent) {
    Simulation sim = new Simulation(1 << 12);
    RandomStreams streams = new RandomStreams(seed, replication);
    MetricRegistry metrics = new MetricRegistry(spec.sample(), spec.horizon(), windows);
    EventLog log = new EventLog();
    ModelContext ctx = new ModelContext(spec, sim, streams, metrics, log);
    Model model = Model.build(ctx);
    if (checkEveryEvent) {
      sim.afterEachEvent(model::checkInvariants);
    }

    // One interval-closing event at a time, re-armed by itself: O(1) pending whatever the horizon.
    EventHandler sampler =
        new EventHandler() {
          @Override
          public void handle(int type, int k, Object payload) {
            metrics.closeUpTo(sim.now());
            if (k < metrics.intervalCount()) {
              sim.schedule(Math.min((k + 1) * spec.sample(), spec.horizon()), this, 0, k + 1, null);
            }
          }
        };
    sim.schedule(Math.min(spec.sample(), spec.horizon()), sampler, 0, 1, null);
    model.start();
    double step = Math.max(spec.sample(), spec.horizon() * PROGRESS_STEP_FRACTION);
    for (double t = step; ; t += step) {
      double until = Math.min(t, spec.horizon());
      sim.runUntil(until);
      if (progress != null) {
        progress.accept(until);
      }
      if (until >= spec.horizon() || (cancelled != null && cancelled.getAsBoolean())) {
        break;
      }
    }
    model.finish();
    metrics.finish(spec.horizon());
    return metrics.result(log, sim.eventsFired());
  }
}
