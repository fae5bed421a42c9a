package dev.cascade.core.event;

import java.util.Arrays;

/**
 * The pending-event set, ordered by time and then by scheduling order, stored in primitive arrays.
 *
 * <p>Each scheduled event occupies a slot (handler, type, argument, payload, sequence number); the
 * structures below hold slot indices next to their times. The sequence number is read only to break
 * ties between equal times, which keeps equal-time events in FIFO order without widening entries.
 *
 * <p>While few events are pending (fewer than 64, as in a single queue) the list is a 4-ary
 * min-heap. Past that, a calendar tier takes the later events, and the list has four parts:
 *
 * <ul>
 *   <li>the <em>buckets</em>: a rung of unsorted buckets of equal width, each a list of chunks in a
 *       shared primitive pool; an event whose bucket index {@code floor((time - origin) / width)}
 *       falls in the rung is appended to its bucket in O(1);
 *   <li>the <em>overflow</em>: an unsorted list of the events beyond the rung's end;
 *   <li>the <em>run</em>: the contents of the bucket being consumed, sorted when it was taken out
 *       (a counting sort on time, then exact sorting of the tiny groups), read front to back;
 *   <li>the <em>heap</em>: events scheduled into the current bucket's time range after the run was
 *       sorted (the near future: an M/M/1 departure, a short timeout), usually a handful.
 * </ul>
 *
 * The earliest event is the earlier of the heap's top and the run's head. When both are empty the
 * next non-empty bucket becomes the run; when the rung is used up the overflow is partitioned into
 * a new rung whose width is chosen from the pending times so that a bucket holds a few dozen to a
 * thousand events, or goes back into the heap when few events remain. The rung is also rebuilt when
 * the far events double, and when the heap grows past the threshold. So the heap stays tiny however
 * many events are pending (the hold model with a million timers), appends touch few cache lines,
 * and each event is moved a bounded number of times on average: every rebuild is paid for by the
 * additions that preceded it.
 *
 * <p>Ordering is exact: the bucket index is a monotone function of time (one subtraction and one
 * multiplication, both correctly rounded), and the heap takes exactly the times below the least
 * time whose index reaches the current bucket. So every event in the heap or the run is strictly
 * earlier than every event in a bucket or the overflow, events with equal times always share a
 * bucket, and the run's sort and the heap both break ties by sequence number.
 *
 * <p>Cancellation is O(1): it marks the slot free and leaves the entry where it is, to be dropped
 * when it reaches the front. A generation counter per slot makes a handle stale as soon as its
 * event fires or is cancelled, so cancelling twice, or cancelling a fired event, is a no-op. When
 * cancelled entries outnumber live ones, every part is rebuilt without them (amortized O(1) per
 * cancel), which bounds the list at twice the live events even when nearly every timeout is
 * cancelled. Measurements are in docs/PERFORMANCE.md.
 */
public final class EventList {

  /** The handle value that never names an event. */
  public static final long NO_EVENT = 0L;

  private static final int DEFAULT_MIN_COMPACT = 4096;
  private static final int DEFAULT_SPILL = 1 << 6;
  private static final int DEFAULT_PER_BUCKET = 1024;
  private static final int MIN_BUCKETS = 16;
  private static final int MIN_PER_BUCKET = 32;
  private static final int MAX_BUCKETS = 1 << 20;
  private static final int CHUNK_SHIFT = EntryChunks.CHUNK_SHIFT;
  private static final int CHUNK = EntryChunks.CHUNK;
  private static final int NIL = EntryChunks.NIL;
  private static final int UNREGISTERED = HandlerRegistry.UNREGISTERED;

  // Near events: (time, slot) in heapTime/heapSlot. While at most SORTED_LIMIT, they are kept
  // sorted ascending in [head, head + size): the top is at head, a poll advances head and an
  // insertion shifts the later entries (a handful; no unpredictable branches, unlike a sift-down).
  // Past that they form a 4-ary min-heap in [0, size) with head 0; an ascending array is already
  // one, so the switch costs at most a copy to index 0. The heap turns back into a sorted array
  // when it shrinks to SORTED_AGAIN entries.
  private static final int SORTED_LIMIT = 24;
  private static final int SORTED_AGAIN = 6;
  private double[] heapTime;
  private int[] heapSlot;
  private int size;
  private int head;
  private boolean sortedNear = true;

