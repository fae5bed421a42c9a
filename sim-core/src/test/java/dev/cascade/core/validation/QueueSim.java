package dev.cascade.core.validation;

import dev.cascade.core.event.EventHandler;
import dev.cascade.core.event.Simulation;
import dev.cascade.core.random.RandomStreams;
import org.HdrHistogram.DoubleHistogram;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A G/G/c FIFO queue on the engine, for validating the engine and samplers against queueing theory:
 * Poisson arrivals, c servers, exponential or constant service. Each customer's sojourn is tracked
 * exactly (FIFO: customers start service in arrival order), the first {@code warmup} customers are
 * discarded, and the time-average number in system is integrated for Little's law.
 */
final class QueueSim implements EventHandler {

  private static final int ARRIVAL = 0;
  private static final int DEPARTURE = 1;

  final double meanSojourn;
  final double meanWait;
  final double p99Sojourn;
  final double meanInSystem;
  final double arrivalRate;

  private final Simulation sim = new Simulation();
  private final ContinuousSampler interArrival;
  private final ContinuousSampler service;
  private final double constService;
  private final int servers;
  private final long warmup;
  private final long customers;

  private double[] arrived = new double[1 << 12];
  private int head;
  private int waitingHead; // next customer to start service (index into ring, as count offset)
  private int inSystem;
  private int busy;
  private long arrivals;
  private long departures;
  private double sojournSum;
  private double waitSum;
  private final DoubleHistogram sojourns = new DoubleHistogram(3);
  private double areaStart = Double.NaN;
  private double area;
  private double lastChange;
  private long measuredArrivals;

  QueueSim(
      long seed,
      int replication,
      double lambda,
      double mu,
      int servers,
      boolean deterministicService,
      long warmup,
      long customers) {
    RandomStreams streams = new RandomStreams(seed, replication);
    UniformRandomProvider a = streams.stream("queue", "arrivals");
    UniformRandomProvider s = streams.stream("queue", "service");
    this.interArrival = ZigguratSampler.Exponential.of(a, 1 / lambda);
    this.service = deterministicService ? null : ZigguratSampler.Exponential.of(s, 1 / mu);
    this.constService = 1 / mu;
    this.servers = servers;
    this.warmup = warmup;
    this.customers = customers;
    sim.after(interArrival.sample(), this, ARRIVAL);
    sim.runUntil(Double.POSITIVE_INFINITY);
    long measured = departures - warmup;
    meanSojourn = sojournSum / measured;
    meanWait = waitSum / measured;
    p99Sojourn = sojourns.getValueAtPercentile(99);
    double span = lastChange - areaStart;
    meanInSystem = area / span;
    arrivalRate = measuredArrivals / span;
  }

  private double serviceTime() {
    return service == null ? constService : service.sample();
  }

  private void level(int delta) {
    double now = sim.now();
    if (!Double.isNaN(areaStart)) {
      area += inSystem * (now - lastChange);
    }
    lastChange = now;
    inSystem += delta;
  }

  @Override
  public void handle(int type, int arg, Object payload) {
    if (type == ARRIVAL) {
      if (arrivals == warmup) {
        areaStart = sim.now();
        lastChange = sim.now();
      }
      if (!Double.isNaN(areaStart)) {
        measuredArrivals++;
      }
      arrivals++;
      if (inSystem == arrived.length) {
        grow();
      }
      arrived[(head + inSystem) & (arrived.length - 1)] = sim.now();
      level(+1);
      if (busy < servers) {
        busy++;
        startService();
      }
      sim.after(interArrival.sample(), this, ARRIVAL);
    } else {
      // The departing customer's sojourn was recorded when it started service; free the server.
      departures++;
      level(-1);
      head = (head + 1) & (arrived.length - 1);
      waitingHead--;
      if (departures >= customers + warmup) {
        sim.stop();
        return;
      }
      if (waitingHead < inSystem) {
        startService();
      } else {
        busy--;
      }
    }
  }

  /** Starts service for the next waiting customer, recording its wait and sojourn. */
  private void startService() {
    double now = sim.now();
    double arrivedAt = arrived[(head + waitingHead) & (arrived.length - 1)];
    double s = serviceTime();
    long index = departures + waitingHead;
    waitingHead++;
    if (index >= warmup) {
      waitSum += now - arrivedAt;
      double sojourn = now - arrivedAt + s;
      sojournSum += sojourn;
      sojourns.recordValue(sojourn);
    }
    sim.after(s, this, DEPARTURE);
  }

  private void grow() {
    int n = arrived.length;
    double[] a = new double[n * 2];
    for (int i = 0; i < inSystem; i++) {
      a[i] = arrived[(head + i) & (n - 1)];
    }
    arrived = a;
    head = 0;
  }
}
