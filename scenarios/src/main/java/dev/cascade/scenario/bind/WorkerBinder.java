package dev.cascade.scenario.bind;

import dev.cascade.model.spec.BackoffSpec;
import dev.cascade.model.spec.ComponentKind;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.WorkerSpec;

/**
 * Binds {@code kind: worker}: broker and queue, consumers, job time, steps and reconnect backoff.
 */
final class WorkerBinder {

  private WorkerBinder() {}

  static ComponentSpec bind(String name, MapReader r, BindContext ctx) {
    String broker = r.get("broker", null, Kind.TEXT);
    ctx.component(r, "broker", broker, ComponentKind.REDIS);
    String queue = r.get("queue", null, Kind.NAME);
    int consumers = ctx.scale.count(r.integer("consumers", Defaults.CONSUMERS, 1));
    var job = r.get("job", Defaults.JOB, Kind.DISTRIBUTION);
    var steps = StepBinder.bindAll(name, r, ctx);
    MapReader rc = r.sectionOrEmpty("reconnect");
    double base = rc.get("base", Defaults.RECONNECT_BASE, Kind.DURATION);
    double max = rc.get("max", Defaults.RECONNECT_MAX, Kind.DURATION);
    if (max < base) {
      rc.invalid("max", "at least base");
    }
    BackoffSpec reconnect = new BackoffSpec(base, max, BackoffSpec.Jitter.FULL);
    return new WorkerSpec(name, broker, queue, consumers, job, steps, reconnect);
  }
}
