package dev.cascade.model.spec;

import dev.cascade.core.random.DistributionSpec;

/**
 * A Redis server (or cluster of {@code shards}), used as a cache, a broker, or both.
 *
 * @param hitRatio used only without workload keys; after data loss it re-grows over {@code warmUp}
 * @param maxmemory bytes, or -1 for none
 * @param memoryLimit container limit in bytes (RSS above it is an OOM kill), or -1 for none
 * @param growth keys written by others, or null
 * @param replica failover configuration, or null
 */
public record RedisSpec(
    String name,
    int shards,
    DistributionSpec latency,
    double hitRatio,
    double warmUp,
    long maxmemory,
    Eviction eviction,
    long memoryLimit,
    double fragmentation,
    long valueSize,
    long jobSize,
    GrowthSpec growth,
    Persistence persistence,
    double rdbEvery,
    RestartSpec restart,
    ReplicaSpec replica,
    double connectFail)
    implements ComponentSpec {

  @Override
  public ComponentKind kind() {
    return ComponentKind.REDIS;
  }

  /** Eviction policy once {@code maxmemory} is reached. */
  public enum Eviction {
    NOEVICTION,
    ALLKEYS_LRU,
    VOLATILE_LRU,
    ALLKEYS_RANDOM
  }

  /** What survives a restart. */
  public enum Persistence {
    NONE,
    RDB,
    AOF
  }

  /**
   * Keys written by other clients: {@code keysPerSecond} of {@code size} bytes, TTL or infinity;
   * {@code initial} of them already written when the run starts (an unbounded pattern that has been
   * growing for weeks).
   */
  public record GrowthSpec(double keysPerSecond, double ttl, long size, double initial) {

    /** Growth from zero keys. */
    public GrowthSpec(double keysPerSecond, double ttl, long size) {
      this(keysPerSecond, ttl, size, 0);
    }
  }

  /** Restart policy after a crash or OOM kill. */
  public record RestartSpec(Policy policy, double delay) {
    /** Docker-style restart policies. */
    public enum Policy {
      NO,
      ALWAYS,
      ON_FAILURE
    }
  }

  /** Failover: promotion at crash + max(detect, lag) + promote. */
  public record ReplicaSpec(double lag, double detect, double promote) {}
}
