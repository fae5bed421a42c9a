package dev.cascade.model.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cascade.core.random.RandomStreams;
import dev.cascade.core.random.ZipfKeys;
import dev.cascade.model.spec.RedisSpec.Eviction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;

/**
 * ORACLE: {@link KeyCache}'s {@code allkeys-lru} against a real {@code redis-server} (issue 10).
 * Both replay the same Zipf key trace ({@value #KEYS} keys, exponent {@value #ZIPF}, {@value
 * #WARMUP} requests of warm-up, {@value #MEASURED} measured) as cache aside: GET, and on a miss a
 * write of a {@value #VALUE_BYTES}-byte value, with {@code maxmemory-policy allkeys-lru} and {@code
 * maxmemory-samples 5}, for memory sizes that hold 1%, 5% and 20% of the keys. Their hit ratios
 * must agree within {@link #TOLERANCE}, and {@code allkeys-random} must be further away than {@code
 * 4 x TOLERANCE}, so that the check can tell LRU from random eviction.
 *
 * <p><b>Capacity.</b> For each size the replay keys are first written without a limit, as many as
 * KeyCache's capacity; {@code used_memory} of {@code INFO memory} then is what that many keys cost
 * (dict entries, keys, values, allocator rounding, hash-table buckets, plus the server's fixed
 * overhead), and becomes {@code maxmemory}. {@code DBSIZE} at the end of the replay checks that
 * Redis held that many keys (within 3%).
 *
 * <p><b>Clock.</b> Redis's LRU clock ticks once a second ({@code LRU_CLOCK_RESOLUTION} 1000 ms),
 * and the replay takes a few seconds, so with plain writes nearly all keys would tie and {@code
 * allkeys-lru} would evict about at random. {@link #hitRatioMatchesRedisAllkeysLru} therefore gives
 * Redis a virtual clock of one tick per request: a Lua script does the GET and then writes the key
 * with {@code RESTORE key 0 <value> [REPLACE] IDLETIME n} ({@code REPLACE} on a hit), {@code n =
 * }{@value #IDLE_BASE}{@code - i} for request {@code i}, which sets the key's LRU field to {@code
 * clock - n}. Request {@code i} so looks {@code i} seconds newer than request 0; the real clock
 * moving during the run only shifts later requests further ahead, so the order of LRU stamps, all
 * the eviction pool compares, is the order of requests. KeyCache sees the same clock: request
 * {@code i} at {@code i} s. {@link #coarseClockMatchesRedisOnItsOwnClock} runs the plain version
 * (no IDLETIME: Redis stamps keys with its own clock) against KeyCache with Redis's 1 s LRU clock
 * ({@link KeyCache#REDIS_LRU_CLOCK_RESOLUTION}), fed the wall-clock time of each pipelined batch.
 *
 * <p><b>Results</b> (redis-server 7.0.15 of Debian 12, seven runs, four on Redis's own clock; hit
 * ratios; differences in percentage points):
 *
 * <pre>
 * virtual clock  Redis            KeyCache LRU  difference      KeyCache allkeys-random
 *  1%            0.3391..0.3407   0.3411        +0.04..+0.20    0.3065
 *  5%            0.5112..0.5117   0.5123        +0.06..+0.11    0.4734
 * 20%            0.7057..0.7067   0.7068        +0.01..+0.11    0.6685
 *
 * own 1 s clock  Redis            KeyCache 1 s clock            KeyCache 1 ms clock
 *  5%            0.4660..0.4689   0.4740..0.4754 (+0.55..+0.85) 0.5122..0.5124
 * </pre>
 *
 * Redis held 990 to 1,008 keys for the 1% size (when fewer than KeyCache's 1,000, its hit ratio was
 * lower by about as much) and within 0.1% of the target for the others. {@link #TOLERANCE} is 0.6
 * points, three times the largest difference seen on the virtual clock, while random eviction is
 * 3.3 to 3.8 points away. On its own clock Redis falls to the level of random eviction, 4.3 to 4.6
 * points below LRU, and KeyCache with Redis's 1 s clock follows it to within a point ({@link
 * #OWN_CLOCK_TOLERANCE}). Rewriting the key on a hit (RESTORE REPLACE) in that mode cost Redis
 * about another point (0.4578 to 0.4612), by the bucket-order tie-break described there.
 *
 * <p><b>Server.</b> 127.0.0.1, port 6379 or {@code CASCADE_REDIS_PORT}. The test flushes the server
 * and changes its memory settings (restored afterwards), so it refuses a server that holds any key.
 * Without a server it is skipped, except on CI ({@code CI=true}), where it fails: {@code .ci/run}
 * installs and starts one.
 */
class RedisEvictionOracleIT {

