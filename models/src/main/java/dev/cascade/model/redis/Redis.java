package dev.cascade.model.redis;

import dev.cascade.core.event.Component;
import dev.cascade.core.random.Distribution;
import dev.cascade.core.stats.Counter;
import dev.cascade.core.stats.LatencyRecorder;
import dev.cascade.core.stats.Level;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.core.unit.Durations;
import dev.cascade.core.unit.Sizes;
import dev.cascade.model.ModelContext;
import dev.cascade.model.fault.FaultTarget;
import dev.cascade.model.flow.Backend;
import dev.cascade.model.flow.Op;
import dev.cascade.model.flow.OpQueue;
import dev.cascade.model.flow.Request;
import dev.cascade.model.spec.RedisSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A Redis server (or cluster of shards) used as a cache, a job broker, or both at once, in which
 * case the two uses share its capacity, memory and fate (incident A).
 *
 * <p>As a cache, in hit-ratio mode: whether a read hits is drawn from the configured hit ratio,
 * which after a data loss re-grows as {@code h (1 - exp(-t / warm_up))} (a cold cache refilling).
 * Each shard serves operations one at a time in FIFO order, as Redis's single command thread does.
 * As a broker: {@link JobQueue}s (lists) that services push to and workers pop from.
 *
 * <p>Failure modes, as a client sees them (incident C): crashed, connections are refused after
 * {@code connect_fail}; hung, operations are accepted and never answered; slow, every operation
 * takes the added latency; out of memory with noeviction, writes fail with {@code OOM command not
 * allowed} while reads work (events {@code memory_full} and {@code memory_freed}). When RSS (used
 * memory x fragmentation) crosses the container limit the process is OOM-killed (exit 137). What
 * survives a restart follows {@code persistence}: none loses everything, RDB keeps what the last
 * snapshot had, AOF keeps all. A replica takes over at crash + max(detect, lag) + promote, keeping
 * the data it had synced (growth keys included; nothing while it has not completed a first sync,
 * which takes one lag). Named keyspaces of the cache_aside steps reading it get disjoint key ranks.
 * There is one replica: once promoted, a second failure has no failover until the server is
 * restarted and the old node rejoins.
 */
public final class Redis extends Component implements Backend, FaultTarget {

  /** Operation kind: push a job to a queue (LPUSH). */
  public static final int ENQUEUE = 10;

  private static final int DONE = 0;
  private static final int REFUSE = 1;
  private static final int RESTART = 2;
  private static final int MEMORY_TICK = 3;
  private static final int SNAPSHOT = 4;
  private static final int FAILOVER_STARTED = 5;
  private static final int PROMOTED = 6;
  private static final int REPLICA_SYNC = 7;

  private static final double MEMORY_TICK_SECONDS = 0.1;

  private enum State {
    UP,
    DOWN,
    HUNG
  }

  private final ModelContext ctx;
  private final RedisSpec spec;
  private final String name;
  private final Distribution latency;
  private final UniformRandomProvider hitRng;
  private final UniformRandomProvider shardRng;
  private final OpQueue[] queues;
  private final Op[] inService;
  private final RedisMemory memory;
  // Refused connections all take connect_fail: a FIFO timer queue, not one heap entry each.
  private final dev.cascade.core.event.TimeoutQueue refusals;
  private final Map<String, JobQueue> jobQueues = new LinkedHashMap<>();
  private KeyCache keys; // null in hit-ratio mode
  private KeyCache.Snapshot rdbKeys;
  private KeyCache.Snapshot replicaKeys;
  private double replicaSyncedAt = Double.NaN; // NaN: the replica has not completed a sync yet
  private double replicaGrowthKeys;
  private final Map<String, Integer> keyspaces = new LinkedHashMap<>();
  private int keyBlock; // keys per keyspace in the key-level cache
  private long lastEvictions;
  private long lastExpirations;
  private JobQueue[] jobQueueArray = new JobQueue[0];
  private State state = State.UP;
  private double added;
  private double lossAt = Double.NEGATIVE_INFINITY;
  private double downSince = Double.NaN;
  private double lastSnapshot = 0;
  private double snapshotGrowthKeys;
  private double lastTick;
  private int outage; // bumps on each crash, so stale restart/failover events are ignored
  private boolean replicaReady = true; // one replica: used up by a promotion until a restart