  // Slots: what each pending event carries, laid out so that firing an event without payload
  // touches one cache line. meta holds (type, arg, generation, code) at 4 * slot, where code is 0
  // for a free or cancelled slot, else (handler id << 1 | has payload). While the calendar tier is
  // active, handler ids come from the registry (see HandlerRegistry for why); id 1 means the
  // handler is kept in refs[2 * slot] (the heap-only mode, where the few slots in use keep their
  // garbage-collector cards dirty, or a full registry). refs[2 * slot + 1] holds the payload. The
  // sequence number, read only to break ties, is apart.
  private Object[] refs;
  private int[] meta;
  private long[] seq;
  private int[] freeSlots;
  private int freeCount;
  private int slotCount;

  private long nextSeq;
  private int cancelled;

  private final HandlerRegistry handlers = new HandlerRegistry();

  // Run: the sorted contents of the current bucket, consumed from runPos to runEnd.
  private double[] runTime = new double[0];
  private int[] runSlot = new int[0];
  private int runPos;
  private int runEnd;
  private final RunSort runSort = new RunSort();

  // Calendar tier. An event whose index (time - origin) * invWidth is below cur is in the heap or
  // the run; else it is in bucket floor(index) when that is below bucketCount, else in the
  // overflow. nearLimit is the least time whose index is at least cur, so "time < nearLimit"
  // decides with one comparison; it is +infinity while the tier is inactive.
  private final int spill;
  private final int perBucket;
  private final int minCompact;
  private boolean farActive;
  private double origin;
  private double invWidth;
  private double nearLimit = Double.POSITIVE_INFINITY;
  private int cur;
  private int bucketCount;
  private int[] bucketHead = new int[0];
  private int overflow = NIL;
  private int farCount;
  private int growAt = Integer.MAX_VALUE;
  private long retrySeq;
  // Sum of values read to bring slots into cache when a bucket becomes the run; kept so that the
  // reads are not optimized away.
  private int touch;

  // Times sampled to estimate the spacing of pending events (see spacing()).
  private static final int SAMPLE = 256;
  private final double[] sample = new double[SAMPLE + 1];

  // Buckets and overflow are lists of (time, slot) entries in this pool.
  private final EntryChunks chunks = new EntryChunks();

  /** Creates an empty list sized for {@code initialCapacity} pending events (it grows). */
  public EventList(int initialCapacity) {
    this(initialCapacity, DEFAULT_SPILL, DEFAULT_PER_BUCKET, DEFAULT_MIN_COMPACT);
  }

  /** Creates an empty list with a small initial capacity. */
  public EventList() {
    this(1024);
  }

  /**
   * Creates a list whose calendar tier starts when the heap holds {@code spill} entries and aims at
   * {@code perBucket} events per bucket, and which drops cancelled entries once there are more than
   * {@code minCompact} of them and they are half the list (tests use small values to exercise every
   * part).
   */
  EventList(int initialCapacity, int spill, int perBucket, int minCompact) {
    if (spill < 4 || perBucket < 1 || minCompact < 0) {
      throw new IllegalArgumentException(
          "spill " + spill + ", perBucket " + perBucket + ", minCompact " + minCompact);
    }
    this.spill = spill;
    this.perBucket = perBucket;
    this.minCompact = minCompact;
    int cap = Math.max(16, initialCapacity);
    int heapCap = Math.min(cap, spill + 16);
    heapTime = new double[heapCap];
    heapSlot = new int[heapCap];
    refs = new Object[2 * cap];
    meta = new int[4 * cap];
    seq = new long[cap];
    freeSlots = new int[cap];
  }

  /** Pending events, including cancelled ones not yet dropped. */
  public int size() {
    return size + (runEnd - runPos) + farCount;
  }

  /** Pending events that will still fire. */
  public int liveSize() {
    return size() - cancelled;
  }

  /** Whether no event will fire any more. */
  public boolean isEmpty() {
    return size() == cancelled;
  }

