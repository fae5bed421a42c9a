package dev.cascade.bench;

import dev.cascade.core.event.EventHandler;
import dev.cascade.core.event.EventList;
import dev.cascade.core.event.Simulation;
import dev.cascade.core.event.TimeoutQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The event list on its own.
 *
 * <ul>
 *   <li>{@code hold}: the classic hold model at a constant number of pending events: remove the
 *       earliest, add one at its time plus an exponential delay (mean: the pending count, so that
 *       about one event falls per time unit as in the reference {@code timers} workload). One
 *       operation is one poll plus one add.
 *   <li>{@code addCancel}: a timeout scheduled 100 time units ahead and cancelled at once, with the
 *       hold model's events pending around it (lazy deletion and compaction).
 *   <li>{@code timeoutQueueArmCancel}: the same through a {@link TimeoutQueue} (the engine's path
 *       for constant-delay timeouts), the clock advancing 0.01 per operation so that the queue's
 *       proxy event fires and skips the cancelled timers as in a run (about 10,000 are in the
 *       ring).
 * </ul>
 *
 * Delays come from a precomputed table so that the measurement is the list, not the sampler.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar EventList -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventListBenchmark {

  private static final int DELAYS = 1 << 16;
  private static final EventHandler NOOP = (type, arg, payload) -> {};

  @Param({"1000", "100000", "1000000"})
  int pending;

  private EventList list;
  private double[] delays;
  private int next;
  private double now;
  private Simulation sim;
  private TimeoutQueue timeouts;
  private double clock;

  @Setup(Level.Trial)
  public void setUp() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    ContinuousSampler exp = ZigguratSampler.Exponential.of(rng, pending);
    delays = new double[DELAYS];
    for (int i = 0; i < DELAYS; i++) {
      delays[i] = exp.sample();
    }
    list = new EventList(pending + 64);
    for (int i = 0; i < pending; i++) {
      list.add(delays[i & (DELAYS - 1)] * (1 + (i >>> 16)), NOOP, 0, i, null);
    }
    // Run the hold model until the pending times have the steady-state spread.
    for (int i = 0; i < 2 * pending; i++) {
      hold();
    }
    sim = new Simulation();
    timeouts = sim.timeouts(100.0);
  }

  @Benchmark
  public double hold() {
    double t = list.peekTime();
    int slot = list.pollSlot();
    list.release(slot);
    list.add(t + delays[next++ & (DELAYS - 1)], NOOP, 0, slot, null);
    now = t;
    return t;
  }

  @Benchmark
  public boolean addCancel() {
    long h = list.add(now + 100.0 + delays[next++ & (DELAYS - 1)] * 1e-9, NOOP, 1, 0, null);
    return list.cancel(h);
  }

  @Benchmark
  public void timeoutQueueArmCancel(Blackhole bh) {
    long h = timeouts.arm(NOOP, 1, 0, null);
    bh.consume(timeouts.cancel(h));
    clock += 0.01;
    bh.consume(sim.runUntil(clock));
  }
}
