package dev.cascade.bench;

import dev.cascade.core.event.EventHandler;
import dev.cascade.core.event.EventList;
import dev.cascade.core.event.Simulation;
import dev.cascade.core.event.TimeoutQueue;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * An M/M/c queue written directly on the engine, the reference workload of the event core: Poisson
 * arrivals, c exponential servers, FIFO. Optionally every customer arms a timeout at arrival that
 * its departure cancels, and optionally a population of hold-model timers fires and re-arms in the
 * background.
 */
final class QueueModel implements EventHandler {

  private static final int ARRIVAL = 0;
  private static final int DEPARTURE = 1;
  private static final int TIMEOUT = 2;
  private static final int TIMER = 3;

  private final Simulation sim;
  private final ContinuousSampler interArrival;
  private final ContinuousSampler service;
  private final ContinuousSampler timerDelay;
  private final int servers;
  private final TimeoutQueue timeout;
  private final long departuresWanted;

  // FIFO of customers in the system: arrival time and timeout handle, in a ring buffer.
  private double[] arrivedAt = new double[1 << 16];
  private long[] timeoutHandle = new long[1 << 16];
  private int head;
  private int count;
  private int busy;

  long departures;
  long timeouts;
  double sojournSum;

  QueueModel(
      long seed,
      double lambda,
      double mu,
      int servers,
      double timeout,
      int timers,
      double timerMean,
      long departuresWanted) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    this.sim = new Simulation(Math.max(1024, timers + 64));
    this.interArrival = ZigguratSampler.Exponential.of(rng, 1.0 / lambda);
    this.service = ZigguratSampler.Exponential.of(rng, 1.0 / mu);
    this.timerDelay = timers > 0 ? ZigguratSampler.Exponential.of(rng, timerMean) : null;
    this.servers = servers;
    this.timeout = timeout > 0 ? sim.timeouts(timeout) : null;
    this.departuresWanted = departuresWanted;
    for (int i = 0; i < timers; i++) {
      sim.after(timerDelay.sample(), this, TIMER, i, null);
    }
    sim.after(interArrival.sample(), this, ARRIVAL, 0, null);
  }

  /** Runs until the wanted number of departures; returns events fired. */
  long run() {
    sim.runUntil(Double.POSITIVE_INFINITY);
    return sim.eventsFired();
  }

  double meanSojourn() {
    return sojournSum / departures;
  }

  @Override
  public void handle(int type, int arg, Object payload) {
    switch (type) {
      case ARRIVAL -> arrive();
      case DEPARTURE -> depart();
      case TIMEOUT -> timeouts++;
      case TIMER -> sim.after(timerDelay.sample(), this, TIMER, arg, null);
      default -> throw new IllegalStateException("unknown event " + type);
    }
  }

  private void arrive() {
    double now = sim.now();
    if (count == arrivedAt.length) {
      grow();
    }
    int tail = (head + count) & (arrivedAt.length - 1);
    arrivedAt[tail] = now;
    timeoutHandle[tail] = timeout != null ? timeout.arm(this, TIMEOUT, 0, null) : 0;
    count++;
    if (busy < servers) {
      busy++;
      sim.after(service.sample(), this, DEPARTURE, 0, null);
    }
    sim.after(interArrival.sample(), this, ARRIVAL, 0, null);
  }

  private void depart() {
    // FIFO with identical servers: the departing customer is statistically the oldest one
    // in service; the sojourn sum of M/M/c is the same under this accounting.
    double now = sim.now();
    sojournSum += now - arrivedAt[head];
    long h = timeoutHandle[head];
    if (h != EventList.NO_EVENT) {
      timeout.cancel(h);
    }
    head = (head + 1) & (arrivedAt.length - 1);
    count--;
    departures++;
    if (departures >= departuresWanted) {
      sim.stop();
      return;
    }
    if (count >= busy) {
      sim.after(service.sample(), this, DEPARTURE, 0, null);
    } else {
      busy--;
    }
  }

  private void grow() {
    int n = arrivedAt.length;
    double[] a = new double[n * 2];
    long[] t = new long[n * 2];
    for (int i = 0; i < count; i++) {
      a[i] = arrivedAt[(head + i) & (n - 1)];
      t[i] = timeoutHandle[(head + i) & (n - 1)];
    }
    arrivedAt = a;
    timeoutHandle = t;
    head = 0;
  }
}
