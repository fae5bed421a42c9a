package dev.cascade.cli;

import dev.cascade.core.unit.Durations;
import dev.cascade.model.MetricCatalog;
import dev.cascade.model.redis.KeyCache;
import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.DatabaseSpec;
import dev.cascade.model.spec.FaultSpec;
import dev.cascade.model.spec.GatewaySpec;
import dev.cascade.model.spec.ModelSpec;
import dev.cascade.model.spec.RedisSpec;
import dev.cascade.model.spec.ServiceSpec;
import dev.cascade.model.spec.StepSpec;
import dev.cascade.model.spec.WorkerSpec;
import dev.cascade.model.spec.WorkloadSpec;
import dev.cascade.scenario.spec.Case;
import dev.cascade.scenario.spec.Scenario;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The guard rails checked before any simulation starts, from the scenario alone: how many events
 * the runs will simulate and how long that takes, and how much heap they need. A run estimated to
 * take longer than {@link #WALL_LIMIT_SECONDS} is refused unless {@code --force}; runs that would
 * not fit in the heap run fewer at a time, and are refused when even one does not fit, instead of
 * ending in an {@link OutOfMemoryError} minutes later.
 *
 * <p><b>Events.</b> Per run: the requests the workload offers over the horizon (the rate profile
 * averaged over it, plus what {@code spike} faults add; first tries only, so a retry storm runs
 * longer than estimated) times the events one request costs, plus one event per metrics interval.
 * The events of a request come from the path it takes through the model: {@link
 * #EVENTS_PER_REQUEST_BASE} for its arrival and end, 1 per {@code work} step and per operation on a
 * Redis, a database or a broker, with cache misses at the cache's hit ratio calling the source
 * (about 4 for a service that reads through a cache into a database). This comes within a factor
 * 1.5 of the events counted in runs of the built-in scenario and of the test scenarios. Wall time
 * is events over {@link #EVENTS_PER_SECOND_PER_CORE} times the runs go in parallel ({@code
 * --jobs}).
 *
 * <p><b>Memory.</b> Per concurrent run, the model state: a key-level cache for every Redis that a
 * {@code cache_aside} reads when the workload has keys ({@link KeyCache#estimatedBytes}, 16 bytes
 * per key of the key space, 20 while its arrays grow); {@value #BYTES_PER_INSTANCE} bytes per
 * service instance and breaker, plus breaker windows; {@value #BYTES_PER_REQUEST} bytes per request
 * in flight (the offered rate times the client timeout, at most every thread and queue slot taken).
 * Kept for every run until the end: one {@code double} per metric per interval. The total must stay
 * under {@link #HEAP_SHARE} of the JVM's maximum heap.
 */
final class RunBudget {

  /**
   * Events one core simulates per second: the built-in {@code url-shortener-redis-down} (four
   * variants, 1.3 billion events) ran at 3.0 million events/s on one core of the 2-core development
   * machine with other builds running (docs/VALIDATION.md).
   */
  static final double EVENTS_PER_SECOND_PER_CORE = 3e6;

  /** Longest estimated wall time run without {@code --force}: 10 minutes. */
  static final double WALL_LIMIT_SECONDS = 600;

  /** System property that replaces {@link #WALL_LIMIT_SECONDS} (seconds), for tests. */
  static final String WALL_LIMIT_PROPERTY = "cascade.wallLimitSeconds";

  /** Share of the maximum heap the estimated bytes may take; the rest is the JVM's and output's. */
  static final double HEAP_SHARE = 0.8;

  static final long BYTES_PER_INSTANCE = 256;
  static final long BYTES_PER_REQUEST = 256;

  /**
   * Events of a request besides its steps (its arrival, and its end or timeout when that is an
   * event of its own), fitted to a run of 120,000 requests through a service with a cache and a
   * database (3.8 events per request in all).
   */
  static final double EVENTS_PER_REQUEST_BASE = 1.5;

  /** A run's operations on its Redis happen at least this often (the memory model's tick). */
  private static final double REDIS_TICK_SECONDS = 0.1;

  /**
   * What the runs of a command are estimated to cost.
   *
   * @param events simulated events over every run
   * @param wallSeconds wall time with {@code jobs} runs in parallel
   * @param jobs runs in parallel: {@code --jobs}, lowered when memory needs it
   * @param resident runs held in memory at once, which the {@code jobs} threads take turns on: up
   *     to twice {@code jobs} (so that runs of unequal cost share the cores to the end instead of
   *     the longest finishing alone), as many as fit in the heap, at least {@code jobs}
   * @param runBytes heap one run's model state needs (the largest run)
   * @param keptBytes heap the results of every run keep until the end
   * @param heapBytes the JVM's maximum heap
   */
  record Estimate(
      long events,
      double wallSeconds,
      int jobs,
      int resident,
      long runBytes,
      long keptBytes,
      long heapBytes) {

    /** Heap needed with {@code jobs} runs in parallel. */
    long bytes() {
      return keptBytes + runBytes * jobs;
    }
  }

  private RunBudget() {}

  /**
   * Checks {@code cases} of {@code scenario} against the limits.
   *
   * @return the number of runs to simulate in parallel: {@code --jobs}, or fewer when that many do
   *     not fit in the heap together
   * @throws Main.UserError without {@code --force}, when the runs would take too long or one does
   *     not fit in the heap
   */
  static int check(Scenario scenario, List<Case> cases, ScenarioOptions o, PrintStream err) {
    return checked(scenario, cases, o, err).jobs();
  }

  /** {@link #check}, returning the whole estimate (jobs and resident runs). */
  static Estimate checked(Scenario scenario, List<Case> cases, ScenarioOptions o, PrintStream err) {
    Estimate e = estimate(scenario, cases, o.jobs(), Runtime.getRuntime().maxMemory());
    if (!o.force && e.bytes() > HEAP_SHARE * e.heapBytes()) {
      throw new Main.UserError(memoryMessage(e));
    }
    double limit = wallLimit();
    if (!o.force && e.wallSeconds() > limit) {
      throw new Main.UserError(
          String.format(
              Locale.ROOT,
              "this would take about %s (%s events at %s events/s per core, %d at a time),"
                  + " more than the %s limit; pass --force to run it anyway, or shorten it with"
                  + " --horizon, --replications, --scale or --variant",
              Durations.format(Math.ceil(e.wallSeconds())),
              count(e.events()),
              count((long) EVENTS_PER_SECOND_PER_CORE),
              e.jobs(),
              Durations.format(limit)));
    }
    if (e.jobs() < Math.min(o.jobs(), runs(scenario, cases))) {
      err.printf(
          "cascade: running %d at a time (not %d) so that the runs fit in the heap (%s each)%n",
          e.jobs(), o.jobs(), bytes(e.runBytes()));
    }
    return e;
  }

  static String memoryMessage(Estimate e) {
    return String.format(
        Locale.ROOT,
        "this needs about %s of heap (%s for the model state of one run, %s for the results of"
            + " every run), more than %.0f%% of the %s this JVM may use; lower the key space,"
            + " --horizon (or raise sample), --replications or --jobs, or give Java more heap"
            + " (CASCADE_JAVA_OPTS=-Xmx16g)",
        bytes(e.keptBytes() + e.runBytes()),
        bytes(e.runBytes()),
        bytes(e.keptBytes()),
        HEAP_SHARE * 100,
        bytes(e.heapBytes()));
  }

  static double wallLimit() {
    String v = System.getProperty(WALL_LIMIT_PROPERTY);
    return v == null ? WALL_LIMIT_SECONDS : Double.parseDouble(v);
  }

  /** The estimate for {@code cases} with up to {@code jobs} runs in parallel. */
  static Estimate estimate(Scenario scenario, List<Case> cases, int jobs, long heapBytes) {
    int reps = scenario.replications();
    int runs = runs(scenario, cases);
    double events = 0;
    double longest = 0;
    long runBytes = 0;
    double kept = 0;
    for (Case c : cases) {
      double e = events(c.model());
      events += e * reps;
      longest = Math.max(longest, e);
      runBytes = Math.max(runBytes, stateBytes(c.model()));
      kept += keptBytes(c.model()) * (reps + 1.0); // every run, plus the case's summary
    }
    long keptBytes = (long) Math.min(Long.MAX_VALUE, kept);
    int parallel = Math.max(1, Math.min(jobs, runs));
    while (parallel > 1 && keptBytes + runBytes * (double) parallel > HEAP_SHARE * heapBytes) {
      parallel--;
    }
    int resident = parallel;
    while (resident < Math.min(2 * parallel, runs)
        && keptBytes + runBytes * (resident + 1.0) <= HEAP_SHARE * heapBytes) {
      resident++;
    }
    double wall = Math.max(events / parallel, longest) / EVENTS_PER_SECOND_PER_CORE;
    return new Estimate(
        (long) Math.min(Long.MAX_VALUE, events),
        wall,
        parallel,
        resident,
        runBytes,
        keptBytes,
        heapBytes);
  }

  private static int runs(Scenario scenario, List<Case> cases) {
    return cases.size() * scenario.replications();
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  /** Events of one run of {@code m}. */
  static double events(ModelSpec m) {
    double events = m.horizon() / m.sample();
    for (WorkloadSpec w : m.workload().values()) {
      double requests = averageRate(w, m.horizon()) * m.horizon() + spikeRequests(w, m);
      events += requests * (EVENTS_PER_REQUEST_BASE + perRequest(m, w.entry(), new HashSet<>()));
    }
    for (ComponentSpec c : m.components().values()) {
      if (c instanceof RedisSpec) {
        events += m.horizon() / REDIS_TICK_SECONDS;
      }
    }
    return events;
  }

  /** Events one request costs at {@code name} and below (a cycle counts once). */
  private static double perRequest(ModelSpec m, String name, Set<String> seen) {
    ComponentSpec c = m.components().get(name);
    if (c == null || !seen.add(name)) {
      return 0;
    }
    double e;
    if (c instanceof GatewaySpec g) {
      e = perRequest(m, g.next(), seen);
    } else if (c instanceof ServiceSpec s) {
      e = steps(m, s.steps(), seen);
    } else if (c instanceof WorkerSpec w) {
      e = 1 + steps(m, w.steps(), seen);
    } else {
      e = 1; // one operation on a Redis or a database
    }
    seen.remove(name);
    return e;
  }

  private static double steps(ModelSpec m, List<StepSpec> steps, Set<String> seen) {
    double e = 0;
    for (StepSpec step : steps) {
      if (step instanceof StepSpec.Work) {
        e += 1;
      } else if (step instanceof StepSpec.Call call) {
        e += perRequest(m, call.target(), seen);
      } else if (step instanceof StepSpec.Enqueue q) {
        e += q.probability();
      } else if (step instanceof StepSpec.CacheAside ca) {
        double miss = m.components().get(ca.cache()) instanceof RedisSpec r ? 1 - r.hitRatio() : 1;
        double fill = ca.fill() == StepSpec.Fill.NONE ? 0 : miss;
        e += 1 + fill + miss * ca.queries() * perRequest(m, ca.source(), seen);
      }
    }
    return e;
  }

  /** The rate of {@code w} averaged over {@code [0, horizon]}. */
  static double averageRate(WorkloadSpec w, double horizon) {
    List<WorkloadSpec.ProfilePoint> points = w.profile();
    if (points.isEmpty()) {
      return w.rate();
    }
    int n = 2000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += rateAt(points, (i + 0.5) * horizon / n);
    }
    return sum / n;
  }

  /** The profile's rate at {@code t}, as the workload model computes it. */
  private static double rateAt(List<WorkloadSpec.ProfilePoint> points, double t) {
    double rate = points.get(0).rate();
    for (WorkloadSpec.ProfilePoint p : points) {
      if (p.at() > t) {
        break;
      }
      double from = rate;
      rate =
          p.ramp() > 0 && t < p.at() + p.ramp()
              ? from + (p.rate() - from) * (t - p.at()) / p.ramp()
              : p.rate();
    }
    return rate;
  }

  /** Requests that spike faults on {@code w} add within the horizon. */
  private static double spikeRequests(WorkloadSpec w, ModelSpec m) {
    double extra = 0;
    for (FaultSpec f : m.faults()) {
      if (f.action() == FaultSpec.Action.SPIKE && f.target().equals(w.name()) && f.scheduled()) {
        double end = Double.isFinite(f.duration()) ? f.at() + f.duration() : m.horizon();
        double seconds = Math.max(0, Math.min(end, m.horizon()) - f.at());
        extra += Math.max(0, f.factor() - 1) * averageRate(w, m.horizon()) * seconds;
      }
    }
    return extra;
  }

  // ---------------------------------------------------------------------------------------------
  // Memory

  /** Heap one run of {@code m} needs for its model state. */
  static long stateBytes(ModelSpec m) {
    double bytes = 0;
    long keySpace = 0;
    for (WorkloadSpec w : m.workload().values()) {
      if (w.keys() != null) {
        keySpace = Math.max(keySpace, Math.min(Integer.MAX_VALUE, w.keys().space()));
      }
    }
    Set<String> caches = new HashSet<>();
    double slots = 0;
    for (ComponentSpec c : m.components().values()) {
      if (c instanceof ServiceSpec s) {
        bytes += (double) s.instances() * BYTES_PER_INSTANCE;
        slots += (double) s.instances() * ((double) s.threads() + s.queue());
        for (StepSpec step : s.steps()) {
          if (step instanceof StepSpec.CacheAside ca) {
            caches.add(ca.cache());
          }
          String breaker = breakerOf(step);
          BreakerSpec b = breaker == null ? null : m.breakers().get(breaker);
          if (b != null) {
            double instances = b.scope() == BreakerSpec.Scope.GLOBAL ? 1 : s.instances();
            bytes += instances * (BYTES_PER_INSTANCE + windowBytes(b));
          }
        }
      } else if (c instanceof DatabaseSpec d) {
        bytes += (double) d.nodes() * BYTES_PER_INSTANCE;
        slots += (double) d.nodes() * d.maxConnections();
      }
    }
    if (keySpace > 0) {
      for (String cache : caches) {
        if (m.components().get(cache) instanceof RedisSpec r) {
          long capacity = r.maxmemory() < 0 ? -1 : r.maxmemory() / Math.max(1, r.valueSize());
          bytes += KeyCache.estimatedBytes((int) keySpace, capacity);
        }
      }
    }
    double inFlight = 0;
    for (WorkloadSpec w : m.workload().values()) {
      double timeout = Double.isFinite(w.client().timeout()) ? w.client().timeout() : m.horizon();
      inFlight +=
          averageRate(w, m.horizon()) * Math.min(timeout, m.horizon()) * (1 + w.client().retries());
    }
    bytes += Math.min(inFlight, slots) * BYTES_PER_REQUEST;
    return (long) Math.min(Long.MAX_VALUE, bytes);
  }

  private static String breakerOf(StepSpec step) {
    if (step instanceof StepSpec.CacheAside ca) {
      return ca.breaker();
    }
    return step instanceof StepSpec.Call call ? call.breaker() : null;
  }

  private static double windowBytes(BreakerSpec b) {
    if (b.trip() instanceof BreakerSpec.RateTrip r) {
      return r.windowSeconds() > 0 ? 12 * r.windowSeconds() : r.windowCalls();
    }
    return b.trip() instanceof BreakerSpec.CountTrip c ? 8.0 * c.failures() : 0;
  }

  /** Heap the results of one run of {@code m} keep: one double per metric per interval. */
  static double keptBytes(ModelSpec m) {
    double metrics = 0;
    for (WorkloadSpec w : m.workload().values()) {
      metrics += MetricCatalog.of(w).size();
    }
    for (ComponentSpec c : m.components().values()) {
      metrics += MetricCatalog.of(c).size();
    }
    for (BreakerSpec b : m.breakers().values()) {
      metrics += MetricCatalog.of(b).size();
    }
    return 8 * metrics * Math.ceil(m.horizon() / m.sample());
  }

  // ---------------------------------------------------------------------------------------------
  // Words

  static String bytes(long b) {
    if (b >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.0f MB", Math.ceil(b / (double) (1L << 20)));
  }

  static String count(long n) {
    if (n >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.1fG", n / 1e9);
    }
    if (n >= 1_000_000L) {
      return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }
    return String.format(Locale.ROOT, "%.1fk", n / 1e3);
  }
}
