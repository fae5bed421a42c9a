package dev.cascade.model.redis;

import dev.cascade.model.spec.RedisSpec.Eviction;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The resident key set of a Redis cache over a workload key space of {@code keySpace} keys (ranks
 * {@code 0..keySpace-1} as drawn by {@code ZipfKeys}): which keys are held, when each was last
 * touched and when it expires, so that hits, misses, warm-up after a flush and stampedes follow
 * from the key trace instead of a fixed hit ratio. It reproduces the parts of Redis that decide
 * residency:
 *
 * <ul>
 *   <li><b>Eviction</b> once {@code capacity} keys are held (the caller turns {@code maxmemory}
 *       into keys: {@code (maxmemory - other bytes) / value size}), per {@code maxmemory-policy}.
 *       {@code allkeys-lru} and {@code volatile-lru} are Redis's approximated LRU of evict.c (Redis
 *       3.0 and later): each eviction samples {@code samples} ({@code maxmemory-samples}, default
 *       5) distinct keys, from all keys or from the keys with a TTL, offers them to the 16-entry
 *       eviction pool that persists across evictions ({@link KeyEvictionPool}, insertion rule
 *       copied move for move from {@code evictionPoolPopulate}), and evicts the pool's best
 *       candidate that still qualifies, re-sampling when the pool holds only ghosts, as {@code
 *       performEvictions} does. {@code allkeys-random} evicts a uniformly random key. Writes that
 *       cannot make room are refused ({@link #REJECTED_OOM}): always under {@code noeviction}
 *       (Redis answers {@code OOM command not allowed when used memory > 'maxmemory'}), under
 *       {@code volatile-lru} when no key has a TTL, and under any policy when not even an empty
 *       cache has room (capacity 0).
 *   <li><b>Expiry</b>: a key past its expiry is deleted when it is next read or written (lazy
 *       expiry, {@code expireIfNeeded}) and by {@link #activeExpire} (the active expire cycle).
 *       Like Redis, a key expires strictly after its expiry time ({@code now > when}).
 * </ul>
 *
 * <p><b>LRU clock.</b> Redis stamps keys with {@code LRU_CLOCK}, which ticks once a second ({@code
 * LRU_CLOCK_RESOLUTION} 1000 ms), so keys touched within the same second tie. Where the cache turns
 * over in seconds, that makes {@code allkeys-lru} behave much like random eviction: replaying a
 * Zipf trace at full speed through redis-server 7.0 gave hit ratios at the level of {@code
 * allkeys-random}, 3 to 4 points below LRU (see {@code RedisEvictionOracleIT}). The clock
 * resolution is therefore a parameter: {@link #REDIS_LRU_CLOCK_RESOLUTION} (1 s) reproduces Redis,
 * the default {@link #DEFAULT_LRU_CLOCK_RESOLUTION} (1 ms) gives the LRU that Redis approaches when
 * keys stay idle for many seconds before eviction, which is the usual case for a cache of
 * production size.
 *
 * <p>Other differences from Redis, all deliberate: keys are sampled uniformly (Redis's {@code
 * dictGetSomeKeys} walks a few adjacent hash buckets from a random one; the hash makes that close
 * to uniform), and all keys have the same size, so memory is counted in keys.
 *
 * <p><b>Layout and memory.</b> {@code slotOf[key]} (int, 4 bytes per key of the key space) gives
 * the key's slot in dense per-slot arrays {@code keys} (int), {@code lru} (int) and {@code expires}
 * (float), 12 bytes per slot. Slots {@code [0, volatileCount)} hold the keys with a TTL and {@code
 * [volatileCount, size)} the others, so a uniformly random resident key, or a random key with a
 * TTL, is one random index (O(1)), and deleting a key moves at most two slots. The slot arrays grow
 * by half as keys arrive, up to {@code min(keySpace, capacity)} when bounded, so the footprint is
 * {@code 4 x keySpace + 12 x allocated slots}: at most 16 bytes per key of the key space (160 MB
 * for 10M keys), and about 4 when only a small share of the key space fits (see {@link
 * #estimatedBytes}).
 *
 * <p><b>Time.</b> Simulated time is {@code double} seconds passed in by the caller (no clock is
 * read), and should not run backwards. Stored times are relative to an epoch that is moved forward
 * (all stored times shifted, O(size)) whenever {@code now} is {@value #REBASE_AFTER_SECONDS} s or
 * more from it: access times are int milliseconds since the epoch, saturating at about -24.8 days
 * (keys idle longer than that tie as the oldest), and expiry times are floats of seconds since the
 * epoch, exact to better than a millisecond for expiries within about two hours of now and to a
 * relative 6e-8 beyond. A key without a TTL has expiry {@code +inf}.
 *
 * <p>Not thread-safe: one instance per simulated shard, driven by the event loop. Randomness comes
 * only from the {@link UniformRandomProvider} given, so runs are reproducible.
 */
public final class KeyCache {

  /** What {@link #put} returns when the write is refused for lack of memory. */
  public static final int REJECTED_OOM = -1;

  /** Redis's default {@code maxmemory-samples}. */
  public static final int DEFAULT_SAMPLES = 5;

  /** LRU clock resolution of the five-argument constructor, in seconds: 1 ms. */
  public static final double DEFAULT_LRU_CLOCK_RESOLUTION = 0.001;

  /** Redis's LRU clock resolution ({@code LRU_CLOCK_RESOLUTION}), in seconds. */
  public static final double REDIS_LRU_CLOCK_RESOLUTION = 1.0;

  /** Keys sampled per round of the active expire cycle ({@code ACTIVE_EXPIRE_CYCLE_LOOKUPS}). */
  static final int ACTIVE_EXPIRE_KEYS_PER_LOOP = 20;

  /**
   * Rounds of {@value #ACTIVE_EXPIRE_KEYS_PER_LOOP} keys one active expire cycle may run at most.
   * Redis bounds a slow cycle by time, 25% of the 100 ms between cycles at {@code hz 10} (25 ms);
   * at about 1 microsecond per sampled key (lookup, delete, free) that is 25,000 keys, so a cycle
   * deletes at most 25,000 keys and a steady stream of expiring keys is kept up with up to about
   * 250,000 keys/s.
   */
  static final int ACTIVE_EXPIRE_MAX_LOOPS = 1250;

  /** How far {@code now} may drift from the epoch of stored times before they are rebased. */
  static final double REBASE_AFTER_SECONDS = 4096.0;

  private static final int MIN_SLOTS = 16;

  private final int keySpace;
  private final Eviction policy;
  private final UniformRandomProvider rng;
  private final int samples;
  private long capacity;
  private boolean overCapacity;

  /** key -> slot + 1; 0 when the key is not resident. */
  private final int[] slotOf;

  /** slot -> key. */
  private int[] keys;

  /** slot -> last access, in milliseconds since {@link #epoch}, saturating. */
  private int[] lru;

  /** slot -> expiry, in seconds since {@link #epoch}; +inf for a key without a TTL. */
  private float[] expires;

  private int size;
  private int volatileKeys;

  /** Whole seconds; stored times are relative to it. */
  private double epoch;

  /** {@code now - epoch} of the latest call, in seconds and in whole milliseconds. */
  private double clock;

  private long clockMillis;

  /** {@link #clockMillis} rounded down to the LRU clock resolution: the time keys are stamped. */
  private long lruClock;

  private final long lruResolutionMillis;

  private long evictions;
  private long expirations;

  private final KeyEvictionPool pool = new KeyEvictionPool();
  private final int[] sampled;

  /**
   * An empty cache at time 0 with a 1 ms LRU clock ({@link #DEFAULT_LRU_CLOCK_RESOLUTION}).
   *
   * @see #KeyCache(int, long, Eviction, UniformRandomProvider, int, double)
   */
  public KeyCache(
      int keySpace, long capacityKeys, Eviction policy, UniformRandomProvider rng, int samples) {
    this(keySpace, capacityKeys, policy, rng, samples, DEFAULT_LRU_CLOCK_RESOLUTION);
  }

  /**
   * An empty cache at time 0.
   *
   * @param keySpace number of distinct keys, at least 1; keys are 0..keySpace-1
   * @param capacityKeys how many keys fit, or -1 for no limit
   * @param policy what happens when a new key does not fit
   * @param rng the stream for sampling keys (eviction and active expiry)
   * @param samples {@code maxmemory-samples}, 1..64 as Redis allows ({@link #DEFAULT_SAMPLES})
   * @param lruClockResolution seconds per tick of the LRU clock, a whole number of milliseconds
   *     that divides one second: {@link #REDIS_LRU_CLOCK_RESOLUTION} for Redis's own, {@link
   *     #DEFAULT_LRU_CLOCK_RESOLUTION} for a near-exact one
   * @throws IllegalArgumentException if an argument is out of range
   */
  public KeyCache(
      int keySpace,
      long capacityKeys,
      Eviction policy,
      UniformRandomProvider rng,
      int samples,
      double lruClockResolution) {
    long resolutionMillis = Math.round(lruClockResolution * 1000.0);
    if (!(Math.abs(lruClockResolution * 1000.0 - resolutionMillis) < 1e-6)
        || resolutionMillis < 1
        || 1000 % resolutionMillis != 0) {
      throw new IllegalArgumentException(
          "LRU clock resolution must be whole milliseconds dividing 1 s, got "
              + lruClockResolution);
    }
    this.lruResolutionMillis = resolutionMillis;
    if (keySpace < 1) {
      throw new IllegalArgumentException("key space must hold at least one key, got " + keySpace);
    }
    checkCapacity(capacityKeys);
    if (samples < 1 || samples > 64) {
      throw new IllegalArgumentException("maxmemory-samples must be in 1..64, got " + samples);
    }
    this.keySpace = keySpace;
    this.capacity = capacityKeys;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.rng = Objects.requireNonNull(rng, "rng");
    this.samples = samples;
    this.sampled = new int[samples];
    this.slotOf = new int[keySpace];
    int initial = Math.min(keySpace, MIN_SLOTS);
    this.keys = new int[initial];
    this.lru = new int[initial];
    this.expires = new float[initial];
  }

  /**
   * Upper bound of the heap bytes a cache over {@code keySpace} keys holding at most {@code
   * capacityKeys} keys (-1: no limit) keeps live at its peak, for a memory check before one is
   * allocated: 4 bytes per key of the key space, 12 per slot for {@code min(keySpace, capacity)}
   * slots, and 4 more per slot for the one old slot array that is live while it is copied into a
   * larger one. Retained once grown: {@code 4 x keySpace + 12 x slots}, at most 16 bytes per key of
   * the key space. Snapshots come on top: 12 bytes per key held.
   */
  public static long estimatedBytes(int keySpace, long capacityKeys) {
    long slots =
        capacityKeys < 0 ? keySpace : Math.max(MIN_SLOTS, Math.min(keySpace, capacityKeys));
    return 4L * keySpace + 16L * slots + 1024;
  }

  // ---------------------------------------------------------------------------------------------
  // Reads and writes

  /**
   * A read ({@code GET}) of {@code key} at {@code now}. A key past its expiry is deleted (counted
   * in {@link #expirations()}) and misses; a hit sets the key's access time to {@code now}.
   *
   * @return true on a hit
   */
  public boolean get(int key, double now) {
    checkKey(key);
    advance(now);
    int slot = slotOf[key] - 1;
    if (slot < 0) {
      return false;
    }
    if (isExpired(slot)) {
      removeSlot(slot);
      expirations++;
      return false;
    }
    lru[slot] = (int) lruClock;
    return true;
  }

  /**
   * A write ({@code SET key value [EX ttl]}) of {@code key} at {@code now}. Before it, keys are
   * evicted per the policy while there is no room: a new key needs {@code size < capacity}, an
   * overwrite {@code size <= capacity} (it takes no more memory, but Redis refuses every write
   * while over {@code maxmemory}). If eviction cannot make room the write is refused and nothing
   * else changes, though keys evicted on the way stay evicted, as in Redis. A stored key gets
   * access time {@code now} and the new TTL (an overwrite without TTL removes the old one, as
   * {@code SET} does); overwriting a key that was past its expiry counts as an expiration first.
   *
   * @param ttlSeconds time to live, > 0, or {@code Double.POSITIVE_INFINITY} for no expiry
   * @return the number of keys evicted to make room (>= 0) when stored, or {@link #REJECTED_OOM}
   * @throws IllegalArgumentException if the key is out of range or the TTL is not > 0
   */
  public int put(int key, double now, double ttlSeconds) {
    checkKey(key);
    if (!(ttlSeconds > 0)) {
      throw new IllegalArgumentException("TTL must be > 0 s or +inf, got " + ttlSeconds);
    }
    advance(now);
    int evicted = 0;
    while (capacity >= 0) {
      long limit = slotOf[key] != 0 ? capacity : capacity - 1;
      if (size <= limit) {
        break;
      }
      if (!evictOne()) {
        return REJECTED_OOM;
      }
      evicted++;
    }
    int slot = slotOf[key] - 1;
    if (slot >= 0 && isExpired(slot)) {
      removeSlot(slot);
      expirations++;
      slot = -1;
    }
    float expiry = (float) (clock + ttlSeconds);
    boolean hasTtl = expiry != Float.POSITIVE_INFINITY;
    if (slot >= 0 && (slot < volatileKeys) != hasTtl) {
      removeSlot(slot);
      slot = -1;
    }
    if (slot < 0) {
      slot = insert(key, hasTtl);
    }
    lru[slot] = (int) lruClock;
    expires[slot] = expiry;
    updateOverCapacity();
    return evicted;
  }

  /**
   * Evicts keys per the policy until at most {@code capacity} are held or nothing can be evicted,
   * as Redis does before the next command once memory is over {@code maxmemory} (after {@link
   * #setCapacity} lowered the limit, or a {@link #restore} brought in more keys than fit).
   *
   * @return the number of keys evicted
   */
  public int evictExcess(double now) {
    advance(now);
    int evicted = 0;
    while (capacity >= 0 && size > capacity && evictOne()) {
      evicted++;
    }
    updateOverCapacity();
    return evicted;
  }

  /**
   * One run of the active expire cycle at {@code now} (the caller runs it every 100 ms of simulated
   * time, as {@code serverCron} does at {@code hz 10}): rounds of {@value
   * #ACTIVE_EXPIRE_KEYS_PER_LOOP} random keys with a TTL, deleting those past their expiry,
   * repeated while more than a quarter of a round (more than 5 keys) had expired, as {@code
   * activeExpireCycle} of Redis 3 to 5 does, and at most {@value #ACTIVE_EXPIRE_MAX_LOOPS} rounds
   * (Redis's 25 ms time limit; see {@link #ACTIVE_EXPIRE_MAX_LOOPS}).
   *
   * @return the number of keys deleted (also counted in {@link #expirations()})
   */
  public int activeExpire(double now) {
    advance(now);
    int removed = 0;
    for (int loop = 0; loop < ACTIVE_EXPIRE_MAX_LOOPS && volatileKeys > 0; loop++) {
      int lookups = Math.min(ACTIVE_EXPIRE_KEYS_PER_LOOP, volatileKeys);
      int expired = 0;
      for (int i = 0; i < lookups && volatileKeys > 0; i++) {
        int slot = rng.nextInt(volatileKeys);
        if (isExpired(slot)) {
          removeSlot(slot);
          expired++;
        }
      }
      removed += expired;
      if (expired <= ACTIVE_EXPIRE_KEYS_PER_LOOP / 4) {
        break;
      }
    }
    expirations += removed;
    return removed;
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  /** Whether {@code key} is held, expired or not; no side effects (no expiry, no LRU update). */
  public boolean contains(int key) {
    checkKey(key);
    return slotOf[key] != 0;
  }

  /**
   * The expiry time of {@code key} in simulated seconds (rounded as stored), {@code +inf} if it has
   * no TTL, or NaN if it is not held; no side effects. For early refresh ({@code xfetch}).
   */
  public double expiresAt(int key) {
    checkKey(key);
    int slot = slotOf[key] - 1;
    if (slot < 0) {
      return Double.NaN;
    }
    return epoch + (double) expires[slot];
  }

  /** Keys held, including keys past their expiry that were not deleted yet. */
  public int size() {
    return size;
  }

  /** Keys held (expired or not) with a rank in {@code [from, to)}; O(size). */
  public int countInRange(int from, int to) {
    int n = 0;
    for (int slot = 0; slot < size; slot++) {
      if (keys[slot] >= from && keys[slot] < to) {
        n++;
      }
    }
    return n;
  }

  /** Keys held that have a TTL (the size of Redis's {@code expires} dict). */
  public long volatileCount() {
    return volatileKeys;
  }

  /** Keys evicted so far, over the life of this object ({@link #clear} does not reset it). */
  public long evictions() {
    return evictions;
  }

  /**
   * Keys deleted because they expired (lazily or by {@link #activeExpire}) so far, over the life of
   * this object.
   */
  public long expirations() {
    return expirations;
  }

  /** How many keys fit, or -1 for no limit. */
  public long capacity() {
    return capacity;
  }

  /** The number of distinct keys. */
  public int keySpace() {
    return keySpace;
  }

  /** The eviction policy. */
  public Eviction policy() {
    return policy;
  }

  // ---------------------------------------------------------------------------------------------
  // Whole-cache operations

  /**
   * Changes how many keys fit (maxmemory changed, or other data grew or shrank: the caller computes
   * {@code (maxmemory - other bytes) / value size}). Nothing is evicted now: the next {@link #put}
   * evicts down to the new limit, or call {@link #evictExcess} to do it at once. Until then {@link
   * #size()} may exceed the capacity.
   *
   * @param capacityKeys keys that fit, >= 0, or -1 for no limit
   */
  public void setCapacity(long capacityKeys) {
    checkCapacity(capacityKeys);
    capacity = capacityKeys;
    updateOverCapacity();
  }

  /**
   * Deletes every key ({@code FLUSHALL}, or a restart that lost the data); the eviction pool is
   * emptied. O(size). The counters are kept.
   */
  public void clear() {
    for (int slot = 0; slot < size; slot++) {
      slotOf[keys[slot]] = 0;
    }
    size = 0;
    volatileKeys = 0;
    pool.clear();
    updateOverCapacity();
  }

  /**
   * A copy of the keys held now, with their access and expiry times: what an RDB snapshot taken now
   * would restore. Costs 12 bytes per key held.
   */
  public Snapshot snapshot() {
    return new Snapshot(
        keySpace,
        Arrays.copyOf(keys, size),
        Arrays.copyOf(lru, size),
        Arrays.copyOf(expires, size),
        volatileKeys,
        epoch);
  }

  /**
   * Replaces the keys held by those of {@code snapshot}, as a primary does when it loads an RDB
   * file at {@code now}: keys already past their expiry at {@code now} are not loaded (and not
   * counted as expirations), the others keep their expiry times and their access times (so their
   * LRU order; all idle times include the time since the snapshot). The eviction pool is emptied.
   * If more keys are loaded than fit, they stay until the next write or {@link #evictExcess}, as in
   * Redis. The counters are kept.
   *
   * @throws IllegalArgumentException if the snapshot is of a different key space
   */
  public void restore(Snapshot snapshot, double now) {
    Objects.requireNonNull(snapshot, "snapshot");
    if (snapshot.keySpace != keySpace) {
      throw new IllegalArgumentException(
          "snapshot of a key space of " + snapshot.keySpace + " keys, this one has " + keySpace);
    }
    clear();
    int n = snapshot.keys.length;
    ensureSlots(n);
    System.arraycopy(snapshot.keys, 0, keys, 0, n);
    System.arraycopy(snapshot.lru, 0, lru, 0, n);
    System.arraycopy(snapshot.expires, 0, expires, 0, n);
    for (int slot = 0; slot < n; slot++) {
      slotOf[keys[slot]] = slot + 1;
    }
    size = n;
    volatileKeys = snapshot.volatileKeys;
    epoch = snapshot.epoch;
    advance(now);
    for (int slot = volatileKeys - 1; slot >= 0; slot--) {
      if (isExpired(slot)) {
        removeSlot(slot);
      }
    }
    updateOverCapacity();
  }

  /**
   * Checks the internal consistency in O(keySpace), for tests: slot map and slot arrays agree, the
   * keys with a TTL are exactly the first {@link #volatileCount()} slots, at most {@code capacity}
   * keys are held unless the capacity was lowered (or a snapshot restored) since the cache last
   * fitted, and the eviction pool is ordered.
   *
   * @throws IllegalStateException describing the first inconsistency found
   */
  public void checkInvariants() {
    if (volatileKeys < 0 || volatileKeys > size || size > keys.length || size > keySpace) {
      throw new IllegalStateException(
          "counts out of range: volatile " + volatileKeys + ", size " + size);
    }
    for (int slot = 0; slot < size; slot++) {
      int key = keys[slot];
      if (key < 0 || key >= keySpace) {
        throw new IllegalStateException("slot " + slot + " holds key " + key);
      }
      if (slotOf[key] != slot + 1) {
        throw new IllegalStateException(
            "key " + key + " is in slot " + slot + " but maps to " + (slotOf[key] - 1));
      }
      boolean hasTtl = expires[slot] != Float.POSITIVE_INFINITY;
      if (Float.isNaN(expires[slot]) || hasTtl != (slot < volatileKeys)) {
        throw new IllegalStateException(
            "key " + key + " in slot " + slot + " has expiry " + expires[slot]);
      }
    }
    int mapped = 0;
    for (int key = 0; key < keySpace; key++) {
      if (slotOf[key] != 0) {
        mapped++;
      }
    }
    if (mapped != size) {
      throw new IllegalStateException(mapped + " keys mapped to slots, size is " + size);
    }
    if (capacity >= 0 && size > capacity && !overCapacity) {
      throw new IllegalStateException(size + " keys held, capacity " + capacity);
    }
    pool.checkInvariants(keySpace);
  }

  // ---------------------------------------------------------------------------------------------
  // Eviction

  /** Evicts one key per the policy; false if no key qualifies. */
  private boolean evictOne() {
    switch (policy) {
      case NOEVICTION:
        return false;
      case ALLKEYS_RANDOM:
        if (size == 0) {
          return false;
        }
        removeSlot(rng.nextInt(size));
        evictions++;
        return true;
      case ALLKEYS_LRU:
        return evictLru(false);
      case VOLATILE_LRU:
        return evictLru(true);
      default:
        throw new IllegalStateException("unknown eviction policy " + policy);
    }
  }

  /**
   * The LRU branch of {@code performEvictions}: populate the pool, then take its best entry whose
   * key still qualifies, dropping ghosts; when all were ghosts, populate again.
   */
  private boolean evictLru(boolean volatileOnly) {
    while (true) {
      int candidates = volatileOnly ? volatileKeys : size;
      if (candidates == 0) {
        return false;
      }
      populatePool(candidates);
      for (int k = KeyEvictionPool.SIZE - 1; k >= 0; k--) {
        int key = pool.key(k);
        if (key == KeyEvictionPool.EMPTY) {
          continue;
        }
        pool.remove(k);
        int slot = slotOf[key] - 1;
        if (slot >= 0 && (!volatileOnly || slot < volatileKeys)) {
          removeSlot(slot);
          evictions++;
          return true;
        }
      }
    }
  }

  /**
   * {@code evictionPoolPopulate}: samples {@code samples} distinct slots among the first {@code
   * candidates} (all of them when there are no more) and offers their keys with their idle times.
   */
  private void populatePool(int candidates) {
    int count;
    if (candidates <= samples) {
      for (int i = 0; i < candidates; i++) {
        sampled[i] = i;
      }
      count = candidates;
    } else {
      count = 0;
      while (count < samples) {
        int slot = rng.nextInt(candidates);
        if (!alreadySampled(slot, count)) {
          sampled[count++] = slot;
        }
      }
    }
    for (int i = 0; i < count; i++) {
      int slot = sampled[i];
      pool.offer(keys[slot], Math.max(0L, lruClock - lru[slot]));
    }
  }

  private boolean alreadySampled(int slot, int count) {
    for (int i = 0; i < count; i++) {
      if (sampled[i] == slot) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Slots

  private boolean isExpired(int slot) {
    return slot < volatileKeys && clock > expires[slot];
  }

  /** Places a new key in a free slot of the right section and returns the slot. */
  private int insert(int key, boolean hasTtl) {
    ensureSlots(size + 1);
    int slot;
    if (hasTtl) {
      slot = volatileKeys;
      if (volatileKeys != size) {
        moveSlot(volatileKeys, size);
      }
      volatileKeys++;
    } else {
      slot = size;
    }
    size++;
    keys[slot] = key;
    slotOf[key] = slot + 1;
    return slot;
  }

  /** Deletes the key in {@code slot}, filling the hole so both sections stay dense. */
  private void removeSlot(int slot) {
    slotOf[keys[slot]] = 0;
    int last = size - 1;
    if (slot < volatileKeys) {
      int lastVolatile = volatileKeys - 1;
      if (slot != lastVolatile) {
        moveSlot(lastVolatile, slot);
      }
      if (lastVolatile != last) {
        moveSlot(last, lastVolatile);
      }
      volatileKeys--;
    } else if (slot != last) {
      moveSlot(last, slot);
    }
    size--;
  }

  private void moveSlot(int from, int to) {
    int key = keys[from];
    keys[to] = key;
    lru[to] = lru[from];
    expires[to] = expires[from];
    slotOf[key] = to + 1;
  }

  private void ensureSlots(int needed) {
    if (needed <= keys.length) {
      return;
    }
    long grown = (long) keys.length + keys.length / 2;
    if (capacity >= needed) {
      grown = Math.min(grown, capacity);
    }
    int length = (int) Math.min(keySpace, Math.max(needed, grown));
    keys = Arrays.copyOf(keys, length);
    lru = Arrays.copyOf(lru, length);
    expires = Arrays.copyOf(expires, length);
  }

  private void updateOverCapacity() {
    overCapacity = capacity >= 0 && size > capacity;
  }

  // ---------------------------------------------------------------------------------------------
  // Time

  /** Sets the clock to {@code now}, moving the epoch of stored times when it has drifted far. */
  private void advance(double now) {
    if (!Double.isFinite(now)) {
      throw new IllegalArgumentException("time must be finite, got " + now);
    }
    double relative = now - epoch;
    if (!(Math.abs(relative) < REBASE_AFTER_SECONDS)) {
      rebase(Math.floor(now));
      relative = now - epoch;
    }
    clock = relative;
    clockMillis = (long) Math.floor(relative * 1000.0);
    lruClock = Math.floorDiv(clockMillis, lruResolutionMillis) * lruResolutionMillis;
  }

  /** Moves the epoch to {@code newEpoch} (whole seconds), shifting every stored time. */
  private void rebase(double newEpoch) {
    double shift = newEpoch - epoch;
    long shiftMillis = (long) (shift * 1000.0);
    for (int slot = 0; slot < size; slot++) {
      long moved = lru[slot] - shiftMillis;
      lru[slot] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, moved));
    }
    for (int slot = 0; slot < volatileKeys; slot++) {
      expires[slot] = (float) (expires[slot] - shift);
    }
    epoch = newEpoch;
  }

  private void checkKey(int key) {
    if (key < 0 || key >= keySpace) {
      throw new IllegalArgumentException("key " + key + " outside 0.." + (keySpace - 1));
    }
  }

  private static void checkCapacity(long capacityKeys) {
    if (capacityKeys < -1) {
      throw new IllegalArgumentException("capacity must be >= 0 keys or -1, got " + capacityKeys);
    }
  }

  /**
   * The keys a {@link KeyCache} held at one moment, with their access and expiry times: an RDB
   * snapshot. Immutable; restore it with {@link KeyCache#restore}.
   */
  public static final class Snapshot {
    private final int keySpace;
    private final int[] keys;
    private final int[] lru;
    private final float[] expires;
    private final int volatileKeys;
    private final double epoch;

    private Snapshot(
        int keySpace, int[] keys, int[] lru, float[] expires, int volatileKeys, double epoch) {
      this.keySpace = keySpace;
      this.keys = keys;
      this.lru = lru;
      this.expires = expires;
      this.volatileKeys = volatileKeys;
      this.epoch = epoch;
    }

    /** Keys in the snapshot. */
    public int size() {
      return keys.length;
    }

    /** Keys in the snapshot that have a TTL. */
    public int volatileCount() {
      return volatileKeys;
    }
  }
}
