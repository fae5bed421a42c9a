package dev.cascade.model;

import dev.cascade.model.database.Autoscaler;
import dev.cascade.model.database.Database;
import dev.cascade.model.fault.FaultSchedule;
import dev.cascade.model.fault.FaultTarget;
import dev.cascade.model.flow.Backend;
import dev.cascade.model.flow.RequestSink;
import dev.cascade.model.gateway.Gateway;
import dev.cascade.model.monitor.Monitor;
import dev.cascade.model.redis.Redis;
import dev.cascade.model.service.Breakers;
import dev.cascade.model.service.Service;
import dev.cascade.model.service.StepCompiler;
import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.GatewaySpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.MonitorSpec;
import dev.cascade.model.spec.RedisSpec;
import dev.cascade.model.spec.ServiceSpec;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.model.spec.WorkerSpec;
import dev.cascade.model.spec.WorkloadSpec;
import dev.cascade.model.worker.Worker;
import dev.cascade.model.workload.TrafficClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The components of one run, built from the spec and wired together: traffic classes into their
 * entry components, gateways to their next hop and shedding signal, service steps to their caches,
 * sources and breakers, faults to their targets.
 */
final class Model {

  private final ModelContext ctx;
  private final Map<String, Object> components = new LinkedHashMap<>();
  private final Map<String, TrafficClass> traffic = new LinkedHashMap<>();
  private final Map<String, BreakerPolicy> breakers = new LinkedHashMap<>();
  private final List<Runnable> starters = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();
  private final List<Worker> workers = new ArrayList<>();

  private Model(ModelContext ctx) {
    this.ctx = ctx;
  }

  static Model build(ModelContext ctx) {
    Model m = new Model(ctx);
    m.wire();
    return m;
  }

  private void wire() {
    ModelSpec spec = ctx.spec();
    for (ComponentSpec c : spec.components().values()) {
      if (!(c instanceof WorkerSpec)) {
        components.put(c.name(), create(c));
      }
    }
    // Workers after the brokers they read from exist.
    for (ComponentSpec c : spec.components().values()) {
      if (c instanceof WorkerSpec w) {
        if (!(components.get(w.broker()) instanceof Redis broker)) {
          throw new IllegalArgumentException(
              "worker " + w.name() + ": broker " + w.broker() + " is not a redis component");
        }
        components.put(w.name(), new Worker(ctx, w, broker));
      }
    }
    enableKeyLevelCaches(spec);
    for (BreakerSpec b : spec.breakers().values()) {
      breakers.put(b.name(), new BreakerPolicy(ctx, b, instancesUsing(b.name())));
    }
    for (WorkloadSpec w : spec.workload().values()) {
      TrafficClass t = new TrafficClass(ctx, w);
      t.connect(sink(w.entry()));
      traffic.put(w.name(), t);
      starters.add(t::start);
    }
    for (Object o : components.values()) {
      if (o instanceof Gateway g) {
        g.connect(sink(g.spec().next()), signal(g.spec()));
        starters.add(g::start);
      } else if (o instanceof Service s) {
        s.setSteps(StepCompiler.compile(s, this::backend, name -> breakerFor(name, s.instances())));
        services.add(s);
      } else if (o instanceof Worker w) {
        Service exec = w.executor();
        exec.setSteps(StepCompiler.compile(exec, this::backend, name -> breakerFor(name, 1)));
        services.add(exec);
        workers.add(w);
      } else if (o instanceof Redis r) {
        starters.add(r::start);
      }
    }
    Map<String, FaultTarget> targets = new LinkedHashMap<>();
    components.forEach(
        (name, o) -> {
          if (o instanceof FaultTarget t) {
            targets.put(name, t);
          }
        });
    targets.putAll(traffic);
    FaultSchedule faults = new FaultSchedule(ctx, spec.faults(), targets);
    starters.add(faults::start);
    for (Object o : components.values()) {
      if (o instanceof Database d && d.spec().autoscale() != null) {
        Autoscaler a = new Autoscaler(ctx, d, signal(d.spec().autoscale().when().metric()));
        starters.add(a::start);
      }
    }
    for (MonitorSpec ms : spec.monitors()) {
      FaultTarget target = null;
      if (ms.then() != null) {
        target = targets.get(ms.then().target());
        if (target == null) {
          throw new IllegalArgumentException(
              "monitor "
                  + ms.name()
                  + ": remediation target "
                  + ms.then().target()
                  + " does not exist");
        }
      }
      Monitor monitor = new Monitor(ctx, ms, signal(ms.when().metric()), target);
      starters.add(monitor::start);
    }
  }

