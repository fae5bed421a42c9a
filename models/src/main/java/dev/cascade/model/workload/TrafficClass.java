package dev.cascade.model.workload;

import dev.cascade.core.event.Component;
import dev.cascade.core.event.Simulation;
import dev.cascade.core.event.TimeoutQueue;
import dev.cascade.core.random.ZipfKeys;
import dev.cascade.core.stats.Counter;
import dev.cascade.core.stats.LatencyRecorder;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.model.ModelContext;
import dev.cascade.model.fault.FaultTarget;
import dev.cascade.model.flow.Request;
import dev.cascade.model.flow.RequestSink;
import dev.cascade.model.spec.BackoffSpec;
import dev.cascade.model.spec.ClientSpec;
import dev.cascade.model.spec.Outcome;
import dev.cascade.model.spec.WorkloadSpec;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * One workload class: an open-loop source of requests and the clients that send them.
 *
 * <p>Arrivals are Poisson (or evenly spaced) at the profile's rate, times the spike factor; a
 * non-constant profile is sampled by thinning (Lewis and Shedler 1979). Every attempt ends in
 * exactly one outcome: ok, 503, error, or timeout when the client's end-to-end timer fires first (a
 * response after that is wasted work). Failed attempts whose outcome is in {@code retry_on} are
 * re-sent after exponential backoff with jitter, up to {@code retries} times and within the retry
 * budget. Latency is measured from each attempt's intended start, so queueing anywhere shows up (no
 * coordinated omission).
 */
public final class TrafficClass extends Component implements Request.Client, FaultTarget {

  private static final int ARRIVAL = 0;
  private static final int CLIENT_TIMEOUT = 1;
  private static final int RETRY = 2;

  private final String name;
  private final ModelContext ctx;
  private final Simulation sim;
  private final WorkloadSpec spec;
  private final ClientSpec client;
  private final RateProfile profile;
  private final UniformRandomProvider arrivalRng;
  private final ContinuousSampler unitExp;
  private final UniformRandomProvider retryRng;
  private final ZipfKeys keys;
  private final TimeoutQueue timeouts;
  private final RetryBudget budget;
  private final boolean[] retryOn = new boolean[Outcome.values().length];
  private RequestSink entry;
  private double factor = 1.0;

  private final Counter offered;
  private final Counter retries;
  private final Counter ok;
  private final Counter rejected;
  private final Counter errors;
  private final Counter timedOut;
  private final LatencyRecorder latency;

  /** Creates the class; {@link #connect} and {@link #start} before running. */
  public TrafficClass(ModelContext ctx, WorkloadSpec spec) {
    this.name = spec.name();
    this.ctx = ctx;
    this.sim = ctx.sim();
    this.spec = spec;
    this.client = spec.client();
    this.profile = new RateProfile(spec.rate(), spec.profile());
    this.arrivalRng = ctx.stream(name, "arrivals");
    this.unitExp = ZigguratSampler.Exponential.of(arrivalRng, 1.0);
    this.retryRng = ctx.stream(name, "retries");
    this.keys =
        spec.keys() == null
            ? null
            : new ZipfKeys(
                ctx.stream(name, "keys"),
                (int) Math.min(Integer.MAX_VALUE, spec.keys().space()),
                spec.keys().zipf());
    this.timeouts = Double.isFinite(client.timeout()) ? sim.timeouts(client.timeout()) : null;
    this.budget = Double.isNaN(client.budget()) ? null : new RetryBudget(client.budget());
    for (Outcome o : client.retryOn()) {
      retryOn[o.ordinal()] = true;
    }
    MetricRegistry m = ctx.metrics();
    offered = m.counter();
    retries = m.counter();
    ok = m.counter();
    rejected = m.counter();
    errors = m.counter();
    timedOut = m.counter();
    m.rate(name + ".offered_rps", offered);
    m.rate(name + ".retry_rps", retries);
    m.rate(name + ".ok_rps", ok);
    m.ratio(name + ".rate_503", rejected, offered);
    m.ratio(name + ".error_rate", errors, offered);
    m.ratio(name + ".timeout_rate", timedOut, offered);
    latency = m.latency(name + ".latency");
  }