  static final int KEYS = 100_000;
  static final double ZIPF = 0.9;
  static final int VALUE_BYTES = 1000;
  static final int WARMUP = 150_000;
  static final int MEASURED = 250_000;
  static final int IDLE_BASE = 8_000_000;
  static final int BATCH = 1000;
  static final long SEED = 10;

  /** Largest accepted difference of hit ratios, Redis vs KeyCache. */
  static final double TOLERANCE = 0.006;

  /**
   * Largest accepted difference of hit ratios, Redis on its own clock vs KeyCache with a 1 s LRU
   * clock. Wider than {@link #TOLERANCE}: with keys tied on whole seconds, Redis breaks ties by
   * hash-bucket order ({@code dictGetSomeKeys} returns bucket heads, where new keys go, first),
   * which KeyCache does not model.
   */
  static final double OWN_CLOCK_TOLERANCE = 0.015;

  /**
   * How far Redis's {@code LRU_CLOCK} lags the wall clock on average: it is refreshed by {@code
   * serverCron}, every 100 ms at {@code hz 10}.
   */
  static final long LRU_CLOCK_LAG_MILLIS = 50;

  private static Jedis redis;
  private static String virtualClockScript;
  private static String ownClockScript;
  private static Map<String, String> savedConfig;

  @BeforeAll
  static void connect() {
    String portText = System.getenv().getOrDefault("CASCADE_REDIS_PORT", "6379");
    int port = Integer.parseInt(portText.strip());
    String where = "redis-server at 127.0.0.1:" + port;
    try {
      redis = new Jedis("127.0.0.1", port, 5_000);
      redis.ping();
    } catch (JedisException e) {
      closeQuietly();
      unavailable(
          "no "
              + where
              + " ("
              + e.getMessage()
              + "). Start one with: redis-server --port "
              + port
              + " --bind 127.0.0.1 --save '' --appendonly no --daemonize yes"
              + " (or set CASCADE_REDIS_PORT)");
      return;
    }
    if (redis.dbSize() != 0 || redis.info("keyspace").contains("keys=")) {
      closeQuietly();
      unavailable(
          where
              + " holds data; this test flushes the server and sets maxmemory, so point"
              + " CASCADE_REDIS_PORT at a scratch server");
      return;
    }
    savedConfig = new LinkedHashMap<>();
    for (String name : List.of("maxmemory", "maxmemory-policy", "maxmemory-samples")) {
      savedConfig.putAll(redis.configGet(name));
    }
    redis.configSet("maxmemory", "0");
    redis.configSet("maxmemory-policy", "allkeys-lru");
    redis.configSet("maxmemory-samples", "5");
    String payload = luaString(valueDump());
    virtualClockScript = redis.scriptLoad(virtualClockScript(payload));
    ownClockScript = redis.scriptLoad(ownClockScript(payload));
    System.out.println(
        "RedisEvictionOracleIT: "
            + redis.info("server").lines().filter(l -> l.startsWith("redis_version")).toList());
  }