  /**
   * With workload keys, every Redis that a cache_aside reads becomes a key-level cache over the
   * largest key space of the workload classes, once per named {@code keyspace} of the cache_aside
   * steps reading it (keys of different classes share ranks within one keyspace: a class with its
   * own keys should use its own keyspace or Redis).
   */
  private void enableKeyLevelCaches(ModelSpec spec) {
    long space = 0;
    for (WorkloadSpec w : spec.workload().values()) {
      if (w.keys() != null) {
        space = Math.max(space, w.keys().space());
      }
    }
    if (space == 0) {
      return;
    }
    List<Redis> caches = new ArrayList<>();
    for (ComponentSpec c : spec.components().values()) {
      List<StepSpec> steps =
          c instanceof ServiceSpec s
              ? s.steps()
              : c instanceof WorkerSpec w ? w.steps() : List.of();
      for (StepSpec step : steps) {
        if (step instanceof StepSpec.CacheAside ca
            && components.get(ca.cache()) instanceof Redis r) {
          r.addKeyspace(ca.keyspace());
          if (!caches.contains(r)) {
            caches.add(r);
          }
        }
      }
    }
    for (Redis r : caches) {
      r.enableKeys((int) Math.min(Integer.MAX_VALUE - 8, space));
    }
  }

  private Object create(ComponentSpec c) {
    if (c instanceof GatewaySpec g) {
      return new Gateway(ctx, g);
    } else if (c instanceof ServiceSpec s) {
      return new Service(ctx, s);
    } else if (c instanceof RedisSpec r) {
      return new Redis(ctx, r);
    } else if (c instanceof DatabaseSpec d) {
      return new Database(ctx, d);
    }
    throw new IllegalArgumentException("unknown component kind " + c.kind());
  }

  private int instancesUsing(String breaker) {
    int max = 1;
    for (ComponentSpec c : ctx.spec().components().values()) {
      if (c instanceof ServiceSpec s && usesBreaker(s, breaker)) {
        max = Math.max(max, Math.max(1, s.instances()));
      }
    }
    return max;
  }

  private static boolean usesBreaker(ServiceSpec s, String breaker) {
    for (StepSpec step : s.steps()) {
      if (step instanceof StepSpec.CacheAside ca && breaker.equals(ca.breaker())) {
        return true;
      }
      if (step instanceof StepSpec.Call call && breaker.equals(call.breaker())) {
        return true;
      }
    }
    return false;
  }

  private Breakers breakerFor(String name, int instances) {
    if (name == null) {
      return Breakers.NONE;
    }
    BreakerPolicy p = breakers.get(name);
    if (p == null) {
      throw new IllegalArgumentException("unknown breaker " + name);
    }
    return p;
  }

  private RequestSink sink(String name) {
    Object o = components.get(name);
    if (o instanceof RequestSink s) {
      return s;
    }
    throw new IllegalArgumentException(name + " cannot receive requests (a gateway or service)");
  }

  private Backend backend(String name) {
    Object o = components.get(name);
    if (o instanceof Backend b) {
      return b;
    }
    throw new IllegalArgumentException(name + " is not a cache or database");
  }

  private DoubleSupplier signal(GatewaySpec g) {
    return g.shed() == null ? () -> Double.NaN : signal(g.shed().when().metric());
  }

  /**
   * The current value of a metric for a condition. Health ({@code .up}) is read live, as a ping
   * sees it; everything else is the value of the last closed metrics interval.
   */
  private DoubleSupplier signal(String metric) {
    if (metric.endsWith(".up")) {
      Object o = components.get(metric.substring(0, metric.length() - 3));
      if (o instanceof Redis r) {
        return () -> r.up() ? 1.0 : 0.0;
      }
      if (o instanceof Database d) {
        return () -> d.aliveNodes() > 0 ? 1.0 : 0.0;
      }
    }
    return ctx.metrics().latest(metric);
  }

  void start() {
    starters.forEach(Runnable::run);
  }

  void finish() {
    checkInvariants();
  }

  /** Checks every component's invariants (called at the end of every run). */
  void checkInvariants() {
    for (Service s : services) {
      s.checkInvariants();
    }
    for (Object o : components.values()) {
      if (o instanceof Database d) {
        d.checkInvariants();
      } else if (o instanceof Redis r) {
        r.checkInvariants();
      }
    }
    for (BreakerPolicy b : breakers.values()) {
      b.checkInvariants();
    }
    for (Worker w : workers) {
      w.checkInvariants();
    }
  }
}
