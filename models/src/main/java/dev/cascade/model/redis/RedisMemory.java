package dev.cascade.model.redis;

import dev.cascade.model.spec.RedisSpec;

/**
 * Redis memory accounting: {@code used_memory} = cached keys x value size + queued jobs x job size
 * + keys written by {@code growth} x their size, and RSS = used x fragmentation (what the container
 * limit sees). Growth keys with a TTL level off at rate x TTL; without one they grow until
 * something gives: eviction at {@code maxmemory} (LRU policies evict the cold growth keys first;
 * volatile-lru only those with a TTL), rejected writes under noeviction, or an OOM kill when RSS
 * crosses the container limit. Growth may start with {@code initial} keys written before the run; a
 * process that loads its dataset during the run (restart from RDB/AOF, promoted replica) starts
 * with a compact heap (RSS = used).
 */
final class RedisMemory {

  private final RedisSpec spec;
  private double growthKeys;
  private double growthEvicted;
  private boolean full;

  /** Whether this process loaded its data at once (restart from RDB/AOF, promotion). */
  private boolean compact;

  RedisMemory(RedisSpec spec) {
    this.spec = spec;
    RedisSpec.GrowthSpec g = spec.growth();
    if (g != null && g.initial() > 0) {
      // Keys of the pattern written before the run. With a TTL only rate x TTL of them can exist;
      // at maxmemory, only what fits (an evicting policy dropped the rest, noeviction refused it).
      double initial = g.initial();
      if (Double.isFinite(g.ttl())) {
        initial = Math.min(initial, g.keysPerSecond() * g.ttl());
      }
      if (spec.maxmemory() > 0
          && (evictsGrowth() || spec.eviction() == RedisSpec.Eviction.NOEVICTION)) {
        initial = Math.min(initial, (double) spec.maxmemory() / g.size());
      }
      growthKeys = initial;
    }
  }

  /** Advances growth by {@code dt} seconds given the other contents; returns keys evicted. */
  double advance(double dt, double otherBytes) {
    RedisSpec.GrowthSpec g = spec.growth();
    double evicted = 0;
    if (g != null && g.keysPerSecond() > 0) {
      double steady = Double.isFinite(g.ttl()) ? g.keysPerSecond() * g.ttl() : Double.MAX_VALUE;
      double grown = Math.min(steady, growthKeys + g.keysPerSecond() * dt);
      if (spec.maxmemory() > 0 && spec.eviction() == RedisSpec.Eviction.NOEVICTION) {
        // Writes past maxmemory are refused: growth stops at the limit.
        double room = Math.max(0, (spec.maxmemory() - otherBytes) / g.size());
        grown = Math.min(grown, Math.max(growthKeys, room));
      }
      growthKeys = grown;
      if (spec.maxmemory() > 0 && evictsGrowth()) {
        double room = Math.max(0, (spec.maxmemory() - otherBytes) / g.size());
        if (growthKeys > room) {
          evicted = growthKeys - room;
          growthKeys = room;
        }
      }
    }
    growthEvicted += evicted;
    full = spec.maxmemory() > 0 && used(otherBytes) >= spec.maxmemory();
    return evicted;
  }

  /** Whether the eviction policy evicts growth keys (which are never read: the coldest keys). */
  boolean evictsGrowth() {
    return switch (spec.eviction()) {
      case ALLKEYS_LRU, ALLKEYS_RANDOM -> true;
      case VOLATILE_LRU -> spec.growth() != null && Double.isFinite(spec.growth().ttl());
      case NOEVICTION -> false;
    };
  }

  /** Bytes used given the other contents. */
  double used(double otherBytes) {
    long size = spec.growth() == null ? 0 : spec.growth().size();
    return otherBytes + growthKeys * size;
  }

  /**
   * RSS: used x fragmentation for the process running at t=0. A process that loaded its dataset at
   * once during the run (a restart from RDB/AOF, a promoted replica) has a compact heap: RSS =
   * used. Fragmentation builds up again over days of churn, longer than a simulated incident.
   */
  double rss(double otherBytes) {
    return used(otherBytes) * (compact ? 1.0 : spec.fragmentation());
  }

  void setCompact(boolean compact) {
    this.compact = compact;
  }

  /** Whether RSS is past the container limit. */
  boolean overLimit(double otherBytes) {
    return spec.memoryLimit() > 0 && rss(otherBytes) > spec.memoryLimit();
  }

  /** Whether a write would be refused for memory (noeviction at maxmemory). */
  boolean rejectsWrites() {
    return full && spec.eviction() == RedisSpec.Eviction.NOEVICTION;
  }

  double growthKeys() {
    return growthKeys;
  }

  void setGrowthKeys(double keys) {
    this.growthKeys = keys;
  }
}