  /**
   * Adds an event.
   *
   * @return a handle for {@link #cancel(long)}; never {@link #NO_EVENT}
   * @throws IllegalArgumentException if {@code time} is not a number
   * @throws NullPointerException if {@code h} is null
   */
  public long add(double time, EventHandler h, int eventType, int eventArg, Object eventPayload) {
    return addWithSequence(time, nextSeq++, h, eventType, eventArg, eventPayload);
  }

  /** Draws the next scheduling sequence number (for structures that order events themselves). */
  long nextSequence() {
    return nextSeq++;
  }

  /** Adds an event that keeps a sequence number drawn earlier by {@link #nextSequence()}. */
  long addWithSequence(
      double time,
      long sequence,
      EventHandler h,
      int eventType,
      int eventArg,
      Object eventPayload) {
    int hid;
    if (!farActive) {
      hid = UNREGISTERED;
    } else if (h instanceof Component c && c.idOwner == this) {
      hid = c.handlerId;
    } else {
      hid = handlers.idOf(h);
      if (h instanceof Component c && hid != UNREGISTERED) {
        c.idOwner = this;
        c.handlerId = hid;
      }
    }
    if (h == null) {
      throw new NullPointerException("event handler");
    }
    int slot = allocateSlot();
    int m = 4 * slot;
    meta[m] = eventType;
    meta[m + 1] = eventArg;
    if (eventPayload == null) {
      meta[m + 3] = hid << 1;
    } else {
      meta[m + 3] = (hid << 1) | 1;
      refs[2 * slot + 1] = eventPayload;
    }
    if (hid == UNREGISTERED) {
      refs[2 * slot] = h;
    }
    seq[slot] = sequence;
    if (time < nearLimit) {
      heapPush(time, slot);
    } else {
      addFar(time, slot);
    }
    return ((long) (meta[m + 2] + 1) << 32) | slot;
  }

  /**
   * Cancels a pending event in O(1). Returns false when the handle is stale (the event already
   * fired or was cancelled) or is {@link #NO_EVENT}.
   */
  public boolean cancel(long handle) {
    if (handle == NO_EVENT) {
      return false;
    }
    int slot = (int) handle;
    int gen = (int) (handle >>> 32);
    if (slot < 0 || slot >= slotCount || meta[4 * slot + 2] + 1 != gen || meta[4 * slot + 3] == 0) {
      return false;
    }
    clear(slot);
    cancelled++;
    if (cancelled > minCompact && cancelled > (size() >>> 1)) {
      compact();
    }
    return true;
  }

  /** Time of the earliest live event, or +infinity when none is pending. */
  public double peekTime() {
    if (runPos == runEnd && size != 0 && meta[4 * heapSlot[head] + 3] != 0) {
      return heapTime[head];
    }
    if (!settle()) {
      return Double.POSITIVE_INFINITY;
    }
    return fromRun() ? runTime[runPos] : heapTime[head];
  }

  /**
   * Removes the earliest live event and returns its slot; read it with the slot accessors, then
   * call {@link #release(int)}. Returns -1 when empty.
   */
  public int pollSlot() {
    if (runPos == runEnd && size != 0 && meta[4 * heapSlot[head] + 3] != 0) {
      int slot = heapSlot[head];
      removeTop();
      return slot;
    }
    if (!settle()) {
      return -1;
    }
    if (fromRun()) {
      return runSlot[runPos++];
    }
    int slot = heapSlot[head];
    removeTop();
    return slot;
  }

  EventHandler handlerOf(int slot) {
    int id = meta[4 * slot + 3] >>> 1;
    return id != UNREGISTERED ? handlers.byId[id] : (EventHandler) refs[2 * slot];
  }

  int typeOf(int slot) {
    return meta[4 * slot];
  }

  int argOf(int slot) {
    return meta[4 * slot + 1];
  }

  Object payloadOf(int slot) {
    return (meta[4 * slot + 3] & 1) != 0 ? refs[2 * slot + 1] : null;
  }

  /** Returns a polled slot to the free list; its handle becomes stale. */
  public void release(int slot) {
    clear(slot);
    freeSlots[freeCount++] = slot;
  }

  /** Whether the calendar tier is in use (for tests). */
  boolean farTierActive() {
    return farActive;
  }

  /** Entries in the heap, including cancelled ones (for tests). */
  int heapSize() {
    return size;
  }

