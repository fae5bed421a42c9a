package dev.cascade.model.redis;

import java.util.Arrays;

/**
 * Redis's eviction pool ({@code EvictionPoolLRU} in evict.c, Redis 3.0 and later): the {@value
 * #SIZE} best eviction candidates seen across samplings, kept in ascending order of idle time, so
 * the best candidate is the rightmost occupied entry. {@link #offer} is the insertion step of
 * {@code evictionPoolPopulate} move for move, including its tie rule (a new key goes left of
 * entries with an equal idle time) and its treatment of a full pool (the entry with the smallest
 * idle time falls off the left). Entries are not removed when their key is deleted or touched: the
 * idle time is the one measured when the key was sampled, and {@link KeyCache} skips entries whose
 * key is no longer a candidate ("ghosts"), as {@code performEvictions} does.
 */
final class KeyEvictionPool {

  /** {@code EVPOOL_SIZE}. */
  static final int SIZE = 16;

  /** Marks an empty entry ({@code pool[k].key == NULL}). */
  static final int EMPTY = -1;

  private final int[] keys = new int[SIZE];
  private final long[] idle = new long[SIZE];

  KeyEvictionPool() {
    clear();
  }

  /** Empties every entry. */
  void clear() {
    Arrays.fill(keys, EMPTY);
    Arrays.fill(idle, 0L);
  }

  /**
   * Offers a sampled key with its idle time (milliseconds, >= 0), exactly as one iteration of the
   * sampling loop of {@code evictionPoolPopulate}.
   */
  void offer(int key, long idleMillis) {
    int k = 0;
    while (k < SIZE && keys[k] != EMPTY && idle[k] < idleMillis) {
      k++;
    }
    if (k == 0 && keys[SIZE - 1] != EMPTY) {
      // No better than the worst candidate of a full pool.
      return;
    } else if (k < SIZE && keys[k] == EMPTY) {
      // Inserting into an empty position: nothing to move.
    } else if (keys[SIZE - 1] == EMPTY) {
      // Free space on the right: shift k..SIZE-2 one to the right.
      System.arraycopy(keys, k, keys, k + 1, SIZE - k - 1);
      System.arraycopy(idle, k, idle, k + 1, SIZE - k - 1);
    } else {
      // Full: insert at k-1, shifting 1..k-1 one to the left (the smallest idle time drops out).
      k--;
      System.arraycopy(keys, 1, keys, 0, k);
      System.arraycopy(idle, 1, idle, 0, k);
    }
    keys[k] = key;
    idle[k] = idleMillis;
  }

  /** The key of entry {@code k}, or {@link #EMPTY}. */
  int key(int k) {
    return keys[k];
  }

  /** The idle time of entry {@code k} when it was sampled, in milliseconds. */
  long idle(int k) {
    return idle[k];
  }

  /** Empties entry {@code k} (the key was taken, or was a ghost). */
  void remove(int k) {
    keys[k] = EMPTY;
    idle[k] = 0L;
  }

  /**
   * Checks that the occupied entries form a prefix of the pool (candidates are only ever taken from
   * the right end of it), in ascending order of idle time, with keys in [0, keySpace).
   */
  void checkInvariants(int keySpace) {
    long previous = Long.MIN_VALUE;
    boolean seenEmpty = false;
    for (int k = 0; k < SIZE; k++) {
      if (keys[k] == EMPTY) {
        seenEmpty = true;
        continue;
      }
      if (seenEmpty) {
        throw new IllegalStateException("eviction pool has a gap before entry " + k);
      }
      if (keys[k] < 0 || keys[k] >= keySpace) {
        throw new IllegalStateException("eviction pool entry " + k + " holds key " + keys[k]);
      }
      if (idle[k] < previous) {
        throw new IllegalStateException("eviction pool not in ascending idle order at " + k);
      }
      previous = idle[k];
    }
  }
}