  private final Counter ops;
  private final Counter hits;
  private final Counter gets;
  private final Counter evicted;
  private final Counter expired;
  private final Level queueDepth;
  private final LatencyRecorder opLatency;

  public Redis(ModelContext ctx, RedisSpec spec) {
    this.ctx = ctx;
    this.spec = spec;
    this.name = spec.name();
    this.latency = spec.latency().bind(ctx.stream(name, "latency"));
    this.hitRng = ctx.stream(name, "hits");
    this.shardRng = ctx.stream(name, "shards");
    int shards = Math.max(1, spec.shards());
    this.queues = new OpQueue[shards];
    for (int i = 0; i < shards; i++) {
      queues[i] = new OpQueue();
    }
    this.inService = new Op[shards];
    this.memory = new RedisMemory(spec);
    this.refusals = ctx.sim().timeouts(spec.connectFail());
    MetricRegistry m = ctx.metrics();
    ops = m.counter();
    hits = m.counter();
    gets = m.counter();
    evicted = m.counter();
    m.gauge(name + ".up", () -> state == State.UP ? 1.0 : 0.0);
    m.rate(name + ".ops_rps", ops);
    m.ratio(name + ".hit_ratio", hits, gets);
    m.gauge(name + ".used_memory_bytes", () -> memory.used(otherBytes()));
    m.gauge(name + ".rss_bytes", () -> memory.rss(otherBytes()));
    // Keys the server holds that the model counts: growth keys (cached keys are counted only by
    // the key-level cache).
    m.gauge(name + ".keys", () -> memory.growthKeys() + (keys == null ? 0 : keys.size()));
    m.rate(name + ".evicted_rps", evicted);
    expired = m.counter();
    m.rate(name + ".expired_rps", expired);
    opLatency = m.latency(name + ".latency", "_p99");
    queueDepth = m.level(name + ".queue_depth");
  }

  @Override
  public String name() {
    return name;
  }

  public RedisSpec spec() {
    return spec;
  }

  /**
   * Switches the cache to key-level mode over {@code keySpace} keys: which keys are resident and
   * when they expire is tracked (Redis's sampled LRU at {@code maxmemory}), and hits follow from
   * that instead of the configured hit ratio. Called by the model when the workload has keys.
   */
  public void enableKeys(int keySpace) {
    if (keys == null) {
      keyBlock = keySpace;
      long ranks = (long) keySpace * Math.max(1, keyspaces.size());
      keys =
          new KeyCache(
              (int) Math.min(Integer.MAX_VALUE - 8, ranks),
              capacityKeys(),
              spec.eviction(),
              ctx.stream(name, "keys"),
              KeyCache.DEFAULT_SAMPLES,
              KeyCache.REDIS_LRU_CLOCK_RESOLUTION);
    }
  }

  /**
   * Declares a named keyspace ({@code cache_aside.keyspace}; null or "" for the default one),
   * before {@link #enableKeys}: each keyspace gets its own block of key ranks, so that rank k of
   * one keyspace (session k) and rank k of another (feed k) are different keys of the same server.
   */
  public void addKeyspace(String keyspace) {
    keyspaces.putIfAbsent(keyspace == null ? "" : keyspace, keyspaces.size());
  }

  /** The rank offset of {@code keyspace}'s block (0 in hit-ratio mode or for an unknown name). */
  public int keyOffset(String keyspace) {
    Integer i = keyspaces.get(keyspace == null ? "" : keyspace);
    return keys == null || i == null ? 0 : i * keyBlock;
  }

  /**
   * When key {@code key} of {@code r}'s key space expires (seconds; infinity = no TTL, NaN = not
   * resident or hit-ratio mode).
   */
  public double expiresAt(Request r) {
    return expiresAt(r, 0);
  }

  /** {@link #expiresAt(Request)} for the keyspace at rank offset {@code offset}. */
  public double expiresAt(Request r, int offset) {
    if (keys == null || r.key < 0 || !keys.contains(keyOf(r, offset))) {
      return Double.NaN;
    }
    return keys.expiresAt(keyOf(r, offset));
  }

  /** Whether hits come from the key-level cache. */
  public boolean keyLevel() {
    return keys != null;
  }

  private long capacityKeys() {
    if (spec.maxmemory() <= 0) {
      return -1;
    }
    // Under allkeys-lru / allkeys-random the growth keys (written once, never read: the coldest)
    // are evicted to make room for cached keys, so they do not count against the cache's room.
    double room =
        spec.maxmemory() - (memory.evictsGrowth() ? otherBytes() : memory.used(otherBytes()));
    return Math.max(0, (long) (room / Math.max(1, spec.valueSize())));
  }