  /** Marks a slot free or cancelled and makes its handles stale. */
  private void clear(int slot) {
    int m = 4 * slot;
    int code = meta[m + 3];
    if ((code & 1) != 0) {
      refs[2 * slot + 1] = null;
    }
    if ((code >>> 1) == UNREGISTERED) {
      refs[2 * slot] = null;
    }
    meta[m + 3] = 0;
    meta[m + 2]++;
  }

  /** Whether a slot's event was cancelled (or the slot is free). */
  private boolean dead(int slot) {
    return meta[4 * slot + 3] == 0;
  }

  /**
   * Drops cancelled entries at the front of the heap and the run, refilling the run from the
   * buckets when both are empty. Returns false when no live event is pending.
   */
  private boolean settle() {
    while (true) {
      dropCancelledTop();
      while (runPos < runEnd && dead(runSlot[runPos])) {
        freeSlots[freeCount++] = runSlot[runPos++];
        cancelled--;
      }
      if (size > 0 || runPos < runEnd) {
        return true;
      }
      if (farCount == 0) {
        if (farActive) {
          foldIntoHeap(NIL);
        }
        return false;
      }
      refill();
    }
  }

  /** Whether the run's head is earlier than the heap's top (both live, one at least present). */
  private boolean fromRun() {
    if (runPos == runEnd) {
      return false;
    }
    if (size == 0) {
      return true;
    }
    double rt = runTime[runPos];
    double ht = heapTime[head];
    return rt < ht || (rt == ht && seq[runSlot[runPos]] < seq[heapSlot[head]]);
  }

  private void dropCancelledTop() {
    while (size > 0 && dead(heapSlot[head])) {
      int slot = heapSlot[head];
      removeTop();
      cancelled--;
      freeSlots[freeCount++] = slot;
    }
  }