  private static void unavailable(String message) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(
          "RedisEvictionOracleIT (CI=true, so not skipped): "
              + message
              + "; .ci/run installs and starts redis-server");
    }
    Assumptions.abort("RedisEvictionOracleIT skipped: " + message);
  }

  @AfterAll
  static void restoreServer() {
    if (redis == null) {
      return;
    }
    try {
      redis.flushAll();
      if (savedConfig != null) {
        savedConfig.forEach(redis::configSet);
      }
    } finally {
      closeQuietly();
    }
  }

  private static void closeQuietly() {
    if (redis != null) {
      try {
        redis.close();
      } catch (JedisException e) {
        // nothing to do: the server went away
      }
      redis = null;
    }
  }

  @ParameterizedTest(name = "memory for {0}% of the keys")
  @ValueSource(ints = {1, 5, 20})
  void hitRatioMatchesRedisAllkeysLru(int percent) {
    int capacity = KEYS * percent / 100;
    int[] trace = trace(percent);
    Replay replay = replayThroughRedis(virtualClockScript, "v" + percent + ":", capacity, trace);
    double[] requestTimes = new double[trace.length];
    for (int i = 0; i < trace.length; i++) {
      requestTimes[i] = i;
    }
    double lru =
        replayThroughKeyCache(
            capacity,
            Eviction.ALLKEYS_LRU,
            KeyCache.DEFAULT_LRU_CLOCK_RESOLUTION,
            percent,
            trace,
            requestTimes);
    double random =
        replayThroughKeyCache(
            capacity,
            Eviction.ALLKEYS_RANDOM,
            KeyCache.DEFAULT_LRU_CLOCK_RESOLUTION,
            percent,
            trace,
            requestTimes);

    report("virtual clock", percent, capacity, replay, lru, random);
    assertThat((double) replay.keysHeld()).isCloseTo(capacity, withinPercentage(3));
    assertThat(Math.abs(lru - replay.hitRatio()))
        .as("hit ratio redis %.4f vs KeyCache %.4f", replay.hitRatio(), lru)
        .isLessThanOrEqualTo(TOLERANCE);
    assertThat(Math.abs(random - replay.hitRatio()))
        .as("the tolerance must tell LRU from random eviction")
        .isGreaterThan(4 * TOLERANCE);
  }

  /**
   * Redis on its own 1 s LRU clock against KeyCache with the same resolution, fed the time each
   * batch was sent less {@link #LRU_CLOCK_LAG_MILLIS}; KeyCache with a 1 ms clock on the same times
   * (which is near-exact LRU) is printed for comparison. One size only: the run depends on the wall
   * clock, and the point is the mechanism (ties on whole seconds), not the curve.
   */
  @Test
  void coarseClockMatchesRedisOnItsOwnClock() {
    int percent = 5;
    int capacity = KEYS * percent / 100;
    int[] trace = trace(percent);
    Replay replay = replayThroughRedis(ownClockScript, "w" + percent + ":", capacity, trace);
    double coarse =
        replayThroughKeyCache(
            capacity,
            Eviction.ALLKEYS_LRU,
            KeyCache.REDIS_LRU_CLOCK_RESOLUTION,
            percent,
            trace,
            replay.requestTimes());
    double fine =
        replayThroughKeyCache(
            capacity,
            Eviction.ALLKEYS_LRU,
            KeyCache.DEFAULT_LRU_CLOCK_RESOLUTION,
            percent,
            trace,
            replay.requestTimes());

    report("own 1 s clock", percent, capacity, replay, coarse, fine);
    assertThat((double) replay.keysHeld()).isCloseTo(capacity, withinPercentage(3));
    assertThat(Math.abs(coarse - replay.hitRatio()))
        .as("hit ratio redis %.4f vs KeyCache with a 1 s clock %.4f", replay.hitRatio(), coarse)
        .isLessThanOrEqualTo(OWN_CLOCK_TOLERANCE);
  }

  private static void report(
      String clock, int percent, int capacity, Replay replay, double cache, double other) {
    System.out.printf(
        Locale.ROOT,
        "RedisEvictionOracleIT: %s, %2d%% = %5d keys: maxmemory %d, redis held %d keys, replay"
            + " %.1f s; hit ratio redis %.4f, KeyCache %.4f (%+.4f), comparison %.4f (%+.4f)%n",
        clock,
        percent,
        capacity,
        replay.maxmemory(),
        replay.keysHeld(),
        replay.seconds(),
        replay.hitRatio(),
        cache,
        cache - replay.hitRatio(),
        other,
        other - replay.hitRatio());
  }

  private static int[] trace(int percent) {
    ZipfKeys keys =
        new ZipfKeys(new RandomStreams(SEED, percent).stream("trace", "keys"), KEYS, ZIPF);
    int[] trace = new int[WARMUP + MEASURED];
    for (int i = 0; i < trace.length; i++) {
      trace[i] = keys.next();
    }
    return trace;
  }

  private static double replayThroughKeyCache(
      int capacity,
      Eviction policy,
      double lruClockResolution,
      int percent,
      int[] trace,
      double[] requestTimes) {
    KeyCache cache =
        new KeyCache(
            KEYS,
            capacity,
            policy,
            new RandomStreams(SEED, percent).stream("redis", "eviction"),
            KeyCache.DEFAULT_SAMPLES,
            lruClockResolution);
    long hits = 0;
    for (int i = 0; i < trace.length; i++) {
      if (cache.get(trace[i], requestTimes[i])) {
        if (i >= WARMUP) {
          hits++;
        }
      } else {
        cache.put(trace[i], requestTimes[i], Double.POSITIVE_INFINITY);
      }
    }
    cache.checkInvariants();
    return (double) hits / MEASURED;
  }

  /**
   * What a replay through Redis gave.
   *
   * @param requestTimes wall-clock seconds at which each request's batch was sent, less the lag of
   *     Redis's LRU clock
   */
  record Replay(
      long maxmemory, double hitRatio, long keysHeld, double seconds, double[] requestTimes) {}

  /**
   * Sets {@code maxmemory} to what {@code capacity} keys of {@code prefix} cost, replays the trace
   * through {@code script} in pipelined batches, and flushes the server again.
   */
  private static Replay replayThroughRedis(
      String script, String prefix, int capacity, int[] trace) {
    long maxmemory = usedMemoryWith(script, prefix, capacity);
    redis.flushAll();
    redis.configSet("maxmemory", Long.toString(maxmemory));
    try {
      double[] requestTimes = new double[trace.length];
      long hits = 0;
      long start = System.nanoTime();
      for (int from = 0; from < trace.length; from += BATCH) {
        int to = Math.min(trace.length, from + BATCH);
        List<Response<Object>> replies = new ArrayList<>(to - from);
        Pipeline pipeline = redis.pipelined();
        for (int i = from; i < to; i++) {
          replies.add(
              pipeline.evalsha(
                  script, List.of(prefix + trace[i]), List.of(Integer.toString(IDLE_BASE - i))));
        }
        double sent = (System.currentTimeMillis() - LRU_CLOCK_LAG_MILLIS) / 1000.0;
        pipeline.sync();
        for (int i = from; i < to; i++) {
          requestTimes[i] = sent;
          if (i >= WARMUP && ((Long) replies.get(i - from).get()) == 1L) {
            hits++;
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Replay(maxmemory, (double) hits / MEASURED, redis.dbSize(), seconds, requestTimes);
    } finally {
      redis.configSet("maxmemory", "0");
      redis.flushAll();
    }
  }

  /**
   * {@code used_memory} once {@code keys} distinct keys are written through {@code script} without
   * a limit: the {@code maxmemory} at which Redis holds that many keys.
   */
  private static long usedMemoryWith(String script, String prefix, int keys) {
    redis.configSet("maxmemory", "0");
    redis.flushAll();
    Pipeline pipeline = redis.pipelined();
    for (int key = 0; key < keys; key++) {
      pipeline.evalsha(script, List.of(prefix + key), List.of(Integer.toString(IDLE_BASE)));
      if (key % BATCH == BATCH - 1) {
        pipeline.sync();
      }
    }
    pipeline.sync();
    long held = redis.dbSize();
    if (held != keys) {
      throw new IllegalStateException("wrote " + keys + " keys, the server holds " + held);
    }
    for (String line : redis.info("memory").split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).strip());
      }
    }
    throw new IllegalStateException("INFO memory has no used_memory");
  }

  /**
   * The cache-aside script on the virtual clock: GET the key; on a hit rewrite it ({@code RESTORE
   * ... REPLACE}), on a miss write it ({@code RESTORE}), both with {@code IDLETIME ARGV[1]}; the
   * value is {@code payload}, a DUMP of a fixed {@value #VALUE_BYTES}-byte string embedded in the
   * script so that each call sends only a key and a number. Returns 1 on a hit, 0 on a miss.
   */
  private static String virtualClockScript(String payload) {
    return "local payload = "
        + payload
        + "\n"
        + "if redis.call('GET', KEYS[1]) then\n"
        + "  redis.call('RESTORE', KEYS[1], 0, payload, 'REPLACE', 'IDLETIME', ARGV[1])\n"
        + "  return 1\n"
        + "end\n"
        + "redis.call('RESTORE', KEYS[1], 0, payload, 'IDLETIME', ARGV[1])\n"
        + "return 0\n";
  }

  /**
   * Plain cache aside on Redis's own clock: GET the key (a hit stamps it with the LRU clock), on a
   * miss write it with {@code RESTORE}, which stamps it as a SET does. A hit must not rewrite the
   * key: that would move it to the head of its hash bucket, and {@code dictGetSomeKeys} returns
   * bucket heads first, which among keys with equal LRU stamps decides which one is evicted.
   */
  private static String ownClockScript(String payload) {
    return "local payload = "
        + payload
        + "\n"
        + "if redis.call('GET', KEYS[1]) then\n"
        + "  return 1\n"
        + "end\n"
        + "redis.call('RESTORE', KEYS[1], 0, payload)\n"
        + "return 0\n";
  }

  /** DUMP of a {@value #VALUE_BYTES}-byte string of pseudo-random letters. */
  private static byte[] valueDump() {
    StringBuilder value = new StringBuilder(VALUE_BYTES);
    long x = 88_172_645_463_325_252L;
    for (int i = 0; i < VALUE_BYTES; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      value.append((char) ('a' + Math.floorMod(x, 26)));
    }
    redis.set("oracle:template", value.toString());
    byte[] payload = redis.dump("oracle:template");
    redis.del("oracle:template");
    return payload;
  }

  /** A Lua string literal of arbitrary bytes, each as a three-digit decimal escape. */
  private static String luaString(byte[] bytes) {
    StringBuilder literal = new StringBuilder(bytes.length * 4 + 2).append('"');
    for (byte b : bytes) {
      literal.append('\\').append(String.format(Locale.ROOT, "%03d", b & 0xff));
    }
    return literal.append('"').toString();
  }
}