  /** Starts the memory model and RDB snapshots. */
  public void start() {
    if ((keys != null || spec.growth() != null)
        && spec.replica() != null
        && spec.replica().lag() > 0) {
      ctx.sim().after(spec.replica().lag(), this, REPLICA_SYNC);
    }
    if (keys != null || spec.growth() != null || spec.memoryLimit() > 0 || spec.maxmemory() > 0) {
      ctx.sim().after(MEMORY_TICK_SECONDS, this, MEMORY_TICK);
    }
    if (spec.persistence() == RedisSpec.Persistence.RDB && spec.rdbEvery() > 0) {
      ctx.sim().after(spec.rdbEvery(), this, SNAPSHOT);
    }
  }

  /** Whether the server answers. */
  public boolean up() {
    return state == State.UP;
  }

  /** The job queue {@code queueName}, created on first use. */
  public JobQueue jobQueue(String queueName) {
    JobQueue q = jobQueues.get(queueName);
    if (q == null) {
      q = new JobQueue(queueName, ctx.metrics().counter());
      jobQueues.put(queueName, q);
      jobQueueArray = jobQueues.values().toArray(new JobQueue[0]);
    }
    return q;
  }

  /** Pops the oldest job of {@code q}; valid only while up and the queue is not empty. */
  public double pop(JobQueue q) {
    if (state != State.UP || q.size() == 0) {
      throw new IllegalStateException(name + ": pop from " + q.name() + " while " + state);
    }
    return q.pop();
  }

  /** The hit ratio a read sees now (after a data loss it re-grows over {@code warm_up}). */
  public double currentHitRatio() {
    double since = ctx.now() - lossAt; // +infinity when no data was ever lost
    if (!(spec.warmUp() > 0) || Double.isInfinite(since)) {
      return spec.hitRatio();
    }
    return spec.hitRatio() * -Math.expm1(-since / spec.warmUp());
  }

  /** Bytes other than growth keys: cached keys and queued jobs. */
  private double otherBytes() {
    long jobs = 0;
    for (JobQueue q : jobQueueArray) {
      jobs += q.size();
    }
    double cached = keys == null ? 0 : (double) keys.size() * spec.valueSize();
    return cached + (double) jobs * spec.jobSize();
  }

  /** Writes a filled key with its TTL (seconds; infinity = no expiry). */
  public void fill(Request r, int seq, Reply reply, double ttl) {
    fill(r, 0, seq, reply, ttl);
  }

  /** {@link #fill(Request, int, Reply, double)} for the keyspace at rank offset {@code offset}. */
  public void fill(Request r, int offset, int seq, Reply reply, double ttl) {
    Op op = new Op(SET, r, seq, reply, ctx.now());
    op.ttl = ttl;
    op.keyOffset = offset;
    submitOp(op);
  }

  @Override
  public void submit(int kind, Request r, int seq, Reply reply) {
    submitOp(new Op(kind, r, seq, reply, ctx.now()));
  }

  /** A read of {@code r}'s key in the keyspace at rank offset {@code offset}. */
  public void get(Request r, int offset, int seq, Reply reply) {
    Op op = new Op(GET, r, seq, reply, ctx.now());
    op.keyOffset = offset;
    submitOp(op);
  }

  /** Pushes a job to {@code q} (served in turn like any command). */
  public void enqueue(JobQueue q, Request r, int seq, Reply reply) {
    Op op = new Op(ENQUEUE, r, seq, reply, ctx.now());
    op.queue = indexOf(q);
    submitOp(op);
  }

  private int indexOf(JobQueue q) {
    for (int i = 0; i < jobQueueArray.length; i++) {
      if (jobQueueArray[i] == q) {
        return i;
      }
    }
    throw new IllegalArgumentException("queue " + q.name() + " is not on " + name);
  }

  private void submitOp(Op op) {
    switch (state) {
      case DOWN -> refusals.arm(this, REFUSE, 0, op);
      case HUNG -> {
        // Accepted by the kernel, never answered: the caller's timeout decides.
      }
      case UP -> {
        int shard = shardOf(op.request);
        op.node = shard;
        if (inService[shard] == null) {
          serve(shard, op);
        } else {
          queues[shard].add(op);
          queueDepth.add(ctx.now(), 1);
        }
      }
    }
  }

