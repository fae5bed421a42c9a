package dev.cascade.scenario.bind;

import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.ServiceSpec;
import dev.cascade.model.spec.ServiceSpec.Balance;

/** Binds {@code kind: service}: instances, threads and queue per instance, balance and steps. */
final class ServiceBinder {

  private ServiceBinder() {}

  static ComponentSpec bind(String name, MapReader r, BindContext ctx) {
    int instances = ctx.scale.count(r.integer("instances", Defaults.INSTANCES, 1));
    int threads = r.integer("threads", Defaults.THREADS, 1);
    int queue = r.integer("queue", Defaults.QUEUE, 0);
    Balance balance =
        r.choice(
            "balance", Defaults.BALANCE, Balance.values(), "random", "round-robin", "least-busy");
    return new ServiceSpec(
        name, instances, threads, queue, balance, StepBinder.bindAll(name, r, ctx));
  }
}
