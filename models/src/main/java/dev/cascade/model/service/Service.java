package dev.cascade.model.service;

import dev.cascade.core.event.Component;
import dev.cascade.core.stats.Counter;
import dev.cascade.core.stats.LatencyRecorder;
import dev.cascade.core.stats.Level;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.model.ModelContext;
import dev.cascade.model.flow.Backend;
import dev.cascade.model.flow.Request;
import dev.cascade.model.flow.RequestSink;
import dev.cascade.model.spec.Outcome;
import dev.cascade.model.spec.ServiceSpec;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * App servers: {@code instances}, each with {@code threads} and a FIFO queue of at most {@code
 * queue} requests (full: 503). A request holds its thread from its first step to its last, so a
 * call waiting on a hung cache holds a thread for the whole cache timeout.
 *
 * <p>Steps are compiled once into {@link Step} objects; a request's progress lives in the request
 * itself (step index, phase, call sequence), so running a request allocates nothing. Backend
 * replies and timers arrive here and are routed to the request's current step.
 */
public final class Service extends Component implements RequestSink, Backend.Reply {

  private final ModelContext ctx;
  private final ServiceSpec spec;
  private final String name;
  private final int instances;
  private final int threads;
  private final int queueCap;
  private final UniformRandomProvider balanceRng;
  private Step[] steps = new Step[0];

  private final int[] busy;
  private final Request[][] queues;
  private final int[] qHead;
  private final int[] qSize;
  private int roundRobin;
  private boolean queueFullLogged;

  private final Level busyLevel;
  private final Level queueLevel;
  private final Counter rejected;
  private final LatencyRecorder latency;

  public Service(ModelContext ctx, ServiceSpec spec) {
    this(ctx, spec, true);
  }

  /**
   * Creates the service; with {@code publish} false its metrics stay internal (a worker pool runs
   * its jobs on a service of its own and publishes worker metrics instead).
   */
  public Service(ModelContext ctx, ServiceSpec spec, boolean publish) {
    this.ctx = ctx;
    this.spec = spec;
    this.name = spec.name();
    this.instances = Math.max(1, spec.instances());
    this.threads = spec.threads();
    this.queueCap = spec.queue();
    this.balanceRng = ctx.stream(name, "balance");
    this.busy = new int[instances];
    this.queues = new Request[instances][];
    this.qHead = new int[instances];
    this.qSize = new int[instances];
    MetricRegistry m = ctx.metrics();
    busyLevel = publish ? m.level(name + ".busy_threads") : m.levelUnnamed();
    queueLevel = publish ? m.level(name + ".queue_len") : m.levelUnnamed();
    rejected = m.counter();
    if (publish) {
      m.rate(name + ".rejected_rps", rejected);
      double totalThreads = (double) instances * threads;
      m.derived(name + ".utilization", (from, to) -> busyLevel.intervalMean() / totalThreads);
      latency = m.latency(name + ".latency", "_p99");
      m.gauge(name + ".up", () -> 1.0);
    } else {
      latency = null;
    }
  }

  /** Installs the compiled steps (built once the other components exist). */
  public void setSteps(List<Step> compiled) {
    this.steps = compiled.toArray(new Step[0]);
  }

  public String name() {
    return name;
  }

  public ServiceSpec spec() {
    return spec;
  }

  /** Instances actually simulated (after scale). */
  public int instances() {
    return instances;
  }

  ModelContext ctx() {
    return ctx;
  }

  @Override
  public void accept(Request r) {
    int i = choose();
    r.instance = i;
    r.serviceStart = ctx.now();
    if (busy[i] < threads) {
      start(r);
    } else if (qSize[i] < queueCap) {
      enqueue(i, r);
    } else {
      rejected.inc();
      if (!queueFullLogged) {
        queueFullLogged = true;
        ctx.event(
            name,
            "queue_full",
            "instance queue of "
                + queueCap
                + " full; answering 503"
                + ctx.spec().unitNote(name, "instance"));
      }
      r.respond(Outcome.REJECTED);
    }
  }