  private int shardOf(Request r) {
    int n = queues.length;
    if (n == 1) {
      return 0;
    }
    return r != null && r.key >= 0
        ? (int) Long.remainderUnsigned(mix(r.key), n)
        : shardRng.nextInt(n);
  }

  private int keyOf(Request r, int offset) {
    return (int) Math.min(r.key, keyBlock - 1) + offset;
  }

  private static long mix(long k) {
    k = (k ^ (k >>> 33)) * 0xff51afd7ed558ccdL;
    return k ^ (k >>> 33);
  }

  private void serve(int shard, Op op) {
    inService[shard] = op;
    ctx.sim().after(latency.sample() + added, this, DONE, shard, op);
  }

  @Override
  public void handle(int type, int arg, Object payload) {
    switch (type) {
      case DONE -> complete(arg, (Op) payload);
      case REFUSE -> ((Op) payload).answer(REFUSED);
      case RESTART -> {
        if (arg == outage && state == State.DOWN) {
          comeBack("restarted", "restart policy " + spec.restart().policy().name().toLowerCase());
        }
      }
      case MEMORY_TICK -> memoryTick();
      case SNAPSHOT -> {
        if (state == State.UP) {
          lastSnapshot = ctx.now();
          snapshotGrowthKeys = memory.growthKeys();
          if (keys != null) {
            rdbKeys = keys.snapshot();
          }
        }
        ctx.sim().after(spec.rdbEvery(), this, SNAPSHOT);
      }
      case REPLICA_SYNC -> {
        // The replica's data, as of one lag ago: what a promotion would keep.
        if (state == State.UP) {
          replicaKeys = keys == null ? null : keys.snapshot();
          replicaGrowthKeys = memory.growthKeys();
          replicaSyncedAt = ctx.now();
        }
        ctx.sim().after(spec.replica().lag(), this, REPLICA_SYNC);
      }
      case FAILOVER_STARTED -> {
        if (arg == outage && state != State.UP) {
          ctx.event(name, "failover_started", "replica promotion begins");
          ctx.sim().after(spec.replica().promote(), this, PROMOTED, arg, null);
        }
      }
      case PROMOTED -> {
        if (arg == outage && state != State.UP) {
          promote();
        }
      }
      default -> throw new IllegalStateException("event " + type);
    }
  }

  private void complete(int shard, Op op) {
    if (inService[shard] != op) {
      return; // answered already when the server crashed
    }
    inService[shard] = null;
    ops.inc();
    opLatency.record(ctx.now() - op.submitted);
    int result = OK;
    if (op.kind == GET) {
      gets.inc();
      boolean hit =
          keys != null && op.request.key >= 0
              ? keys.get(keyOf(op.request, op.keyOffset), ctx.now())
              : hitRng.nextDouble() < currentHitRatio();
      if (hit) {
        hits.inc();
      } else {
        result = MISS;
      }
    } else if (op.kind == SET) {
      if (keys != null && op.request.key >= 0) {
        int stored = keys.put(keyOf(op.request, op.keyOffset), ctx.now(), op.ttl);
        if (stored == KeyCache.REJECTED_OOM) {
          result = OOM;
        } else if (stored > 0) {
          evicted.add(stored);
        }
      } else {
        result = memory.rejectsWrites() ? OOM : OK;
      }
    } else if (op.kind == ENQUEUE) {
      if (memory.rejectsWrites()) {
        result = OOM;
      } else {
        JobQueue q = jobQueueArray[op.queue];
        q.push(op.submitted);
        if (q.consumer() != null) {
          q.consumer().jobsAvailable();
        }
      }
    }
    Op next = queues[shard].poll();
    if (next != null) {
      queueDepth.add(ctx.now(), -1);
      serve(shard, next);
    }
    op.answer(result);
  }

