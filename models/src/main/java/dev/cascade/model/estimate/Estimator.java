package dev.cascade.model.estimate;

import dev.cascade.core.analytic.Queueing;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.GatewaySpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.RedisSpec;
import dev.cascade.model.spec.ServiceSpec;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.model.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a design review, from the spec alone and in full-scale numbers: each class's
 * peak offered rate flows through its gateway (capped by the rate limit), its service's steps
 * (cache hits absorbed, misses sent to the source, calls and enqueues passed on), and lands on
 * caches, databases and brokers. Per database node: load against capacity and the Erlang C mean
 * wait (M/M/c with c = workers); per service: busy threads by Little's law (rate x time a request
 * holds its thread) against threads; per Redis shard: operations against 1 / mean latency. Then the
 * same for each single loss: every cache down (hit ratio 0), one database node down.
 */
public final class Estimator {

  private final ModelSpec spec;

  private Estimator(ModelSpec spec) {
    this.spec = spec;
  }

  /** All lines: the normal situation first, then one block per single loss. */
  public static List<EstimateLine> estimate(ModelSpec spec) {
    double up = 1 / spec.scale();
    List<EstimateLine> slice = estimateSlice(spec);
    if (up == 1) {
      return slice;
    }
    List<EstimateLine> full = new ArrayList<>();
    for (EstimateLine l : slice) {
      boolean total = !l.quantity().endsWith("per node") && !l.quantity().endsWith("per shard");
      full.add(
          total
              ? new EstimateLine(
                  l.situation(),
                  l.component(),
                  l.quantity(),
                  l.value() * up,
                  l.capacity() * up,
                  l.unit(),
                  l.note())
              : l);
    }
    return full;
  }

  private static List<EstimateLine> estimateSlice(ModelSpec spec) {
    Estimator e = new Estimator(spec);
    List<EstimateLine> lines = new ArrayList<>();
    lines.addAll(e.situation("normal", null, null));
    for (ComponentSpec c : spec.components().values()) {
      if (c instanceof RedisSpec r && e.usedAsCache(r.name())) {
        lines.addAll(e.situation(r.name() + " down", r.name(), null));
      }
    }
    for (ComponentSpec c : spec.components().values()) {
      if (c instanceof DatabaseSpec d && d.nodes() * spec.unitShare(d.name()) > 1) {
        lines.addAll(e.situation(d.name() + ": one node down", null, d.name()));
      }
    }
    return lines;
  }