  private int allocateSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotCount == seq.length) {
      int cap = slotCount * 2;
      refs = Arrays.copyOf(refs, 2 * cap);
      meta = Arrays.copyOf(meta, 4 * cap);
      seq = Arrays.copyOf(seq, cap);
      freeSlots = Arrays.copyOf(freeSlots, cap);
    }
    return slotCount++;
  }

  // ---------------------------------------------------------------------------------------------
  // Heap.

  private void heapPush(double time, int slot) {
    nearInsert(time, slot);
    if (size >= spill && nextSeq >= retrySeq) {
      spillHeap();
    }
  }

  /** Inserts a near entry: into the sorted array while it is small, else into the heap. */
  private void nearInsert(double time, int slot) {
    if (sortedNear && size < SORTED_LIMIT) {
      sortedInsert(time, slot);
      return;
    }
    toHeap();
    if (size == heapTime.length) {
      growHeap(size + 1);
    }
    siftUp(size++, time, slot);
  }

  private void sortedInsert(double t, int slot) {
    double[] ht = heapTime;
    int[] hs = heapSlot;
    if (head > 0 && (size == 0 || before(t, slot, ht[head], hs[head]))) {
      head--;
      ht[head] = t;
      hs[head] = slot;
      size++;
      return;
    }
    int end = head + size;
    if (end == ht.length) {
      if (head > 0) {
        System.arraycopy(ht, head, ht, 0, size);
        System.arraycopy(hs, head, hs, 0, size);
        head = 0;
        end = size;
      } else {
        growHeap(size + 1);
        ht = heapTime;
        hs = heapSlot;
      }
    }
    int j = end;
    while (j > head) {
      double pt = ht[j - 1];
      if (pt < t || (pt == t && seq[hs[j - 1]] < seq[slot])) {
        break;
      }
      ht[j] = pt;
      hs[j] = hs[j - 1];
      j--;
    }
    ht[j] = t;
    hs[j] = slot;
    size++;
  }

  /** Makes the near entries a heap in [0, size) (a sorted array is one already). */
  private void toHeap() {
    if (sortedNear) {
      if (head != 0) {
        System.arraycopy(heapTime, head, heapTime, 0, size);
        System.arraycopy(heapSlot, head, heapSlot, 0, size);
        head = 0;
      }
      sortedNear = false;
    }
  }

  /** Turns a small heap back into a sorted array (insertion sort). */
  private void toSorted() {
    double[] ht = heapTime;
    int[] hs = heapSlot;
    for (int i = 1; i < size; i++) {
      double t = ht[i];
      int slot = hs[i];
      int j = i;
      while (j > 0 && before(t, slot, ht[j - 1], hs[j - 1])) {
        ht[j] = ht[j - 1];
        hs[j] = hs[j - 1];
        j--;
      }
      ht[j] = t;
      hs[j] = slot;
    }
    head = 0;
    sortedNear = true;
  }

  private void growHeap(int needed) {
    int cap = Math.max(needed, heapTime.length * 2);
    heapTime = Arrays.copyOf(heapTime, cap);
    heapSlot = Arrays.copyOf(heapSlot, cap);
  }

  private boolean before(double t1, int s1, double t2, int s2) {
    return t1 < t2 || (t1 == t2 && seq[s1] < seq[s2]);
  }

  private void siftUp(int pos, double t, int slot) {
    double[] ht = heapTime;
    int[] hs = heapSlot;
    while (pos > 0) {
      int parent = (pos - 1) >>> 2;
      double pt = ht[parent];
      if (pt < t || (pt == t && seq[hs[parent]] < seq[slot])) {
        break;
      }
      ht[pos] = pt;
      hs[pos] = hs[parent];
      pos = parent;
    }
    ht[pos] = t;
    hs[pos] = slot;
  }

  private void removeTop() {
    if (sortedNear) {
      head = --size == 0 ? 0 : head + 1;
      return;
    }
    int last = --size;
    if (last == 0) {
      sortedNear = true;
      return;
    }
    siftDown(0, heapTime[last], heapSlot[last]);
    if (last <= SORTED_AGAIN) {
      toSorted();
    }
  }

  private void siftDown(int pos, double t, int slot) {
    double[] ht = heapTime;
    int[] hs = heapSlot;
    int n = size;
    while (true) {
      int first = (pos << 2) + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      double bt = ht[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        double ct = ht[c];
        if (ct < bt || (ct == bt && seq[hs[c]] < seq[hs[best]])) {
          best = c;
          bt = ct;
        }
      }
      if (before(t, slot, bt, hs[best])) {
        break;
      }
      ht[pos] = bt;
      hs[pos] = hs[best];
      pos = best;
    }
    ht[pos] = t;
    hs[pos] = slot;
  }

  /**
   * Restores order over all near entries: a sorted array when they are few (insertion sort), else
   * heap order in O(n) (bottom-up).
   */
  private void heapify() {
    toHeap();
    if (size <= SORTED_LIMIT) {
      toSorted();
      return;
    }
    int n = size;
    for (int i = (n - 2) >>> 2; n > 1 && i >= 0; i--) {
      siftDown(i, heapTime[i], heapSlot[i]);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Calendar tier: buckets, overflow and run.

  private void addFar(double time, int slot) {
    if (Double.isNaN(time)) {
      clear(slot);
      freeSlots[freeCount++] = slot;
      throw new IllegalArgumentException("event time is not a number");
    }
    if (!farActive) {
      // +infinity while the tier is off.
      nearInsert(time, slot);
      return;
    }
    double index = (time - origin) * invWidth;
    if (index < bucketCount) {
      int b = (int) index;
      bucketHead[b] = chunks.push(bucketHead[b], time, slot);
    } else {
      overflow = chunks.push(overflow, time, slot);
    }
    if (++farCount > growAt) {
      int count = farCount;
      partition(gatherFar(), count, Double.NaN);
    }
  }

  /**
   * Makes the next non-empty bucket the run (heap and run are empty), or, when the rung is used up,
   * partitions the overflow into a new rung (or back into the heap when few events remain).
   */
  private void refill() {
    while (cur < bucketCount) {
      int c = bucketHead[cur];
      bucketHead[cur] = NIL;
      cur++;
      if (c != NIL) {
        updateNearLimit();
        farCount -= bucketIntoRun(c);
        return;
      }
    }
    int chain = overflow;
    int count = farCount;
    overflow = NIL;
    farCount = 0;
    partition(chain, count, Double.NaN);
  }

  /**
   * Moves a bucket's live entries into the (empty) run and sorts it; frees the cancelled ones and
   * the chunks. Returns the number of entries the bucket held. Reading each slot's lines here, in a
   * loop of independent loads, brings them into cache together instead of one stall per event when
   * it fires.
   */
  private int bucketIntoRun(int chain) {
    int total = chunks.size(chain);
    if (runTime.length < total) {
      int cap = Math.max(total, 2 * runTime.length);
      runTime = new double[cap];
      runSlot = new int[cap];
    }
    double[] rt = runTime;
    int[] rs = runSlot;
    int n = 0;
    int touched = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int c = chain;
    while (c != NIL) {
      int base = c << CHUNK_SHIFT;
      for (int i = base, end = base + chunks.fill[c]; i < end; i++) {
        int slot = chunks.slot[i];
        if (meta[4 * slot + 3] == 0) {
          cancelled--;
          freeSlots[freeCount++] = slot;
        } else {
          touched += (int) seq[slot];
          double t = chunks.time[i];
          min = Math.min(min, t);
          max = Math.max(max, t);
          rt[n] = t;
          rs[n] = slot;
          n++;
        }
      }
      int next = chunks.next[c];
      chunks.free(c);
      c = next;
    }
    touch += touched;
    runSort.sort(rt, rs, n, seq, min, max);
    runPos = 0;
    runEnd = n;
    return total;
  }

  /**
   * Moves the heap, the run and every far entry into a new rung whose width is estimated from the
   * heap's times (the heap outgrew the threshold: its events are the ones to spread).
   */
  private void spillHeap() {
    toHeap();
    int n = size;
    double min = Double.POSITIVE_INFINITY;
    double sum = 0;
    int finite = 0;
    int sampled = 0;
    int stride = Math.max(1, (n + SAMPLE - 1) / SAMPLE);
    int gap = 0;
    double[] ht = heapTime;
    for (int i = 0; i < n; i++) {
      double t = ht[i];
      if (t != Double.POSITIVE_INFINITY && t != Double.NEGATIVE_INFINITY) {
        min = Math.min(min, t);
        sum += t;
        if (--gap <= 0 && sampled < SAMPLE) {
          gap = stride;
          sample[sampled++] = t;
        }
        finite++;
      }
    }
    double spacing = spacing(min, sum, finite, sampled);
    int count = farCount + n + (runEnd - runPos);
    int chain = gatherFar();
    for (int i = 0; i < n; i++) {
      chain = chunks.push(chain, ht[i], heapSlot[i]);
    }
    size = 0;
    sortedNear = true;
    for (int i = runPos; i < runEnd; i++) {
      chain = chunks.push(chain, runTime[i], runSlot[i]);
    }
    runPos = 0;
    runEnd = 0;
    partition(chain, count, spacing);
  }

  /** Joins every bucket and the overflow into one list, leaving them empty. */
  private int gatherFar() {
    int chain = overflow;
    overflow = NIL;
    for (int b = cur; b < bucketCount; b++) {
      int c = bucketHead[b];
      if (c != NIL) {
        bucketHead[b] = NIL;
        chain = chunks.join(c, chain);
      }
    }
    cur = 0;
    bucketCount = 0;
    farCount = 0;
    return chain;
  }

  /**
   * Distributes the {@code count} entries of {@code chain} (all later than every entry of the heap
   * and the run) into a new rung, or into the heap when they are few or their times cannot be
   * spread. The bucket width aims at {@code min(perBucket, max(32, count / 16))} events per bucket
   * at the front: {@code spacing} is the estimated mean gap between consecutive times there, NaN to
   * estimate it from the entries themselves ({@link #spacing}: the median's distance from the
   * earliest over half their number, from a sample of about 256 of them).
   */
  private void partition(int chain, int count, double spacing) {
    retrySeq = nextSeq + count;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    int finite = 0;
    int sampled = 0;
    boolean estimate = !(spacing > 0);
    // Sample about SAMPLE times: the first `take` entries of every `stride`-th chunk.
    int chunkCount = (count + CHUNK - 1) >>> CHUNK_SHIFT;
    int stride = Math.max(1, chunkCount / SAMPLE);
    int take = Math.min(CHUNK, Math.max(1, (SAMPLE + chunkCount - 1) / Math.max(1, chunkCount)));
    int gap = 0;
    for (int c = chain; c != NIL; c = chunks.next[c]) {
      int base = c << CHUNK_SHIFT;
      int end = base + chunks.fill[c];
      if (estimate && --gap <= 0) {
        gap = stride;
        for (int i = base, stop = Math.min(end, base + take); i < stop && sampled < SAMPLE; i++) {
          double t = chunks.time[i];
          if (t != Double.POSITIVE_INFINITY && t != Double.NEGATIVE_INFINITY) {
            sample[sampled++] = t;
          }
        }
      }
      for (int i = base; i < end; i++) {
        double t = chunks.time[i];
        if (t != Double.POSITIVE_INFINITY && t != Double.NEGATIVE_INFINITY) {
          min = Math.min(min, t);
          max = Math.max(max, t);
          sum += t;
          finite++;
        }
      }
    }
    if (estimate) {
      spacing = spacing(min, sum, finite, sampled);
    }
    // Fewer events per bucket when few are pending, so that the heap of near events stays small.
    int target = Math.min(perBucket, Math.max(MIN_PER_BUCKET, count / 16));
    double inv = 1.0 / (spacing * target);
    if (count <= (spill >>> 2) || !(inv > 0 && inv < Double.POSITIVE_INFINITY)) {
      foldIntoHeap(chain);
      return;
    }
    int cap = (int) Math.min(MAX_BUCKETS, Math.max(MIN_BUCKETS, 4L * count / target));
    double span = (max - min) * inv;
    int buckets = span < cap - 1 ? (int) span + 1 : cap;
    if (bucketHead.length < buckets) {
      bucketHead = new int[Math.max(buckets, Math.min(cap, bucketHead.length * 2))];
      Arrays.fill(bucketHead, NIL);
    }
    farActive = true;
    origin = min;
    invWidth = inv;
    cur = 0;
    bucketCount = buckets;
    updateNearLimit();
    int heapBefore = size;
    int far = 0;
    int c = chain;
    while (c != NIL) {
      int base = c << CHUNK_SHIFT;
      for (int i = base, end = base + chunks.fill[c]; i < end; i++) {
        double t = chunks.time[i];
        int slot = chunks.slot[i];
        double index = (t - min) * inv;
        if (index < 0) {
          // Minus infinity: earlier than any bucket.
          heapAppend(t, slot);
        } else if (index < buckets) {
          int b = (int) index;
          bucketHead[b] = chunks.push(bucketHead[b], t, slot);
          far++;
        } else {
          overflow = chunks.push(overflow, t, slot);
          far++;
        }
      }
      int next = chunks.next[c];
      chunks.free(c);
      c = next;
    }
    farCount = far;
    growAt = Math.max(spill, 2 * far);
    if (size != heapBefore) {
      heapify();
    }
  }

  /**
   * The mean spacing of {@code finite} pending times from {@code min}, estimated from the median of
   * the {@code sampled} times in {@link #sample}: {@code (median - min) / (finite / 2)}. The
   * median, unlike the mean, ignores the few far events a model always has (the end of a fault
   * twenty minutes on, the next metrics sample): with a hundred events pending within milliseconds
   * and one at +20 min, the mean put 99 of them in the first bucket. When at least half the times
   * are equal to the least, the mean's estimate {@code (mean - min) / finite} is used.
   */
  private double spacing(double min, double sum, int finite, int sampled) {
    if (finite == 0) {
      return Double.NaN;
    }
    double byMean = (sum / finite - min) / finite;
    if (sampled < 2) {
      return byMean;
    }
    double median = select(sample, sampled, sampled >>> 1);
    double byMedian = (median - min) / (finite * 0.5);
    return byMedian > 0 ? byMedian : byMean;
  }

  /** The {@code k}-th smallest of {@code a[0, n)} (reorders them); quickselect. */
  private static double select(double[] a, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      double pivot = a[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  /** Moves a list into the heap and turns the calendar tier off. */
  private void foldIntoHeap(int chain) {
    farActive = false;
    origin = 0;
    invWidth = 0;
    nearLimit = Double.POSITIVE_INFINITY;
    cur = 0;
    bucketCount = 0;
    farCount = 0;
    growAt = Integer.MAX_VALUE;
    int c = chain;
    while (c != NIL) {
      int base = c << CHUNK_SHIFT;
      for (int i = base, end = base + chunks.fill[c]; i < end; i++) {
        heapAppend(chunks.time[i], chunks.slot[i]);
      }
      int next = chunks.next[c];
      chunks.free(c);
      c = next;
    }
    heapify();
  }

  /** Appends an entry without restoring heap order; callers heapify afterwards. */
  private void heapAppend(double time, int slot) {
    toHeap();
    if (size == heapTime.length) {
      growHeap(size + 1);
    }
    heapTime[size] = time;
    heapSlot[size] = slot;
    size++;
  }

  /**
   * Sets nearLimit to the least time whose index is at least cur. The index is monotone in time, so
   * the times below nearLimit are exactly those whose index is below cur. Starts from the
   * arithmetic boundary and walks by ulps; falls back to bisection over the ordered doubles.
   */
  private void updateNearLimit() {
    double c = cur;
    double t = origin + c / invWidth;
    if (t > Double.NEGATIVE_INFINITY && t < Double.POSITIVE_INFINITY) {
      for (int steps = 0; steps < 16; steps++) {
        if ((t - origin) * invWidth < c) {
          t = Math.nextUp(t);
        } else if ((Math.nextDown(t) - origin) * invWidth >= c) {
          t = Math.nextDown(t);
        } else {
          nearLimit = t;
          return;
        }
      }
    }
    long lo = orderedBits(-Double.MAX_VALUE);
    long hi = orderedBits(Double.POSITIVE_INFINITY);
    while (lo < hi - 1) {
      // Floor of the mean without overflow: the keys span most of the long range.
      long mid = (lo & hi) + ((lo ^ hi) >> 1);
      if ((fromOrderedBits(mid) - origin) * invWidth < c) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    nearLimit = fromOrderedBits(hi);
  }

  /** Maps doubles (not NaN) to longs in the same order. */
  private static long orderedBits(double x) {
    long bits = Double.doubleToLongBits(x);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  private static double fromOrderedBits(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }

  // ---------------------------------------------------------------------------------------------
  // Compaction.

  /** Drops every cancelled entry from every part; the heap is rebuilt bottom-up in O(n). */
  private void compact() {
    toHeap();
    int n = 0;
    for (int i = 0; i < size; i++) {
      int slot = heapSlot[i];
      if (dead(slot)) {
        freeSlots[freeCount++] = slot;
      } else {
        heapTime[n] = heapTime[i];
        heapSlot[n] = slot;
        n++;
      }
    }
    size = n;
    heapify();
    int r = 0;
    for (int i = runPos; i < runEnd; i++) {
      int slot = runSlot[i];
      if (dead(slot)) {
        freeSlots[freeCount++] = slot;
      } else {
        runTime[r] = runTime[i];
        runSlot[r] = slot;
        r++;
      }
    }
    runPos = 0;
    runEnd = r;
    if (farActive) {
      int freedBefore = freeCount;
      for (int b = cur; b < bucketCount; b++) {
        if (bucketHead[b] != NIL) {
          bucketHead[b] = dropCancelled(bucketHead[b]);
        }
      }
      overflow = dropCancelled(overflow);
      farCount -= freeCount - freedBefore;
    }
    cancelled = 0;
  }

  /** Rewrites a list without its cancelled entries (in place, front to back); returns its head. */
  private int dropCancelled(int head) {
    if (head == NIL) {
      return NIL;
    }
    int write = head;
    int w = 0;
    int kept = 0;
    for (int c = head; c != NIL; c = chunks.next[c]) {
      int base = c << CHUNK_SHIFT;
      for (int i = base, end = base + chunks.fill[c]; i < end; i++) {
        int slot = chunks.slot[i];
        if (dead(slot)) {
          freeSlots[freeCount++] = slot;
          continue;
        }
        if (w == CHUNK) {
          chunks.fill[write] = CHUNK;
          write = chunks.next[write];
          w = 0;
        }
        int to = (write << CHUNK_SHIFT) + w++;
        chunks.time[to] = chunks.time[i];
        chunks.slot[to] = slot;
        kept++;
      }
    }
    if (kept == 0) {
      chunks.freeList(head);
      return NIL;
    }
    chunks.fill[write] = w;
    chunks.freeList(chunks.next[write]);
    chunks.next[write] = NIL;
    return head;
  }
}
