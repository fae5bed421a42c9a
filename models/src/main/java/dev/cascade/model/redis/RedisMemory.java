package dev.cascade.model.redis;

import dev.cascade.model.spec.RedisSpec;

/**
 * Redis memory accounting: {@code used_memory} = cached keys x value size + queued jobs x job size
 * + keys written by {@code growth} x their size, and RSS = used x fragmentation (what the container
 * limit sees). Growth keys with a TTL level off at rate x TTL; without one they grow until
 * something gives: eviction at {@code maxmemory} (LRU policies evict the cold growth keys first;
 * volatile-lru only those with a TTL), rejected writes under noeviction, or an OOM kill when RSS
 * crosses the container limit.
 */
final class RedisMemory {

  private final RedisSpec spec;
  private double growthKeys;
  private double growthEvicted;
  private boolean full;

  RedisMemory(RedisSpec spec) {
    this.spec = spec;
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

  private boolean evictsGrowth() {
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

  double rss(double otherBytes) {
    return used(otherBytes) * spec.fragmentation();
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
