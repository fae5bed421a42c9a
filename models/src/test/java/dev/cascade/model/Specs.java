package dev.cascade.model;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.core.stats.Window;
import dev.cascade.model.spec.BackoffSpec;
import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.ClientSpec;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.ConditionSpec;
import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.GatewaySpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.Outcome;
import dev.cascade.model.spec.RedisSpec;
import dev.cascade.model.spec.ServiceSpec;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.model.spec.WorkloadSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Concise builders of model specs for tests (the scenario file's defaults, written in Java). */
final class Specs {

  private Specs() {}

  static WorkloadSpec workload(String name, String entry, double rate, ClientSpec client) {
    return new WorkloadSpec(
        name, entry, rate, List.of(), WorkloadSpec.Arrivals.POISSON, null, client);
  }

  static ClientSpec client(double timeout, int retries) {
    return new ClientSpec(
        timeout,
        retries,
        BackoffSpec.defaults(),
        Set.of(Outcome.REJECTED, Outcome.ERROR, Outcome.TIMEOUT),
        Double.NaN);
  }

  static ServiceSpec service(
      String name, int instances, int threads, int queue, StepSpec... steps) {
    return new ServiceSpec(
        name, instances, threads, queue, ServiceSpec.Balance.RANDOM, List.of(steps));
  }

  static StepSpec.Work work(String dist) {
    return new StepSpec.Work(DistributionSpec.parse(dist));
  }

  static StepSpec.CacheAside cacheAside(
      String cache, String source, double timeout, String breaker) {
    return new StepSpec.CacheAside(
        cache,
        source,
        null,
        1,
        timeout,
        breaker,
        StepSpec.OnCacheError.SOURCE,
        StepSpec.Fill.ASYNC,
        3600,
        StepSpec.Coalesce.NONE,
        null,
        1.0);
  }

  static RedisSpec redis(String name, double hitRatio) {
    return redis(name, hitRatio, 1);
  }

  static RedisSpec redis(String name, double hitRatio, int shards) {
    return redis(name, hitRatio, shards, RedisSpec.Persistence.NONE);
  }

  static RedisSpec redis(
      String name, double hitRatio, int shards, RedisSpec.Persistence persistence) {
    return new RedisSpec(
        name,
        shards,
        DistributionSpec.parse("exp(0.2ms)"),
        hitRatio,
        300,
        -1,
        RedisSpec.Eviction.NOEVICTION,
        -1,
        1.0,
        512,
        1024,
        null,
        persistence,
        900,
        new RedisSpec.RestartSpec(RedisSpec.RestartSpec.Policy.NO, 5),
        null,
        0.001);
  }

  static DatabaseSpec db(String name, int nodes, double capacity, String latency, int maxConn) {
    return new DatabaseSpec(
        name, nodes, capacity, DistributionSpec.parse(latency), 0, maxConn, 30, null, null, false);
  }

  static GatewaySpec gateway(String name, String next, GatewaySpec.ShedSpec shed) {
    return new GatewaySpec(name, next, null, shed);
  }

  static ConditionSpec above(String metric, double v) {
    return new ConditionSpec(metric, v, Double.NaN);
  }

  static ConditionSpec below(String metric, double v) {
    return new ConditionSpec(metric, Double.NaN, v);
  }

  static BreakerSpec countBreaker(String name, int failures, double within, double openFor) {
    return new BreakerSpec(
        name, new BreakerSpec.CountTrip(failures, within), openFor, 1, BreakerSpec.Scope.INSTANCE);
  }

  static FaultSpec fault(double at, String target, FaultSpec.Action action, double duration) {
    return new FaultSpec(at, target, action, duration, 0, 0, 1, null, null);
  }

  static ModelSpec model(
      double horizon,
      double scale,
      List<WorkloadSpec> workload,
      List<ComponentSpec> components,
      List<BreakerSpec> breakers,
      List<FaultSpec> faults) {
    Map<String, WorkloadSpec> w = new LinkedHashMap<>();
    workload.forEach(x -> w.put(x.name(), x));
    Map<String, ComponentSpec> c = new LinkedHashMap<>();
    components.forEach(x -> c.put(x.name(), x));
    Map<String, BreakerSpec> b = new LinkedHashMap<>();
    breakers.forEach(x -> b.put(x.name(), x));
    return new ModelSpec(horizon, 0, 1.0, scale, w, c, b, faults, List.of());
  }

  static List<Window> windows(double horizon, double faultStart, double faultEnd) {
    if (Double.isNaN(faultStart)) {
      return List.of(new Window("all", 0, horizon));
    }
    return List.of(
        new Window("all", 0, horizon),
        new Window("before", 0, faultStart),
        new Window("during", faultStart, faultEnd),
        new Window("after", faultEnd, horizon));
  }
}
