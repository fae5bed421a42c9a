package dev.cascade.model.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.model.spec.RedisSpec.Eviction;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.commons.rng.simple.RandomSource;

/**
 * {@link KeyCache} against simple reference models. Times and TTLs are multiples of 1/8 s, which
 * the cache's float expiry times (seconds since a whole-second epoch) hold exactly, so expiry
 * boundaries ({@code now == expiry} is still alive) are compared exactly; time advances now and
 * then by more than an hour, so the epoch moves during a run.
 */
class KeyCachePropertyTest {

  private static final int KEYS = 24;
  private static final double EIGHTH = 0.125;
  private static final double NO_TTL = Double.POSITIVE_INFINITY;

  /** One operation on the cache; {@code arg} is a key, a TTL in eighths (-1: none) or a time. */
  enum Kind {
    GET,
    PUT,
    ADVANCE,
    ACTIVE_EXPIRE,
    SNAPSHOT,
    RESTORE,
    CLEAR,
    SET_CAPACITY,
    EVICT_EXCESS
  }

  record Op(Kind kind, int key, int arg) {}

  /**
   * Without eviction (no limit, or room for the whole key space) the cache is a map from key to
   * expiry time: every read, size, TTL count, expiry time and expiration count agrees with one,
   * including lazy expiry, overwrites, snapshots and restores. Active expiry deletes an unknown
   * subset of the expired keys, so the reference drops whichever expired keys the cache dropped,
   * after checking that no live key went.
   */
  @Property(tries = 300)
  void agreesWithAMapOfExpiryTimesWhenNothingIsEvicted(
      @ForAll("ops") @Size(min = 1, max = 300) List<Op> ops,
      @ForAll Eviction policy,
      @ForAll boolean bounded,
      @ForAll @IntRange(min = 1, max = 8) int samples) {
    KeyCache cache =
        new KeyCache(
            KEYS,
            bounded ? KEYS : -1,
            policy,
            RandomSource.XO_RO_SHI_RO_128_PP.create(ops.size()),
            samples);
    Map<Integer, Double> reference = new HashMap<>();
    long expired = 0;
    double now = 0;
    KeyCache.Snapshot snapshot = null;
    Map<Integer, Double> snapshotReference = null;

    for (Op op : ops) {
      switch (op.kind()) {
        case GET -> {
          Double expiry = reference.get(op.key());
          boolean live = expiry != null && !(now > expiry);
          if (expiry != null && !live) {
            reference.remove(op.key());
            expired++;
          }
          assertThat(cache.get(op.key(), now)).as("%s at %s", op, now).isEqualTo(live);
        }
        case PUT -> {
          Double old = reference.get(op.key());
          if (old != null && now > old) {
            expired++;
          }
          double ttl = ttl(op.arg());
          reference.put(op.key(), now + ttl);
          assertThat(cache.put(op.key(), now, ttl)).isZero();
        }
        case ADVANCE -> now += op.arg() * EIGHTH;
        case ACTIVE_EXPIRE -> {
          int removed = cache.activeExpire(now);
          int dropped = 0;
          for (var it = reference.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!cache.contains(entry.getKey())) {
              assertThat(now).as("key %d was live", entry.getKey()).isGreaterThan(entry.getValue());
              it.remove();
              dropped++;
            }
          }
          assertThat(removed).isEqualTo(dropped);
          expired += dropped;
        }
        case SNAPSHOT -> {
          snapshot = cache.snapshot();
          snapshotReference = new HashMap<>(reference);
        }
        case RESTORE -> {
          if (snapshot != null) {
            cache.restore(snapshot, now);
            reference = new HashMap<>(snapshotReference);
            final double at = now;
            reference.values().removeIf(expiry -> at > expiry);
          }
        }
        case CLEAR -> {
          cache.clear();
          reference.clear();
        }
        case SET_CAPACITY, EVICT_EXCESS -> {
          // Not part of this model: capacity stays above the key space.
        }
      }
      assertThat(cache.size()).isEqualTo(reference.size());
      assertThat(cache.volatileCount())
          .isEqualTo(reference.values().stream().filter(Double::isFinite).count());
      assertThat(cache.expirations()).isEqualTo(expired);
      assertThat(cache.evictions()).isZero();
      for (int key = 0; key < KEYS; key++) {
        Double expiry = reference.get(key);
        assertThat(cache.contains(key)).isEqualTo(expiry != null);
        if (expiry == null) {
          assertThat(cache.expiresAt(key)).isNaN();
        } else {
          assertThat(cache.expiresAt(key)).isEqualTo(expiry.doubleValue());
        }
      }
      cache.checkInvariants();
    }
  }

  /**
   * With eviction, for any policy, capacity and sample count: the structure stays consistent; keys
   * only go by eviction or expiry, counted as such; a stored key fits within the capacity; {@code
   * noeviction} never evicts, {@code volatile-lru} never evicts a key without TTL; a refused write
   * means no key that qualifies for eviction could be found.
   */
  @Property(tries = 400)
  void evictionKeepsTheStructureConsistentAndFollowsThePolicy(
      @ForAll("ops") @Size(min = 1, max = 300) List<Op> ops,
      @ForAll Eviction policy,
      @ForAll @IntRange(min = 0, max = 10) int capacity,
      @ForAll @IntRange(min = 1, max = 8) int samples) {
    KeyCache cache =
        new KeyCache(
            KEYS, capacity, policy, RandomSource.XO_RO_SHI_RO_128_PP.create(capacity), samples);
    double now = 0;
    KeyCache.Snapshot snapshot = null;

    for (Op op : ops) {
      BitSet before = resident(cache);
      BitSet volatileBefore = volatileKeys(cache);
      long evictionsBefore = cache.evictions();
      long expirationsBefore = cache.expirations();
      int code = 0;
      switch (op.kind()) {
        case GET -> cache.get(op.key(), now);
        case PUT -> {
          code = cache.put(op.key(), now, ttl(op.arg()));
          if (code >= 0) {
            assertThat(cache.contains(op.key())).isTrue();
            assertThat(cache.evictions() - evictionsBefore).isEqualTo(code);
            if (cache.capacity() >= 0) {
              assertThat((long) cache.size()).isLessThanOrEqualTo(cache.capacity());
            }
          } else {
            assertThat(!cache.contains(op.key()) || before.get(op.key())).isTrue();
            assertNothingLeftToEvict(cache, policy);
          }
        }
        case ADVANCE -> now += op.arg() * EIGHTH;
        case ACTIVE_EXPIRE -> cache.activeExpire(now);
        case SNAPSHOT -> snapshot = cache.snapshot();
        case RESTORE -> {
          if (snapshot != null) {
            cache.restore(snapshot, now);
          }
        }
        case CLEAR -> cache.clear();
        case SET_CAPACITY -> cache.setCapacity(op.arg() % 12 - 1);
        case EVICT_EXCESS -> {
          int evicted = cache.evictExcess(now);
          assertThat(cache.evictions() - evictionsBefore).isEqualTo(evicted);
          if (cache.capacity() >= 0 && cache.size() > cache.capacity()) {
            assertNothingLeftToEvict(cache, policy);
          }
        }
      }
      cache.checkInvariants();
      long evicted = cache.evictions() - evictionsBefore;
      long expired = cache.expirations() - expirationsBefore;
      if (policy == Eviction.NOEVICTION) {
        assertThat(evicted).isZero();
      }
      if (op.kind() == Kind.RESTORE || op.kind() == Kind.CLEAR) {
        continue;
      }
      BitSet gone = (BitSet) before.clone();
      gone.andNot(resident(cache));
      assertThat((long) gone.cardinality()).isLessThanOrEqualTo(evicted + expired);
      // Only the key being written can go and come back within one operation.
      assertThat(evicted + expired - gone.cardinality()).isLessThanOrEqualTo(1);
      if (policy == Eviction.VOLATILE_LRU) {
        BitSet persistentGone = (BitSet) gone.clone();
        persistentGone.andNot(volatileBefore);
        assertThat(persistentGone.isEmpty())
            .as("keys without TTL evicted: %s", persistentGone)
            .isTrue();
      }
      if (op.kind() == Kind.GET || op.kind() == Kind.ACTIVE_EXPIRE) {
        assertThat(evicted).isZero();
      }
    }
  }

  /** Room could not be made: the policy found no key to evict. */
  private static void assertNothingLeftToEvict(KeyCache cache, Eviction policy) {
    switch (policy) {
      case NOEVICTION -> {}
      case VOLATILE_LRU -> assertThat(cache.volatileCount()).isZero();
      default -> assertThat(cache.size()).isZero();
    }
  }

  private static BitSet resident(KeyCache cache) {
    BitSet keys = new BitSet(KEYS);
    for (int key = 0; key < KEYS; key++) {
      if (cache.contains(key)) {
        keys.set(key);
      }
    }
    return keys;
  }

  private static BitSet volatileKeys(KeyCache cache) {
    BitSet keys = new BitSet(KEYS);
    for (int key = 0; key < KEYS; key++) {
      if (Double.isFinite(cache.expiresAt(key))) {
        keys.set(key);
      }
    }
    return keys;
  }

  private static double ttl(int eighths) {
    return eighths < 0 ? NO_TTL : eighths * EIGHTH;
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Integer> key = Arbitraries.integers().between(0, KEYS - 1);
    Arbitrary<Integer> ttl =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(-1)),
            Tuple.of(6, Arbitraries.integers().between(1, 400)),
            Tuple.of(1, Arbitraries.integers().between(401, 160_000)));
    Arbitrary<Integer> step =
        Arbitraries.frequencyOf(
            Tuple.of(12, Arbitraries.integers().between(0, 40)),
            Tuple.of(3, Arbitraries.integers().between(41, 2_000)),
            Tuple.of(1, Arbitraries.integers().between(30_000, 60_000)));
    Arbitrary<Op> op =
        Arbitraries.frequencyOf(
            Tuple.of(8, key.map(k -> new Op(Kind.GET, k, 0))),
            Tuple.of(8, Combinators.combine(key, ttl).as((k, t) -> new Op(Kind.PUT, k, t))),
            Tuple.of(6, step.map(s -> new Op(Kind.ADVANCE, 0, s))),
            Tuple.of(2, Arbitraries.just(new Op(Kind.ACTIVE_EXPIRE, 0, 0))),
            Tuple.of(1, Arbitraries.just(new Op(Kind.SNAPSHOT, 0, 0))),
            Tuple.of(1, Arbitraries.just(new Op(Kind.RESTORE, 0, 0))),
            Tuple.of(1, Arbitraries.just(new Op(Kind.CLEAR, 0, 0))),
            Tuple.of(
                1,
                Arbitraries.integers().between(0, 100).map(c -> new Op(Kind.SET_CAPACITY, 0, c))),
            Tuple.of(1, Arbitraries.just(new Op(Kind.EVICT_EXCESS, 0, 0))));
    return op.list();
  }
}
