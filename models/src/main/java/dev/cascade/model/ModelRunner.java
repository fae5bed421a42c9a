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
    Run run = new Run(spec, seed, replication, windows, checkEveryEvent);
    while (!run.step()) {
      if (progress != null) {
        progress.accept(run.simulated());
      }
      if (cancelled != null && cancelled.getAsBoolean()) {
        break;
      }
    }
    if (run.done() && progress != null) {
      progress.accept(run.simulated());
    }
    return run.finish();
  }

  /** Starts one replication that is advanced step by step with {@link Run#step}. */
  public static Run start(ModelSpec spec, long seed, int replication, List<Window> windows) {
    return new Run(spec, seed, replication, windows, false);
  }

  /**
   * One replication in progress. {@link #step} advances it by about 1% of the horizon, so a pool of
   * threads can take turns on several runs (a run is touched by one thread at a time; whoever hands
   * it over must publish it safely, e.g. through a lock). Stepping a run to its end gives the same
   * result as {@link ModelRunner#run}, whatever the interleaving with other runs.
   */
  public static final class Run {
    private final ModelSpec spec;
    private final Simulation sim;
    private final MetricRegistry metrics;
    private final EventLog log;
    private final Model model;
    private final double step;
    private double simulated;
    private boolean finished;

    Run(ModelSpec spec, long seed, int replication, List<Window> windows, boolean checkEveryEvent) {
      this.spec = spec;
      this.sim = new Simulation(1 << 12);
      RandomStreams streams = new RandomStreams(seed, replication);
      this.metrics = new MetricRegistry(spec.sample(), spec.horizon(), windows);
      this.log = new EventLog();
      ModelContext ctx = new ModelContext(spec, sim, streams, metrics, log);
      this.model = Model.build(ctx);
      if (checkEveryEvent) {
        sim.afterEachEvent(model::checkInvariants);
      }
      // One interval-closing event at a time, re-armed by itself: O(1) pending whatever the
      // horizon.
      EventHandler sampler =
          new EventHandler() {
            @Override
            public void handle(int type, int k, Object payload) {
              metrics.closeUpTo(sim.now());
              if (k < metrics.intervalCount()) {
                sim.schedule(
                    Math.min((k + 1) * spec.sample(), spec.horizon()), this, 0, k + 1, null);
              }
            }
          };
      sim.schedule(Math.min(spec.sample(), spec.horizon()), sampler, 0, 1, null);
      model.start();
      this.step = Math.max(spec.sample(), spec.horizon() * PROGRESS_STEP_FRACTION);
    }

    /**
     * Simulates the next step (about 1% of the horizon).
     *
     * @return true when the horizon is reached
     */
    public boolean step() {
      if (done()) {
        return true;
      }
      // The same step boundaries as k * step, so a stepped run matches an uninterrupted one.
      long k = Math.round(simulated / step) + 1;
      double until = Math.min(k * step, spec.horizon());
      sim.runUntil(until);
      simulated = until;
      return done();
    }

    /** Simulated seconds done so far. */
    public double simulated() {
      return simulated;
    }

    /** The run's horizon in simulated seconds. */
    public double horizon() {
      return spec.horizon();
    }

    /** Whether the horizon is reached. */
    public boolean done() {
      return simulated >= spec.horizon();
    }

    /**
     * Ends the run (invariants checked) and returns its result; a run stopped before its horizon
     * gives the result of what was simulated.
     */
    public RunResult finish() {
      if (finished) {
        throw new IllegalStateException("run already finished");
      }
      finished = true;
      model.finish();
      metrics.finish(spec.horizon());
      return metrics.result(log, sim.eventsFired());
    }
  }
}
