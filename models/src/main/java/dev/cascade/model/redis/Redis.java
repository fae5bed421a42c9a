package dev.cascade.model.redis;

import dev.cascade.core.event.EventHandler;
import dev.cascade.core.random.Distribution;
import dev.cascade.core.stats.Counter;
import dev.cascade.core.stats.LatencyRecorder;
import dev.cascade.core.stats.Level;
import dev.cascade.core.stats.MetricRegistry;
import dev.cascade.model.ModelContext;
import dev.cascade.model.fault.FaultTarget;
import dev.cascade.model.flow.Backend;
import dev.cascade.model.flow.Op;
import dev.cascade.model.flow.OpQueue;
import dev.cascade.model.flow.Request;
import dev.cascade.model.spec.RedisSpec;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A Redis server or cluster used as a cache, in hit-ratio mode: whether a read hits is drawn from
 * the configured hit ratio, which after a data loss re-grows as {@code h (1 - exp(-t / warm_up))}
 * (a cold cache refilling). Each shard serves operations one at a time in FIFO order, as Redis's
 * single command thread does, with the configured service-time distribution.
 *
 * <p>Failure modes, as a client sees them (incident C): crashed, connections are refused after
 * {@code connect_fail}; hung, operations are accepted and never answered, so callers wait for their
 * timeout; slow, every operation takes the added latency on top. A crash loses the data unless
 * persistence keeps it; the restart policy (or the fault's duration) brings the process back.
 */
public final class Redis implements Backend, FaultTarget, EventHandler {

  private static final int DONE = 0;
  private static final int REFUSE = 1;
  private static final int RESTART = 2;

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
  private State state = State.UP;
  private double added;
  private double lossAt = Double.NEGATIVE_INFINITY;

  private final Counter ops;
  private final Counter hits;
  private final Counter gets;
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
    MetricRegistry m = ctx.metrics();
    ops = m.counter();
    hits = m.counter();
    gets = m.counter();
    m.gauge(name + ".up", () -> state == State.UP ? 1.0 : 0.0);
    m.rate(name + ".ops_rps", ops);
    m.ratio(name + ".hit_ratio", hits, gets);
    // Memory and keys are tracked by the key-level cache only; in hit-ratio mode they do not
    // apply.
    m.gauge(name + ".used_memory_bytes", () -> Double.NaN);
    m.gauge(name + ".rss_bytes", () -> Double.NaN);
    m.gauge(name + ".keys", () -> Double.NaN);
    m.rate(name + ".evicted_rps", m.counter());
    m.rate(name + ".expired_rps", m.counter());
    opLatency = m.latency(name + ".latency", "_p99");
    queueDepth = m.level(name + ".queue_depth");
  }

  @Override
  public String name() {
    return name;
  }

  /** Whether the server answers. */
  public boolean up() {
    return state == State.UP;
  }

  /** The hit ratio a read sees now (after a data loss it re-grows over {@code warm_up}). */
  public double currentHitRatio() {
    double since = ctx.now() - lossAt;
    if (!(spec.warmUp() > 0) || Double.isInfinite(since)) {
      return spec.hitRatio();
    }
    return spec.hitRatio() * -Math.expm1(-since / spec.warmUp());
  }

  @Override
  public void submit(int kind, Request r, int seq, Reply reply) {
    Op op = new Op(kind, r, seq, reply, ctx.now());
    switch (state) {
      case DOWN -> ctx.sim().after(spec.connectFail(), this, REFUSE, 0, op);
      case HUNG -> {
        // Accepted by the kernel, never answered: the caller's timeout decides.
      }
      case UP -> {
        int shard = shardOf(r);
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
    return r.key >= 0 ? (int) Long.remainderUnsigned(mix(r.key), n) : shardRng.nextInt(n);
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
  public void handle(int type, int shard, Object payload) {
    switch (type) {
      case DONE -> complete(shard, (Op) payload);
      case REFUSE -> ((Op) payload).answer(REFUSED);
      case RESTART -> restart();
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
      if (hitRng.nextDouble() < currentHitRatio()) {
        hits.inc();
      } else {
        result = MISS;
      }
    }
    Op next = queues[shard].poll();
    if (next != null) {
      queueDepth.add(ctx.now(), -1);
      serve(shard, next);
    }
    op.answer(result);
  }

  /** Drops every queued and in-service operation, answering them with {@code result} if >= 0. */
  private void dropAll(int result) {
    for (int s = 0; s < queues.length; s++) {
      Op op = inService[s];
      inService[s] = null;
      if (op != null && result >= 0) {
        ctx.sim().after(0, this, REFUSE, 0, op);
      }
      Op q;
      while ((q = queues[s].poll()) != null) {
        queueDepth.add(ctx.now(), -1);
        if (result >= 0) {
          ctx.sim().after(0, this, REFUSE, 0, q);
        }
      }
    }
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

  @Override
  public void crash(String cause) {
    if (state == State.DOWN) {
      return;
    }
    state = State.DOWN;
    ctx.event(name, "crashed", cause);
    dropAll(REFUSED); // open connections are reset
    if (spec.persistence() == RedisSpec.Persistence.NONE) {
      lossAt = Double.POSITIVE_INFINITY; // nothing cached while down
    }
    RedisSpec.RestartSpec restart = spec.restart();
    if (restart != null && restart.policy() != RedisSpec.RestartSpec.Policy.NO) {
      ctx.sim().after(restart.delay(), this, RESTART, 0, null);
    }
  }

  private void restart() {
    if (state != State.DOWN) {
      return;
    }
    comeBack("restarted", "restart policy " + spec.restart().policy().name().toLowerCase());
  }

  @Override
  public void restart(String cause) {
    if (state == State.UP) {
      return;
    }
    comeBack("restarted", cause);
  }

  private void comeBack(String event, String detail) {
    boolean wasDown = state == State.DOWN;
    state = State.UP;
    added = 0;
    ctx.event(name, event, detail);
    if (wasDown && spec.persistence() == RedisSpec.Persistence.NONE) {
      lossAt = ctx.now();
      ctx.event(name, "data_lost", "no persistence: the cache restarts empty");
    }
  }

  @Override
  public void hang() {
    if (state != State.UP) {
      return;
    }
    state = State.HUNG;
    ctx.event(name, "hung", "accepting connections, answering nothing");
    dropAll(-1);
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
    comeBack("recovered", cause);
  }

  @Override
  public void flush() {
    lossAt = ctx.now();
    ctx.event(name, "data_lost", "flushed");
  }
}