  /** The class name. */
  @Override
  public String name() {
    return name;
  }

  /** Where requests enter the system. */
  public void connect(RequestSink sink) {
    this.entry = sink;
  }

  /** Schedules the first arrival. */
  public void start() {
    scheduleNextArrival();
  }

  /** Multiplies the arrival rate (traffic spike); 1 restores it. */
  @Override
  public void spike(double f) {
    this.factor = f;
  }

  private void scheduleNextArrival() {
    double now = sim.now();
    double max = profile.maxRate() * factor;
    if (!(max > 0)) {
      return;
    }
    if (profile.constant()) {
      double gap =
          spec.arrivals() == WorkloadSpec.Arrivals.UNIFORM ? 1.0 / max : unitExp.sample() / max;
      sim.after(gap, this, ARRIVAL, 0, null);
      return;
    }
    // Thinning: candidates at the maximum rate, each kept with probability rate(t)/max.
    double t = now;
    while (t < ctx.spec().horizon()) {
      t += spec.arrivals() == WorkloadSpec.Arrivals.UNIFORM ? 1.0 / max : unitExp.sample() / max;
      if (arrivalRng.nextDouble() * max <= profile.rateAt(t) * factor) {
        sim.schedule(t, this, ARRIVAL, 0, null);
        return;
      }
    }
  }

  @Override
  public void handle(int type, int arg, Object payload) {
    switch (type) {
      case ARRIVAL -> {
        scheduleNextArrival();
        long key = keys == null ? -1 : keys.next();
        if (budget != null) {
          budget.onFirstTry();
        }
        send(new Request(this, sim.now(), 0, key, null));
      }
      case CLIENT_TIMEOUT -> {
        Request r = (Request) payload;
        if (!r.finished() && !r.clientGone()) {
          r.abandon();
          timedOut.inc();
          maybeRetry(r, Outcome.TIMEOUT);
        }
      }
      case RETRY -> {
        Request prev = (Request) payload;
        send(new Request(this, sim.now(), prev.attempt + 1, prev.key, prev.origin));
      }
      default -> throw new IllegalStateException("unknown event " + type);
    }
  }

  private void send(Request r) {
    offered.inc();
    if (r.attempt > 0) {
      retries.inc();
    }
    if (timeouts != null) {
      r.clientTimer = timeouts.arm(this, CLIENT_TIMEOUT, 0, r);
    }
    entry.accept(r);
  }

  @Override
  public void onResponse(Request r, Outcome outcome) {
    if (r.clientGone()) {
      return; // the client already counted a timeout; this response is wasted work
    }
    if (timeouts != null) {
      timeouts.cancel(r.clientTimer);
    }
    switch (outcome) {
      case OK -> {
        ok.inc();
        latency.record(sim.now() - r.start);
        if (budget != null) {
          budget.onSuccess();
        }
      }
      case REJECTED -> rejected.inc();
      case ERROR -> errors.inc();
      case TIMEOUT -> timedOut.inc();
    }
    r.abandon();
    if (outcome != Outcome.OK) {
      maybeRetry(r, outcome);
    }
  }

  private void maybeRetry(Request r, Outcome outcome) {
    if (!retryOn[outcome.ordinal()] || r.attempt >= client.retries()) {
      return;
    }
    if (budget != null && !budget.tryRetry()) {
      return;
    }
    sim.after(backoff(r.attempt), this, RETRY, 0, r);
  }

  private double backoff(int attempt) {
    BackoffSpec b = client.backoff();
    double cap = Math.min(b.max(), b.base() * Math.pow(2, attempt));
    return switch (b.jitter()) {
      case FULL -> retryRng.nextDouble() * cap;
      case EQUAL -> cap / 2 + retryRng.nextDouble() * cap / 2;
      case NONE -> cap;
    };
  }
}