  private void memoryTick() {
    double now = ctx.now();
    double dt = now - lastTick;
    lastTick = now;
    if (state == State.UP) {
      if (keys != null) {
        keys.activeExpire(now);
        long room = capacityKeys();
        keys.setCapacity(room < 0 ? -1 : room + keys.size());
        keys.evictExcess(now);
        expired.add(keys.expirations() - lastExpirations);
        lastExpirations = keys.expirations();
        evicted.add(keys.evictions() - lastEvictions);
        lastEvictions = keys.evictions();
      }
      double other = otherBytes();
      boolean wasFull = memory.rejectsWrites();
      double e = memory.advance(dt, other);
      if (e >= 1) {
        evicted.add((long) e);
      }
      if (memory.rejectsWrites() != wasFull) {
        ctx.event(
            name,
            wasFull ? "memory_freed" : "memory_full",
            wasFull
                ? "used_memory below maxmemory again: writes accepted"
                : "used_memory reached maxmemory "
                    + Sizes.format(spec.maxmemory())
                    + " with noeviction: writes fail (OOM command not allowed), reads work");
      }
      if (memory.overLimit(other)) {
        ctx.event(
            name,
            "oom_killed",
            "RSS "
                + Sizes.format((long) memory.rss(other))
                + " over the container limit of "
                + Sizes.format(spec.memoryLimit())
                + " (exit 137)"
                + heldKeys());
        goDown("OOM-killed");
      }
    }
    ctx.sim().after(MEMORY_TICK_SECONDS, this, MEMORY_TICK);
  }

  /** The cached keys held now, per named keyspace: what a crash without persistence loses. */
  private String heldKeys() {
    if (keys == null) {
      return "";
    }
    StringBuilder s = new StringBuilder("; cached keys held: ").append(keys.size());
    if (keyspaces.size() > 1) {
      s.append(" (");
      String sep = "";
      for (Map.Entry<String, Integer> e : keyspaces.entrySet()) {
        int from = e.getValue() * keyBlock;
        s.append(sep)
            .append(e.getKey().isEmpty() ? "default" : e.getKey())
            .append(' ')
            .append(keys.countInRange(from, from + keyBlock));
        sep = ", ";
      }
      s.append(')');
    }
    return s.toString();
  }

  /** Drops every queued and in-service operation, refusing them when {@code refuse}. */
  private void dropAll(boolean refuse) {
    for (int s = 0; s < queues.length; s++) {
      Op op = inService[s];
      inService[s] = null;
      if (op != null && refuse) {
        ctx.sim().after(0, this, REFUSE, 0, op);
      }
      Op q;
      while ((q = queues[s].poll()) != null) {
        queueDepth.add(ctx.now(), -1);
        if (refuse) {
          ctx.sim().after(0, this, REFUSE, 0, q);
        }
      }
    }
  }

  @Override
  public void crash(String cause) {
    if (state == State.DOWN) {
      return;
    }
    ctx.event(name, "crashed", cause);
    goDown(cause);
  }

  private void goDown(String cause) {
    boolean wasUp = state == State.UP;
    state = State.DOWN;
    outage++;
    downSince = ctx.now();
    dropAll(true); // open connections are reset
    if (wasUp) {
      notifyConsumersLost();
    }
    RedisSpec.RestartSpec restart = spec.restart();
    if (restart != null && restart.policy() != RedisSpec.RestartSpec.Policy.NO) {
      ctx.sim().after(restart.delay(), this, RESTART, outage, null);
    }
    RedisSpec.ReplicaSpec replica = spec.replica();
    if (replica != null && replicaReady) {
      ctx.sim()
          .after(Math.max(replica.detect(), replica.lag()), this, FAILOVER_STARTED, outage, null);
    }
  }

  private void notifyConsumersLost() {
    for (JobQueue q : jobQueueArray) {
      if (q.consumer() != null) {
        q.consumer().brokerLost();
      }
    }
  }

  /** The process restarts: what survives depends on persistence. */
  private void comeBack(String event, String detail) {
    boolean wasDown = state == State.DOWN;
    state = State.UP;
    replicaReady = true; // the restarted node rejoins as the replica
    added = 0;
    ctx.event(name, event, detail);
    if (wasDown && spec.persistence() != RedisSpec.Persistence.NONE) {
      memory.setCompact(true); // the dataset is loaded from RDB/AOF into a fresh, compact heap
    }
    if (wasDown) {
      switch (spec.persistence()) {
        case NONE -> loseData(Double.NEGATIVE_INFINITY, 0, null, "no persistence");
        case RDB ->
            loseData(
                lastSnapshot, snapshotGrowthKeys, rdbKeys, "RDB snapshot of " + time(lastSnapshot));
        case AOF -> {
          // the append-only file replays every write
        }
      }
    }
    lastTick = ctx.now();
    announceJobs();
  }

