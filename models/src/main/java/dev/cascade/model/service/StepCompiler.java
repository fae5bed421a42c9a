package dev.cascade.model.service;

import dev.cascade.model.flow.Backend;
import dev.cascade.model.redis.Redis;
import dev.cascade.model.spec.StepSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Turns a service's step specs into runtime steps bound to their backends and breakers. */
public final class StepCompiler {

  private StepCompiler() {}

  /**
   * Compiles the steps of {@code service}.
   *
   * @param backends resolves a component name to a cache or database
   * @param breakers resolves a breaker policy name (or null) to the breakers of this service
   */
  public static List<Step> compile(
      Service service, Function<String, Backend> backends, Function<String, Breakers> breakers) {
    List<Step> steps = new ArrayList<>();
    List<StepSpec> specs = service.spec().steps();
    for (int i = 0; i < specs.size(); i++) {
      StepSpec s = specs.get(i);
      if (s instanceof StepSpec.Work w) {
        steps.add(
            new WorkStep(
                service, i, w.time().bind(service.ctx().stream(service.name(), "work." + i))));
      } else if (s instanceof StepSpec.CacheAside ca) {
        if (!(backends.apply(ca.cache()) instanceof Redis cache)) {
          throw new IllegalArgumentException(ca.cache() + " is not a redis cache");
        }
        steps.add(
            new CacheAsideStep(
                service, i, ca, cache, backends.apply(ca.source()), breakers.apply(ca.breaker())));
      } else if (s instanceof StepSpec.Call c) {
        steps.add(
            new CallStep(
                service,
                i,
                backends.apply(c.target()),
                c.timeout(),
                c.retries(),
                breakers.apply(c.breaker())));
      } else if (s instanceof StepSpec.Enqueue e) {
        if (!(backends.apply(e.broker()) instanceof Redis broker)) {
          throw new IllegalArgumentException(e.broker() + " is not a redis broker");
        }
        steps.add(new EnqueueStep(service, i, e, broker));
      } else {
        throw new IllegalArgumentException("unknown step " + s);
      }
    }
    return steps;
  }
}
