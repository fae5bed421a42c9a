package dev.cascade.model;

import dev.cascade.core.event.Simulation;
import dev.cascade.core.random.RandomStreams;
import dev.cascade.core.result.EventLog;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.model.spec.ModelSpec;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * What every component of one run shares: the spec, the clock, the random streams, the metric
 * registry and the event log. There is one context per run and nothing static.
 */
public final class ModelContext {

  private final ModelSpec spec;
  private final Simulation sim;
  private final RandomStreams streams;
  private final MetricRegistry metrics;
  private final EventLog log;

  public ModelContext(
      ModelSpec spec, Simulation sim, RandomStreams streams, MetricRegistry metrics, EventLog log) {
    this.spec = spec;
    this.sim = sim;
    this.streams = streams;
    this.metrics = metrics;
    this.log = log;
  }

  public ModelSpec spec() {
    return spec;
  }

  public Simulation sim() {
    return sim;
  }

  public MetricRegistry metrics() {
    return metrics;
  }

  /** The independent random stream {@code (component, name)} of this replication. */
  public UniformRandomProvider stream(String component, String name) {
    return streams.stream(component, name);
  }

  /** Records a timeline event at the current time. */
  public void event(String component, String event, String detail) {
    log.record(sim.now(), component, event, detail);
  }

  /** Current simulated time in seconds. */
  public double now() {
    return sim.now();
  }
}
