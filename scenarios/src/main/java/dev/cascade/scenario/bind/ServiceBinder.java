package dev.cascade.scenario.bind;

import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.ServiceSpec;
import dev.cascade.model.spec.ServiceSpec.Balance;

/**
 * Binds {@code kind: service}: instances, threads and queue per instance, balance and steps. With
 * proportional pools an instance's threads and queue are its share's ({@link Scale.Units}).
 */
final class ServiceBinder {

  private ServiceBinder() {}

  static ComponentSpec bind(String name, MapReader r, BindContext ctx) {
    Scale.Units units = ctx.units(name, r.integer("instances", Defaults.INSTANCES, 1));
    int instances = units.simulated();
    int threads = units.pool(r.integer("threads", Defaults.THREADS, 1));
    int queue = units.pool(r.integer("queue", Defaults.QUEUE, 0));
    Balance balance =
        r.choice(
            "balance", Defaults.BALANCE, Balance.values(), "random", "round-robin", "least-busy");
    return new ServiceSpec(
        name, instances, threads, queue, balance, StepBinder.bindAll(name, r, ctx));
  }
}