  private int choose() {
    return switch (spec.balance()) {
      case RANDOM -> instances == 1 ? 0 : balanceRng.nextInt(instances);
      case ROUND_ROBIN -> {
        int i = roundRobin;
        roundRobin = (roundRobin + 1) % instances;
        yield i;
      }
      case LEAST_BUSY -> leastBusy();
    };
  }

  private int leastBusy() {
    // Ties broken from a random start so equal instances share the load.
    int start = instances == 1 ? 0 : balanceRng.nextInt(instances);
    int best = start;
    int bestLoad = Integer.MAX_VALUE;
    for (int k = 0; k < instances; k++) {
      int i = (start + k) % instances;
      int load = busy[i] + qSize[i];
      if (load < bestLoad) {
        best = i;
        bestLoad = load;
        if (load == 0) {
          break;
        }
      }
    }
    return best;
  }

  private void enqueue(int i, Request r) {
    Request[] q = queues[i];
    if (q == null || qSize[i] == q.length) {
      q = growQueue(i);
    }
    q[(qHead[i] + qSize[i]) % q.length] = r;
    qSize[i]++;
    queueLevel.add(ctx.now(), 1);
  }

  private Request[] growQueue(int i) {
    Request[] old = queues[i];
    int cap = old == null ? 16 : Math.min(Math.max(queueCap, 1), old.length * 2);
    Request[] q = new Request[Math.max(cap, 1)];
    for (int k = 0; k < qSize[i]; k++) {
      q[k] = old[(qHead[i] + k) % old.length];
    }
    queues[i] = q;
    qHead[i] = 0;
    return q;
  }

  private void start(Request r) {
    busy[r.instance]++;
    busyLevel.add(ctx.now(), 1);
    r.step = 0;
    r.phase = 0;
    next(r);
  }

  /** Runs the request's current step, or completes it after the last. */
  void next(Request r) {
    if (r.step >= steps.length) {
      finish(r, Outcome.OK);
      return;
    }
    r.phase = 0;
    steps[r.step].begin(r);
  }

  /** The current step is done: move to the next one. */
  void stepDone(Request r) {
    r.step++;
    next(r);
  }

  /** Ends the request on its thread with {@code outcome} and hands the thread to the queue. */
  void finish(Request r, Outcome outcome) {
    double now = ctx.now();
    int i = r.instance;
    busy[i]--;
    busyLevel.add(now, -1);
    if (latency != null) {
      latency.record(now - r.serviceStart);
    }
    r.step = Integer.MAX_VALUE; // late replies and timers for this request are ignored
    r.callSeq++;
    r.respond(outcome);
    if (qSize[i] > 0) {
      Request[] q = queues[i];
      Request n = q[qHead[i]];
      q[qHead[i]] = null;
      qHead[i] = (qHead[i] + 1) % q.length;
      qSize[i]--;
      queueLevel.add(now, -1);
      start(n);
    }
  }

  @Override
  public void handle(int type, int stepIndex, Object payload) {
    Request r = (Request) payload;
    if (r.step != stepIndex) {
      return; // a timer of a step the request has left
    }
    steps[stepIndex].onEvent(r, type);
  }

  @Override
  public void onReply(Request r, int seq, int result) {
    if (seq != r.callSeq || r.step >= steps.length) {
      return; // the caller stopped waiting: wasted work
    }
    steps[r.step].onReply(r, result);
  }

  /** Busy threads of instance {@code i} (tests, invariants). */
  public int busy(int i) {
    return busy[i];
  }

  /** Queued requests of instance {@code i}. */
  public int queued(int i) {
    return qSize[i];
  }

  /** Checks busy <= threads and queue <= capacity on every instance. */
  public void checkInvariants() {
    for (int i = 0; i < instances; i++) {
      if (busy[i] < 0 || busy[i] > threads) {
        throw new IllegalStateException(name + "[" + i + "] busy " + busy[i] + " of " + threads);
      }
      if (qSize[i] < 0 || qSize[i] > queueCap) {
        throw new IllegalStateException(name + "[" + i + "] queue " + qSize[i] + " > " + queueCap);
      }
      if (qSize[i] > 0 && busy[i] < threads) {
        throw new IllegalStateException(name + "[" + i + "] queued while threads idle");
      }
    }
  }
}
