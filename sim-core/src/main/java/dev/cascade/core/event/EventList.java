package dev.cascade.core.event;

import java.util.Arrays;

/**
 * The pending-event set: a 4-ary min-heap of event slots, ordered by time and then by scheduling
 * order, stored in primitive arrays.
 *
 * <p>Each scheduled event occupies a slot (handler, type, argument, payload, sequence number); the
 * heap holds slot indices next to their times, so sift operations touch two flat arrays. The
 * sequence number is read only to break ties between equal times, which keeps equal-time events in
 * FIFO order without widening the heap entries.
 *
 * <p>Cancellation is O(1): it clears the slot's handler and leaves the entry in the heap, to be
 * dropped when it reaches the top. A generation counter per slot makes a handle stale as soon as
 * its event fires or is cancelled, so cancelling twice, or cancelling a fired event, is a no-op.
 * When cancelled entries outnumber live ones the heap is rebuilt without them (amortized O(1) per
 * cancel), which bounds the heap at twice the live events even when nearly every timeout is
 * cancelled. A 4-ary heap was chosen over a binary heap for its shallower depth and better cache
 * use on sift-down; measurements are in docs/PERFORMANCE.md.
 */
public final class EventList {

  /** The handle value that never names an event. */
  public static final long NO_EVENT = 0L;

  private static final int MIN_COMPACT = 4096;

  // Heap: position -> (time, slot).
  private double[] heapTime;
  private int[] heapSlot;
  private int size;

  // Slots: what each pending event carries.
  private EventHandler[] handler;
  private int[] type;
  private int[] arg;
  private Object[] payload;
  private long[] seq;
  private int[] generation;
  private int[] freeSlots;
  private int freeCount;
  private int slotCount;

  private long nextSeq;
  private int cancelled;

  /** Creates an empty list sized for {@code initialCapacity} pending events (it grows). */
  public EventList(int initialCapacity) {
    int cap = Math.max(16, initialCapacity);
    heapTime = new double[cap];
    heapSlot = new int[cap];
    handler = new EventHandler[cap];
    type = new int[cap];
    arg = new int[cap];
    payload = new Object[cap];
    seq = new long[cap];
    generation = new int[cap];
    Arrays.fill(generation, 1);
    freeSlots = new int[cap];
  }

  /** Creates an empty list with a small initial capacity. */
  public EventList() {
    this(1024);
  }

  /** Pending events, including cancelled ones not yet dropped. */
  public int size() {
    return size;
  }

  /** Pending events that will still fire. */
  public int liveSize() {
    return size - cancelled;
  }

  /** Whether no event will fire any more. */
  public boolean isEmpty() {
    return size == cancelled;
  }

  /**
   * Adds an event.
   *
   * @return a handle for {@link #cancel(long)}; never {@link #NO_EVENT}
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
    int slot = allocateSlot();
    handler[slot] = h;
    type[slot] = eventType;
    arg[slot] = eventArg;
    payload[slot] = eventPayload;
    seq[slot] = sequence;
    if (size == heapTime.length) {
      heapTime = Arrays.copyOf(heapTime, size * 2);
      heapSlot = Arrays.copyOf(heapSlot, size * 2);
    }
    siftUp(size++, time, slot);
    return ((long) generation[slot] << 32) | slot;
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
    if (slot < 0 || slot >= slotCount || generation[slot] != gen || handler[slot] == null) {
      return false;
    }
    handler[slot] = null;
    payload[slot] = null;
    generation[slot]++;
    cancelled++;
    if (cancelled > MIN_COMPACT && cancelled > (size >>> 1)) {
      compact();
    }
    return true;
  }

  /** Time of the earliest live event, or +infinity when none is pending. */
  public double peekTime() {
    dropCancelledTop();
    return size == 0 ? Double.POSITIVE_INFINITY : heapTime[0];
  }

  /**
   * Removes the earliest live event and returns its slot; read it with the slot accessors, then
   * call {@link #release(int)}. Returns -1 when empty.
   */
  public int pollSlot() {
    dropCancelledTop();
    if (size == 0) {
      return -1;
    }
    int slot = heapSlot[0];
    removeTop();
    return slot;
  }

  EventHandler handlerOf(int slot) {
    return handler[slot];
  }

  int typeOf(int slot) {
    return type[slot];
  }

  int argOf(int slot) {
    return arg[slot];
  }

  Object payloadOf(int slot) {
    return payload[slot];
  }

  /** Returns a polled slot to the free list; its handle becomes stale. */
  public void release(int slot) {
    handler[slot] = null;
    payload[slot] = null;
    generation[slot]++;
    freeSlots[freeCount++] = slot;
  }

  private void dropCancelledTop() {
    while (size > 0 && handler[heapSlot[0]] == null) {
      int slot = heapSlot[0];
      removeTop();
      cancelled--;
      freeSlots[freeCount++] = slot;
    }
  }

  private int allocateSlot() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotCount == handler.length) {
      int cap = slotCount * 2;
      handler = Arrays.copyOf(handler, cap);
      type = Arrays.copyOf(type, cap);
      arg = Arrays.copyOf(arg, cap);
      payload = Arrays.copyOf(payload, cap);
      seq = Arrays.copyOf(seq, cap);
      int old = generation.length;
      generation = Arrays.copyOf(generation, cap);
      Arrays.fill(generation, old, cap, 1);
      freeSlots = Arrays.copyOf(freeSlots, cap);
    }
    return slotCount++;
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
    int last = --size;
    if (last == 0) {
      return;
    }
    siftDown(0, heapTime[last], heapSlot[last]);
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

  /** Drops every cancelled entry and rebuilds the heap bottom-up in O(n). */
  private void compact() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      int slot = heapSlot[i];
      if (handler[slot] == null) {
        freeSlots[freeCount++] = slot;
      } else {
        heapTime[n] = heapTime[i];
        heapSlot[n] = slot;
        n++;
      }
    }
    size = n;
    cancelled = 0;
    for (int i = (n - 2) >>> 2; n > 1 && i >= 0; i--) {
      siftDown(i, heapTime[i], heapSlot[i]);
    }
  }
}
