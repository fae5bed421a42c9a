package dev.cascade.scenario.bind;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.model.spec.ComponentSpec;
import dev.cascade.model.spec.RedisSpec;
import dev.cascade.model.spec.RedisSpec.Eviction;
import dev.cascade.model.spec.RedisSpec.GrowthSpec;
import dev.cascade.model.spec.RedisSpec.Persistence;
import dev.cascade.model.spec.RedisSpec.ReplicaSpec;
import dev.cascade.model.spec.RedisSpec.RestartSpec;

/**
 * Binds {@code kind: redis}: shards, latency, hit ratio, memory (maxmemory, eviction, container
 * limit, fragmentation, sizes, growth), persistence, restart policy, replica and refused-connection
 * time. A Redis is never scaled: it is one server whatever slice of the traffic it serves.
 */
final class RedisBinder {

  private static final long NONE = -1;

  private RedisBinder() {}

  static ComponentSpec bind(String name, MapReader r, BindContext ctx) {
    int shards = r.integer("shards", Defaults.SHARDS, 1);
    DistributionSpec latency = r.get("latency", Defaults.REDIS_LATENCY, Kind.DISTRIBUTION);
    double hitRatio = r.get("hit_ratio", Defaults.HIT_RATIO, Kind.FRACTION);
    double warmUp = r.get("warm_up", Defaults.WARM_UP, Kind.DURATION);
    long maxmemory = r.getOrNone("maxmemory", Defaults.MAXMEMORY, Kind.SIZE, NONE);
    Eviction eviction =
        r.choice(
            "eviction",
            Defaults.EVICTION,
            Eviction.values(),
            "noeviction",
            "allkeys-lru",
            "volatile-lru",
            "allkeys-random");
    long memoryLimit = r.getOrNone("memory_limit", Defaults.MEMORY_LIMIT, Kind.SIZE, NONE);
    double fragmentation = r.get("fragmentation", Defaults.FRAGMENTATION, Kind.NUMBER);
    if (fragmentation < 1) {
      r.invalid("fragmentation", "a ratio >= 1.0");
    }
    long valueSize = r.get("value_size", Defaults.VALUE_SIZE, Kind.SIZE);
    long jobSize = r.get("job_size", Defaults.JOB_SIZE, Kind.SIZE);
    GrowthSpec growth = null;
    MapReader g = r.section("growth");
    if (g != null) {
      growth =
          new GrowthSpec(
              g.get("keys", null, Kind.RATE),
              g.getOrNone("ttl", Defaults.GROWTH_TTL, Kind.DURATION, Double.POSITIVE_INFINITY),
              g.get("size", Defaults.GROWTH_SIZE, Kind.SIZE),
              g.get("initial", "0", Kind.COUNT));
    }
    Persistence persistence =
        r.choice("persistence", Defaults.PERSISTENCE, Persistence.values(), "none", "rdb", "aof");
    double rdbEvery = r.get("rdb_every", Defaults.RDB_EVERY, Kind.DURATION);
    MapReader rs = r.sectionOrEmpty("restart");
    RestartSpec restart =
        new RestartSpec(
            rs.choice(
                "policy",
                Defaults.RESTART_POLICY,
                RestartSpec.Policy.values(),
                "no",
                "always",
                "on-failure"),
            rs.get("delay", Defaults.RESTART_DELAY, Kind.DURATION));
    ReplicaSpec replica = null;
    MapReader rep = r.section("replica");
    if (rep != null) {
      replica =
          new ReplicaSpec(
              rep.get("lag", Defaults.REPLICA_LAG, Kind.DURATION),
              rep.get("detect", Defaults.REPLICA_DETECT, Kind.DURATION),
              rep.get("promote", Defaults.REPLICA_PROMOTE, Kind.DURATION));
    }
    double connectFail = r.get("connect_fail", Defaults.CONNECT_FAIL, Kind.DURATION);
    return new RedisSpec(
        name,
        shards,
        latency,
        hitRatio,
        warmUp,
        maxmemory,
        eviction,
        memoryLimit,
        fragmentation,
        valueSize,
        jobSize,
        growth,
        persistence,
        rdbEvery,
        restart,
        replica,
        connectFail);
  }
}
