package dev.cascade.model.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cascade.model.spec.RedisSpec.Eviction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link KeyCache}: expiry, the eviction policies, snapshots, capacity changes. */
class KeyCacheTest {

  private static final double NO_TTL = Double.POSITIVE_INFINITY;

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  private static KeyCache cache(int keySpace, long capacity, Eviction policy) {
    return new KeyCache(keySpace, capacity, policy, rng(1), KeyCache.DEFAULT_SAMPLES);
  }

  @Test
  void missThenFillThenHit() {
    KeyCache cache = cache(10, -1, Eviction.NOEVICTION);

    assertThat(cache.get(3, 0.0)).isFalse();
    assertThat(cache.put(3, 0.0, NO_TTL)).isZero();
    assertThat(cache.get(3, 1.0)).isTrue();
    assertThat(cache.contains(3)).isTrue();
    assertThat(cache.contains(4)).isFalse();
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.volatileCount()).isZero();
    assertThat(cache.expiresAt(3)).isInfinite();
    assertThat(cache.expiresAt(4)).isNaN();
    cache.checkInvariants();
  }

  @Test
  void keyExpiresStrictlyAfterItsTtlAndIsDeletedLazilyOnAccess() {
    KeyCache cache = cache(10, -1, Eviction.NOEVICTION);
    cache.put(1, 0.0, 10.0);

    assertThat(cache.expiresAt(1)).isEqualTo(10.0);
    assertThat(cache.get(1, 10.0)).as("Redis: expired only when now > when").isTrue();
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.expirations()).isZero();

    assertThat(cache.get(1, 10.001)).isFalse();
    assertThat(cache.size()).isZero();
    assertThat(cache.volatileCount()).isZero();
    assertThat(cache.expirations()).isEqualTo(1);
    cache.checkInvariants();
  }

  @Test
  void expiredKeyStaysUntilTouchedAndOverwritingItCountsAsAnExpiration() {
    KeyCache cache = cache(10, -1, Eviction.NOEVICTION);
    cache.put(1, 0.0, 1.0);
    cache.put(2, 0.0, 1.0);

    assertThat(cache.size()).as("nothing reads the clock on its own").isEqualTo(2);
    assertThat(cache.put(1, 5.0, NO_TTL)).isZero();
    assertThat(cache.expirations()).isEqualTo(1);
    assertThat(cache.volatileCount()).isEqualTo(1);
    assertThat(cache.get(1, 6.0)).isTrue();
    assertThat(cache.get(2, 6.0)).isFalse();
    assertThat(cache.expirations()).isEqualTo(2);
    cache.checkInvariants();
  }

  @Test
  void overwriteReplacesTheTtlAsSetDoes() {
    KeyCache cache = cache(10, -1, Eviction.NOEVICTION);
    cache.put(1, 0.0, 5.0);
    cache.put(1, 1.0, NO_TTL);

    assertThat(cache.volatileCount()).isZero();
    assertThat(cache.get(1, 100.0)).isTrue();

    cache.put(1, 100.0, 2.0);
    assertThat(cache.volatileCount()).isEqualTo(1);
    assertThat(cache.expiresAt(1)).isEqualTo(102.0);
    cache.checkInvariants();
  }

  @Test
  void activeExpiryDeletesExpiredKeysButNeverLiveOnes() {
    KeyCache cache = cache(3000, -1, Eviction.NOEVICTION);
    for (int key = 0; key < 1000; key++) {
      cache.put(key, 0.0, 1.0);
    }
    for (int key = 1000; key < 2000; key++) {
      cache.put(key, 0.0, NO_TTL);
    }
    for (int key = 2000; key < 3000; key++) {
      cache.put(key, 0.0, 60.0);
    }

    assertThat(cache.activeExpire(0.5)).isZero();
    int removed = 0;
    for (int cycle = 0; cycle < 20; cycle++) {
      removed += cache.activeExpire(2.0 + cycle * 0.1);
    }

    // Rounds go on while more than a quarter of a sample had expired, so the first cycle takes
    // the expired share down to about a quarter of the keys with a TTL (~670 deleted); later
    // cycles nibble at the rest, which lazy expiry also catches.
    assertThat(removed).isBetween(600, 1000);
    assertThat(cache.expirations()).isEqualTo(removed);
    assertThat(cache.size()).isEqualTo(3000 - removed);
    for (int key = 1000; key < 3000; key++) {
      assertThat(cache.contains(key)).isTrue();
    }
    for (int key = 0; key < 1000; key++) {
      assertThat(cache.get(key, 5.0)).isFalse();
    }
    assertThat(cache.expirations()).isEqualTo(1000);
    assertThat(cache.size()).isEqualTo(2000);
    assertThat(cache.volatileCount()).isEqualTo(1000);
    cache.checkInvariants();
  }

  @Test
  void activeExpiryStopsWhenFewSampledKeysHadExpired() {
    KeyCache cache = cache(10_000, -1, Eviction.NOEVICTION);
    for (int key = 0; key < 10_000; key++) {
      cache.put(key, 0.0, key < 500 ? 1.0 : 3600.0);
    }

    int removed = cache.activeExpire(2.0);

    assertThat(removed).as("5% expired: the cycle ends after a round or two").isLessThan(40);
    assertThat(cache.size()).isEqualTo(10_000 - removed);
    cache.checkInvariants();
  }

  @Test
  void activeExpiryWorkPerCycleIsBounded() {
    int keys = 100_000;
    KeyCache cache = cache(keys, -1, Eviction.NOEVICTION);
    for (int key = 0; key < keys; key++) {
      cache.put(key, 0.0, 1.0);
    }

    int removed = cache.activeExpire(2.0);

    assertThat(removed)
        .isEqualTo(KeyCache.ACTIVE_EXPIRE_MAX_LOOPS * KeyCache.ACTIVE_EXPIRE_KEYS_PER_LOOP);
    assertThat(cache.size()).isEqualTo(keys - removed);
  }

  @Test
  void noevictionRefusesNewKeysAtCapacityButServesReadsAndOverwrites() {
    KeyCache cache = cache(100, 3, Eviction.NOEVICTION);
    for (int key = 0; key < 3; key++) {
      assertThat(cache.put(key, key, NO_TTL)).isZero();
    }

    assertThat(cache.put(7, 5.0, NO_TTL)).isEqualTo(KeyCache.REJECTED_OOM);
    assertThat(cache.contains(7)).isFalse();
    assertThat(cache.put(1, 5.0, 30.0)).as("an overwrite needs no room").isZero();
    assertThat(cache.get(0, 6.0)).isTrue();
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.evictions()).isZero();
    cache.checkInvariants();
  }

  @Test
  void lruEvictsTheLeastRecentlyUsedKeyWhenTheSampleCoversAllKeys() {
    KeyCache cache = cache(100, 5, Eviction.ALLKEYS_LRU);
    for (int key = 0; key < 5; key++) {
      cache.put(key, key, NO_TTL);
    }
    cache.get(0, 5.0);

    assertThat(cache.put(10, 6.0, NO_TTL)).isEqualTo(1);
    assertThat(cache.contains(1)).isFalse();
    assertThat(cache.put(11, 7.0, NO_TTL)).isEqualTo(1);
    assertThat(cache.contains(2)).isFalse();
    assertThat(cache.contains(0)).isTrue();
    assertThat(cache.evictions()).isEqualTo(2);
    assertThat(cache.size()).isEqualTo(5);
    cache.checkInvariants();
  }

  @Test
  void onRedisLruClockKeysTouchedWithinOneSecondTie() {
    for (double resolution :
        new double[] {KeyCache.DEFAULT_LRU_CLOCK_RESOLUTION, KeyCache.REDIS_LRU_CLOCK_RESOLUTION}) {
      KeyCache cache = new KeyCache(100, 2, Eviction.ALLKEYS_LRU, rng(1), 5, resolution);
      cache.put(1, 0.1, NO_TTL);
      cache.put(2, 0.2, NO_TTL);
      cache.get(1, 0.9);

      cache.put(3, 1.5, NO_TTL);

      // 1 ms: key 2 is older. 1 s: keys 1 and 2 were both stamped at second 0 and tie; the pool
      // then keeps the first sampled of equals rightmost, here key 1 (slot 0).
      int evicted = cache.contains(1) ? 2 : 1;
      assertThat(evicted)
          .as("resolution %s s", resolution)
          .isEqualTo(resolution == KeyCache.REDIS_LRU_CLOCK_RESOLUTION ? 1 : 2);
      cache.checkInvariants();
    }
  }

  @Test
  void lruClockResolutionMustDivideOneSecond() {
    for (double bad : new double[] {0.0, 0.0005, 0.0015, 0.3, 2.0, Double.NaN}) {
      assertThatThrownBy(() -> new KeyCache(10, -1, Eviction.ALLKEYS_LRU, rng(1), 5, bad))
          .as("resolution %s", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    new KeyCache(10, -1, Eviction.ALLKEYS_LRU, rng(1), 5, 0.25).checkInvariants();
  }

  @Test
  void sampledLruMostlyEvictsOldKeys() {
    KeyCache cache = cache(20_000, 10_000, Eviction.ALLKEYS_LRU);
    for (int key = 0; key < 10_000; key++) {
      cache.put(key, key * 1e-3, NO_TTL);
    }
    for (int key = 10_000; key < 11_000; key++) {
      cache.put(key, key * 1e-3, NO_TTL);
    }

    int oldestTenthEvicted = 0;
    for (int key = 0; key < 1_000; key++) {
      if (!cache.contains(key)) {
        oldestTenthEvicted++;
      }
    }
    assertThat(cache.evictions()).isEqualTo(1_000);
    // Random eviction would take about 100 of them; this seed takes 369.
    assertThat(oldestTenthEvicted).isGreaterThan(250);
    cache.checkInvariants();
  }

  @Test
  void randomEvictionIgnoresRecency() {
    KeyCache cache = cache(1_000, 100, Eviction.ALLKEYS_RANDOM);
    for (int key = 0; key < 100; key++) {
      cache.put(key, key, NO_TTL);
    }
    for (int key = 100; key < 200; key++) {
      assertThat(cache.put(key, key, NO_TTL)).isEqualTo(1);
    }

    int survivors = 0;
    for (int key = 0; key < 100; key++) {
      if (cache.contains(key)) {
        survivors++;
      }
    }
    // Each of the 100 evictions hits a given original key with probability 1/100:
    // 100 x 0.99^100 = 36.6 expected survivors, standard deviation about 5.
    assertThat(survivors).isBetween(20, 55);
    assertThat(cache.evictions()).isEqualTo(100);
    assertThat(cache.size()).isEqualTo(100);
    cache.checkInvariants();
  }

  @Test
  void volatileLruEvictsOnlyKeysWithTtlAndRefusesWhenNoneIsLeft() {
    KeyCache cache = cache(1_000, 10, Eviction.VOLATILE_LRU);
    for (int key = 0; key < 5; key++) {
      cache.put(key, key, NO_TTL);
    }
    for (int key = 5; key < 10; key++) {
      cache.put(key, key, 3600.0);
    }
    for (int key = 10; key < 110; key++) {
      assertThat(cache.put(key, key, 3600.0)).isEqualTo(1);
    }
    for (int key = 0; key < 5; key++) {
      assertThat(cache.contains(key)).isTrue();
    }
    assertThat(cache.evictions()).isEqualTo(100);

    KeyCache persistent = cache(1_000, 3, Eviction.VOLATILE_LRU);
    for (int key = 0; key < 3; key++) {
      persistent.put(key, key, NO_TTL);
    }
    assertThat(persistent.put(9, 5.0, 60.0)).isEqualTo(KeyCache.REJECTED_OOM);
    assertThat(persistent.evictions()).isZero();
    cache.checkInvariants();
    persistent.checkInvariants();
  }

  @Test
  void snapshotRestoresTheKeysAsTheyWereWithoutThoseExpiredSince() {
    KeyCache cache = cache(100, -1, Eviction.ALLKEYS_LRU);
    cache.put(1, 0.0, NO_TTL);
    cache.put(2, 0.0, 10.0);
    cache.put(3, 0.0, 1000.0);
    KeyCache.Snapshot rdb = cache.snapshot();
    assertThat(rdb.size()).isEqualTo(3);
    assertThat(rdb.volatileCount()).isEqualTo(2);

    cache.put(4, 1.0, NO_TTL);
    cache.clear();
    assertThat(cache.size()).isZero();
    cache.put(5, 2.0, NO_TTL);

    cache.restore(rdb, 20.0);

    assertThat(cache.contains(1)).isTrue();
    assertThat(cache.contains(2)).as("expired before the restart: not loaded").isFalse();
    assertThat(cache.contains(3)).isTrue();
    assertThat(cache.contains(4)).isFalse();
    assertThat(cache.contains(5)).isFalse();
    assertThat(cache.expiresAt(3)).isEqualTo(1000.0);
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.volatileCount()).isEqualTo(1);
    assertThat(cache.expirations()).isZero();
    cache.checkInvariants();
  }

  @Test
  void restoreKeepsTheLruOrderOfTheSnapshot() {
    KeyCache cache = cache(100, 4, Eviction.ALLKEYS_LRU);
    for (int key = 0; key < 4; key++) {
      cache.put(key, key, NO_TTL);
    }
    cache.get(0, 10.0);
    KeyCache.Snapshot rdb = cache.snapshot();
    cache.clear();

    cache.restore(rdb, 9_000.0);
    cache.put(50, 9_001.0, NO_TTL);

    assertThat(cache.contains(1)).isFalse();
    assertThat(cache.contains(0)).isTrue();
    cache.checkInvariants();
  }

  @Test
  void snapshotOfAnotherKeySpaceIsRefused() {
    KeyCache.Snapshot other = cache(10, -1, Eviction.NOEVICTION).snapshot();
    KeyCache cache = cache(20, -1, Eviction.NOEVICTION);

    assertThatThrownBy(() -> cache.restore(other, 0.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key space");
  }

  @Test
  void restoringMoreKeysThanFitEvictsOnTheNextWrite() {
    KeyCache big = cache(100, -1, Eviction.ALLKEYS_LRU);
    for (int key = 0; key < 10; key++) {
      big.put(key, key, NO_TTL);
    }
    KeyCache small = cache(100, 4, Eviction.ALLKEYS_LRU);

    small.restore(big.snapshot(), 20.0);
    assertThat(small.size()).isEqualTo(10);
    small.checkInvariants();

    assertThat(small.put(50, 21.0, NO_TTL)).isEqualTo(7);
    assertThat(small.size()).isEqualTo(4);
    small.checkInvariants();
  }

  @Test
  void loweringTheCapacityEvictsOnTheNextWriteOrOnDemand() {
    KeyCache cache = cache(1_000, 100, Eviction.ALLKEYS_LRU);
    for (int key = 0; key < 100; key++) {
      cache.put(key, key, NO_TTL);
    }

    cache.setCapacity(60);
    assertThat(cache.capacity()).isEqualTo(60);
    assertThat(cache.size()).as("nothing evicted yet").isEqualTo(100);
    cache.checkInvariants();
    assertThat(cache.get(5, 200.0)).isTrue();

    assertThat(cache.put(500, 201.0, NO_TTL)).isEqualTo(41);
    assertThat(cache.size()).isEqualTo(60);

    cache.setCapacity(20);
    assertThat(cache.evictExcess(202.0)).isEqualTo(40);
    assertThat(cache.size()).isEqualTo(20);
    assertThat(cache.evictions()).isEqualTo(81);
    cache.checkInvariants();

    cache.setCapacity(-1);
    for (int key = 600; key < 700; key++) {
      assertThat(cache.put(key, 300.0, NO_TTL)).isZero();
    }
    assertThat(cache.size()).isEqualTo(120);
  }

  @Test
  void noevictionOverCapacityRefusesEvenOverwrites() {
    KeyCache cache = cache(100, 10, Eviction.NOEVICTION);
    for (int key = 0; key < 10; key++) {
      cache.put(key, key, NO_TTL);
    }
    cache.setCapacity(5);

    assertThat(cache.put(3, 20.0, NO_TTL)).isEqualTo(KeyCache.REJECTED_OOM);
    assertThat(cache.evictExcess(20.0)).isZero();
    assertThat(cache.size()).isEqualTo(10);
    cache.checkInvariants();
  }

  @Test
  void timesStayExactAcrossEpochRebases() {
    KeyCache cache = cache(100, 3, Eviction.ALLKEYS_LRU);
    cache.put(1, 100.0, 10_000.0);
    cache.put(2, 5_000.0, NO_TTL);
    cache.put(3, 9_000.0, 0.5);

    assertThat(cache.expiresAt(1)).isEqualTo(10_100.0);
    assertThat(cache.get(3, 9_000.5)).isTrue();
    assertThat(cache.get(3, 9_000.625)).isFalse();
    assertThat(cache.get(1, 10_100.0)).isTrue();
    assertThat(cache.get(1, 10_100.125)).isFalse();

    cache.put(4, 3.0e7, NO_TTL);
    cache.put(5, 3.0e7 + 1, NO_TTL);
    cache.get(2, 3.0e7 + 2);
    cache.put(6, 3.0e7 + 3, NO_TTL);
    assertThat(cache.contains(4)).as("least recently used after a year-long jump").isFalse();
    assertThat(cache.contains(2)).isTrue();
    cache.checkInvariants();
  }

  @Test
  void keysIdleForMonthsStillRankAsOldest() {
    KeyCache cache = cache(100, 3, Eviction.ALLKEYS_LRU);
    cache.put(1, 0.0, NO_TTL);
    cache.put(2, 1.0, NO_TTL);
    for (double t = 10.0; t < 90 * 86_400.0; t += 3_000.0) {
      cache.put(3, t, NO_TTL);
    }
    cache.put(4, 90 * 86_400.0, NO_TTL);

    assertThat(cache.contains(3)).isTrue();
    assertThat(cache.contains(1) && cache.contains(2)).isFalse();
    cache.checkInvariants();
  }

  @Test
  void argumentsAreChecked() {
    UniformRandomProvider rng = rng(3);
    assertThatThrownBy(() -> new KeyCache(0, -1, Eviction.NOEVICTION, rng, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyCache(10, -2, Eviction.NOEVICTION, rng, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyCache(10, -1, Eviction.NOEVICTION, rng, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyCache(10, -1, Eviction.NOEVICTION, rng, 65))
        .isInstanceOf(IllegalArgumentException.class);
    KeyCache cache = new KeyCache(10, -1, Eviction.NOEVICTION, rng, 5);
    assertThatThrownBy(() -> cache.get(10, 0.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache.get(-1, 0.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache.get(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache.put(1, 0.0, 0.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache.put(1, 0.0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cache.setCapacity(-5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void memoryEstimateIsSixteenBytesPerKeyPlusGrowthHeadroom() {
    int tenMillion = 10_000_000;
    assertThat(KeyCache.estimatedBytes(tenMillion, -1)).isLessThan(20L * tenMillion + 2048);
    assertThat(KeyCache.estimatedBytes(tenMillion, 100_000))
        .as("a cache holding 1% of the key space")
        .isLessThan(4L * tenMillion + 20L * 100_000 + 2048);
  }
}