  private void promote() {
    state = State.UP;
    // The replica is now the primary: a second failure finds no replica to promote until the
    // server is restarted (by its restart policy or a remediation) and the old node rejoins.
    replicaReady = false;
    added = 0;
    double syncedUntil = downSince - spec.replica().lag();
    ctx.event(name, "promoted", "replica promoted; it had data up to " + time(syncedUntil));
    // The promoted replica is another process that loaded its data compactly (a full sync).
    memory.setCompact(true);
    boolean synced = !Double.isNaN(replicaSyncedAt);
    if (spec.replica().lag() > 0) {
      // It has the growth keys it had synced: none while it was still loading its first sync.
      memory.setGrowthKeys(synced ? replicaGrowthKeys : 0);
    }
    if (keys != null && spec.replica().lag() > 0) {
      if (replicaKeys == null) {
        keys.clear();
      } else {
        keys.restore(replicaKeys, ctx.now());
      }
      ctx.event(
          name,
          "data_lost",
          (synced
                  ? "the replica had keys as of " + time(replicaSyncedAt)
                  : "the replica had not completed a sync")
              + ": "
              + keys.size()
              + " keys kept");
    }
    if (spec.replica().lag() > 0) {
      int lost = 0;
      for (JobQueue q : jobQueueArray) {
        lost += q.loseAfter(syncedUntil);
      }
      if (lost > 0) {
        ctx.event(name, "data_lost", lost + " queued jobs not yet replicated");
      }
    }
    lastTick = ctx.now();
    announceJobs();
  }

  private void loseData(
      double keptUntil, double growthKept, KeyCache.Snapshot keysKept, String why) {
    int lost = 0;
    for (JobQueue q : jobQueueArray) {
      lost += q.loseAfter(keptUntil);
    }
    memory.setGrowthKeys(growthKept);
    if (keys != null) {
      if (keysKept == null) {
        keys.clear();
      } else {
        keys.restore(keysKept, ctx.now());
      }
    }
    if (Double.isInfinite(keptUntil)) {
      lossAt = ctx.now();
    }
    ctx.event(
        name,
        "data_lost",
        why
            + ": "
            + (Double.isInfinite(keptUntil) ? "the cache restarts empty" : "later writes lost")
            + (lost > 0 ? ", " + lost + " queued jobs lost" : ""));
  }

  private void announceJobs() {
    for (JobQueue q : jobQueueArray) {
      if (q.consumer() != null && q.size() > 0) {
        q.consumer().jobsAvailable();
      }
    }
  }

  private String time(double t) {
    // Rounded to the millisecond: sums of 0.1 s memory ticks are not exact in binary.
    return Double.isInfinite(t)
        ? "never"
        : "t=" + Durations.format(Math.round(Math.max(0, t) * 1000) / 1000.0);
  }

  @Override
  public void restart(String cause) {
    if (state == State.UP) {
      return;
    }
    comeBack("restarted", cause);
  }

  @Override
  public void hang() {
    if (state != State.UP) {
      return;
    }
    state = State.HUNG;
    outage++;
    ctx.event(name, "hung", "accepting connections, answering nothing");
    dropAll(false);
    notifyConsumersLost();
  }

  @Override
  public void slow(double addedSeconds) {
    this.added = addedSeconds;
  }

  @Override
  public void recover(String cause) {
    if (state == State.UP) {
      added = 0;
      return;
    }
    if (state == State.HUNG) {
      state = State.UP;
      ctx.event(name, "recovered", cause);
      lastTick = ctx.now();
      announceJobs();
      return;
    }
    comeBack("recovered", cause);
  }

  @Override
  public void flush() {
    lossAt = ctx.now();
    memory.setGrowthKeys(0);
    if (keys != null) {
      keys.clear();
    }
    int lost = 0;
    for (JobQueue q : jobQueueArray) {
      lost += q.loseAfter(Double.NEGATIVE_INFINITY);
    }
    ctx.event(name, "data_lost", "flushed" + (lost > 0 ? ", " + lost + " queued jobs lost" : ""));
  }

  /** Checks: nothing queued behind an idle shard, nothing held while not up. */
  public void checkInvariants() {
    for (int s = 0; s < queues.length; s++) {
      if (inService[s] == null && !queues[s].isEmpty()) {
        throw new IllegalStateException(name + " shard " + s + " idle with a queue");
      }
      if (state != State.UP && (inService[s] != null || !queues[s].isEmpty())) {
        throw new IllegalStateException(name + " shard " + s + " holds work while " + state);
      }
    }
  }
}