  private boolean usedAsCache(String redis) {
    for (ComponentSpec c : spec.components().values()) {
      if (c instanceof ServiceSpec s) {
        for (StepSpec step : s.steps()) {
          if (step instanceof StepSpec.CacheAside ca && ca.cache().equals(redis)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Flows, per component: requests/s into services and gateways, ops/s into caches and DBs. */
  private final class Flow {
    final Map<String, Double> load = new LinkedHashMap<>();
    final Map<String, Double> holdSeconds = new HashMap<>();
    final Map<String, double[]> split = new LinkedHashMap<>();
    final String lostCache;

    Flow(String lostCache) {
      this.lostCache = lostCache;
    }

    void add(String component, double rate) {
      load.merge(component, rate, Double::sum);
    }

    void into(String name, double rate) {
      ComponentSpec c = spec.components().get(name);
      if (c == null || rate <= 0) {
        return;
      }
      add(name, rate);
      if (c instanceof GatewaySpec g) {
        double admitted = g.rateLimit() == null ? rate : Math.min(rate, g.rateLimit().rate());
        into(g.next(), admitted);
      } else if (c instanceof ServiceSpec s) {
        holdSeconds.merge(name, rate * steps(s.steps(), rate), Double::sum);
      }
    }

    /** Sends the steps' load on; returns the mean time a request holds its thread. */
    double steps(List<StepSpec> steps, double rate) {
      double hold = 0;
      for (StepSpec step : steps) {
        if (step instanceof StepSpec.Work w) {
          hold += w.time().mean();
        } else if (step instanceof StepSpec.CacheAside ca) {
          RedisSpec cache = (RedisSpec) spec.components().get(ca.cache());
          boolean lost = ca.cache().equals(lostCache);
          double hit = lost ? 0 : cache.hitRatio();
          double misses = rate * (1 - hit) * ca.queries();
          double[] hm = split.computeIfAbsent(ca.cache(), k -> new double[2]);
          hm[0] += rate * hit;
          hm[1] += rate * (1 - hit);
          if (!lost) {
            add(ca.cache(), rate + (ca.fill() == StepSpec.Fill.NONE ? 0 : rate * (1 - hit)));
            hold += cache.latency().mean();
          }
          hold += (1 - hit) * ca.queries() * meanLatency(ca.source());
          into(ca.source(), misses);
        } else if (step instanceof StepSpec.Call call) {
          hold += meanLatency(call.target());
          into(call.target(), rate);
        } else if (step instanceof StepSpec.Enqueue e) {
          add(e.broker(), rate * e.probability());
        }
      }
      return hold;
    }

    double meanLatency(String component) {
      ComponentSpec c = spec.components().get(component);
      if (c instanceof DatabaseSpec d) {
        return d.latency().mean();
      }
      if (c instanceof RedisSpec r) {
        return r.latency().mean();
      }
      return 0;
    }
  }

  private List<EstimateLine> situation(String name, String lostCache, String nodeLost) {
    Flow flow = new Flow(lostCache);
    List<EstimateLine> lines = new ArrayList<>();
    for (WorkloadSpec w : spec.workload().values()) {
      double rate = peakRate(w);
      if ("normal".equals(name)) {
        lines.add(new EstimateLine(name, w.name(), "offered load", rate, Double.NaN, "rps", ""));
      }
      flow.into(w.entry(), rate);
    }
    for (Map.Entry<String, double[]> split : flow.split.entrySet()) {
      double[] hm = split.getValue();
      lines.add(
          new EstimateLine(
              name,
              split.getKey(),
              "reads absorbed by the cache",
              hm[0],
              Double.NaN,
              "rps",
              rate(hm[1] / spec.scale()) + " miss to the source"));
    }
    for (ComponentSpec c : spec.components().values()) {
      double load = flow.load.getOrDefault(c.name(), 0.0);
      if (c instanceof DatabaseSpec d) {
        // Real nodes in the slice: with proportional pools a simulated node may be part of one.
        double share = spec.unitShare(d.name());
        double nodes = d.nodes() * share - (d.name().equals(nodeLost) ? 1 : 0);
        lines.addAll(database(name, d, share, load, nodes));
      } else if (c instanceof RedisSpec r && !r.name().equals(lostCache) && load > 0) {
        lines.addAll(redis(name, r, load, flow));
      } else if (c instanceof ServiceSpec s && load > 0) {
        double busy = flow.holdSeconds.getOrDefault(s.name(), 0.0);
        // Real instances and threads per instance (a simulated one may be a share of one).
        double share = spec.unitShare(s.name());
        double instances = s.instances() * share;
        int perInstance = (int) Math.round(s.threads() / share);
        double threads = instances * perInstance;
        lines.add(
            new EstimateLine(
                name,
                s.name(),
                "busy threads (Little's law)",
                busy,
                threads,
                "threads",
                String.format(
                    java.util.Locale.ROOT,
                    "%.1f of %d per instance",
                    busy / instances,
                    perInstance)));
      }
    }
    return lines;
  }

  /**
   * Lines of database {@code d} with {@code load} over {@code nodes} real nodes, each simulated
   * node being {@code share} of a real one (its per-node figures are divided by the share).
   */
  private List<EstimateLine> database(
      String situation, DatabaseSpec d, double share, double load, double nodes) {
    List<EstimateLine> lines = new ArrayList<>();
    if (nodes <= 1e-9) {
      lines.add(new EstimateLine(situation, d.name(), "load per node", load, 0, "rps", "no node"));
      return lines;
    }
    double perNode = load / nodes;
    double mean = d.latency().mean();
    int workers =
        share == 1
            ? d.effectiveWorkers()
            : (int) Math.max(1, Math.round(d.effectiveWorkers() / share));
    double capacity = Double.isNaN(d.capacity()) ? workers / mean : d.capacity() / share;
    lines.add(
        new EstimateLine(
            situation,
            d.name(),
            "total load",
            load,
            capacity * nodes,
            "rps",
            count(nodes / spec.scale()) + " nodes x " + rate(capacity)));
    String note;
    double mu = 1 / mean;
    if (perNode < workers * mu) {
      double wait = Queueing.mmcMeanWait(workers, perNode, mu);
      note =
          String.format(
              java.util.Locale.ROOT,
              "Erlang C (M/M/%d): P(wait) %.1f%%, mean wait %.2f ms",
              workers,
              Queueing.erlangC(workers, perNode, mu) * 100,
              wait * 1000);
    } else {
      note = "unstable: the queue grows until the pool is full";
    }
    lines.add(
        new EstimateLine(situation, d.name(), "load per node", perNode, capacity, "rps", note));
    return lines;
  }

  private List<EstimateLine> redis(String situation, RedisSpec r, double load, Flow flow) {
    int shards = Math.max(1, r.shards());
    double perShard = load / shards;
    double capacity = 1 / r.latency().mean();
    return List.of(
        new EstimateLine(
            situation,
            r.name(),
            "ops per shard",
            perShard,
            capacity,
            "rps",
            shards + " shard(s), one command thread each"));
  }

  private static double peakRate(WorkloadSpec w) {
    double max = w.rate();
    for (WorkloadSpec.ProfilePoint p : w.profile()) {
      max = Math.max(max, p.rate());
    }
    return max;
  }

  /** A rate for a note, to four significant digits. */
  private static String rate(double perSecond) {
    return dev.cascade.core.unit.Rates.format(
        new java.math.BigDecimal(perSecond).round(new java.math.MathContext(4)).doubleValue());
  }

  /** A count of units for a note: whole when it is (to a millionth), else to two decimals. */
  private static String count(double units) {
    long whole = Math.round(units);
    if (Math.abs(units - whole) < 1e-6 * Math.max(1, units)) {
      return Long.toString(whole);
    }
    return String.format(java.util.Locale.ROOT, "%.2f", units);
  }
}
