package dev.cascade.bench;

import dev.cascade.core.random.ZipfKeys;
import dev.cascade.core.stats.LatencyRecorder;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.core.stats.Window;
import dev.cascade.model.breaker.CircuitBreaker;
import dev.cascade.model.gateway.TokenBucket;
import dev.cascade.model.redis.KeyCache;
import dev.cascade.model.spec.BreakerSpec;
import dev.cascade.model.spec.RedisSpec.Eviction;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-request parts of the request path besides the event list, each on its own, with the clock
 * advancing as in a run at 62.5k requests/s (16 microseconds per operation):
 *
 * <ul>
 *   <li>{@code tokenBucket}: the gateway's limiter taking a token (refill, compare, take) at a rate
 *       above its limit, so about a fifth of the calls are refused.
 *   <li>{@code breakerRateTrip}: a Resilience4j-style breaker with a 10 s time window: permission
 *       plus the recorded outcome (2% failures), the closed-state path of every cache call.
 *   <li>{@code latencyRecord}: one latency into a metric's recorder (HdrHistogram of the interval
 *       plus count, sum and max), a lognormal-like spread of values.
 *   <li>{@code zipfKey}: one key rank from a Zipf(1.0) popularity over a million keys.
 *   <li>{@code keyCacheGetOrFill}: a key-level LRU cache (Redis's sampled eviction) of 100,000 of a
 *       million Zipf keys (about 84% hits): a lookup and, on a miss, the fill with its eviction.
 * </ul>
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar HotParts -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HotPartsBenchmark {

  private static final double STEP = 1.0 / 62_500;
  private static final int VALUES = 1 << 16;
  // Enough precomputed keys that the sequence does not repeat within the cache's reach.
  private static final int KEYS = 1 << 22;

  private double now;
  private TokenBucket bucket;
  private CircuitBreaker breaker;
  private LatencyRecorder latency;
  private ZipfKeys zipf;
  private KeyCache cache;
  private double[] latencies;
  private boolean[] failures;
  private int[] keys;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    bucket = new TokenBucket(50_000, 1_000);
    breaker =
        new CircuitBreaker(
            new BreakerSpec(
                "cb",
                new BreakerSpec.RateTrip(0.5, 100, 10.0, 100, 60.0, 1.0),
                30,
                1,
                BreakerSpec.Scope.INSTANCE));
    MetricRegistry registry = new MetricRegistry(3600, 3.6e6, List.of(new Window("all", 0, 3.6e6)));
    latency = registry.latency("bench.latency");
    zipf = new ZipfKeys(RandomSource.XO_RO_SHI_RO_128_PP.create(7L), 1_000_000, 1.0);
    cache = new KeyCache(1_000_000, 100_000, Eviction.ALLKEYS_LRU, rng, KeyCache.DEFAULT_SAMPLES);
    latencies = new double[VALUES];
    failures = new boolean[VALUES];
    keys = new int[KEYS];
    ZipfKeys keySource = new ZipfKeys(RandomSource.XO_RO_SHI_RO_128_PP.create(9L), 1_000_000, 1.0);
    for (int i = 0; i < VALUES; i++) {
      latencies[i] = 0.002 * Math.exp(0.5 * rng.nextDouble() - 0.25) * (1 + rng.nextInt(4));
      failures[i] = rng.nextDouble() < 0.02;
    }
    for (int i = 0; i < KEYS; i++) {
      keys[i] = keySource.next();
    }
    for (int i = 0; i < KEYS; i++) {
      keyCacheGetOrFill();
    }
  }

  @Benchmark
  public boolean tokenBucket() {
    now += STEP;
    return bucket.tryTake(now);
  }

  @Benchmark
  public boolean breakerRateTrip() {
    now += STEP;
    boolean permitted = breaker.tryAcquire(now);
    if (permitted) {
      if (failures[next++ & (VALUES - 1)]) {
        breaker.onError(now, 0.001);
      } else {
        breaker.onSuccess(now, 0.001);
      }
    }
    return permitted;
  }

  @Benchmark
  public void latencyRecord() {
    latency.record(latencies[next++ & (VALUES - 1)]);
  }

  @Benchmark
  public int zipfKey() {
    return zipf.next();
  }

  @Benchmark
  public boolean keyCacheGetOrFill() {
    now += STEP;
    int key = keys[next++ & (KEYS - 1)];
    if (cache.get(key, now)) {
      return true;
    }
    cache.put(key, now, Double.POSITIVE_INFINITY);
    return false;
  }
}
