package dev.cascade.core.event;

import java.util.Arrays;

/**
 * Unsorted lists of event entries, (time, slot) pairs, in chunks of a shared primitive pool: the
 * buckets and the overflow of {@link EventList}'s calendar tier. Appending is O(1) and touches one
 * chunk; reading a list is sequential within each chunk; freed chunks are reused first, while they
 * are still in cache.
 *
 * <p>Chunk {@code c} holds up to {@link #CHUNK} entries at {@code c << CHUNK_SHIFT} in {@link
 * #time} and {@link #slot}, how many in {@link #fill}, and the next chunk of its list in {@link
 * #next}. A list is named by its first chunk, the one appended to ({@link #NIL} when empty); chunks
 * further down may be partly filled after lists are joined. The arrays are read directly by the
 * event list and may be replaced when the pool grows, so readers load them again after a push.
 */
final class EntryChunks {

  static final int CHUNK_SHIFT = 5;
  static final int CHUNK = 1 << CHUNK_SHIFT;
  static final int NIL = -1;

  double[] time = new double[0];
  int[] slot = new int[0];
  int[] next = new int[0];
  int[] fill = new int[0];

  private int[] freeChunks = new int[0];
  private int freeCount;
  private int count;

  /** Appends an entry to the list starting at {@code head}; returns the list's new first chunk. */
  int push(int head, double t, int s) {
    int c = head;
    if (c == NIL || fill[c] == CHUNK) {
      c = allocate();
      next[c] = head;
    }
    int i = (c << CHUNK_SHIFT) + fill[c]++;
    time[i] = t;
    slot[i] = s;
    return c;
  }

  /** Puts list {@code b} after list {@code a}; returns the joined list. */
  int join(int a, int b) {
    if (a == NIL) {
      return b;
    }
    int tail = a;
    while (next[tail] != NIL) {
      tail = next[tail];
    }
    next[tail] = b;
    return a;
  }

  /** Entries in a list. */
  int size(int head) {
    int n = 0;
    for (int c = head; c != NIL; c = next[c]) {
      n += fill[c];
    }
    return n;
  }

  /** Returns a chunk to the pool (its list must not be read through it any more). */
  void free(int c) {
    freeChunks[freeCount++] = c;
  }

  /** Returns every chunk of a list to the pool. */
  void freeList(int head) {
    for (int c = head; c != NIL; ) {
      int n = next[c];
      free(c);
      c = n;
    }
  }

  private int allocate() {
    int c;
    if (freeCount > 0) {
      c = freeChunks[--freeCount];
    } else {
      if (count == next.length) {
        int cap = Math.max(64, count * 2);
        time = Arrays.copyOf(time, cap << CHUNK_SHIFT);
        slot = Arrays.copyOf(slot, cap << CHUNK_SHIFT);
        next = Arrays.copyOf(next, cap);
        fill = Arrays.copyOf(fill, cap);
        freeChunks = Arrays.copyOf(freeChunks, cap);
      }
      c = count++;
    }
    fill[c] = 0;
    return c;
  }
}
