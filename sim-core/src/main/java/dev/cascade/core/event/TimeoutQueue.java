package dev.cascade.core.event;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Timers that all share one delay: a client timeout, a cache-call timeout, a connection acquire
 * timeout. Because every timer is armed at "now + delay" and now never decreases, the timers of one
 * queue expire in the order they were armed, so a FIFO keeps them sorted for free: arming is an
 * append, cancelling marks the timer, and only the queue's earliest live timer sits in the
 * simulation's event list.
 *
 * <p>This takes the arm-and-cancel traffic of timeouts (almost every request arms one, and almost
 * all are cancelled) off the event heap. Ordering is exactly that of one event list: the proxy
 * event carries the original scheduling sequence number of the timer it stands for, so a timeout
 * that ties with another event fires in scheduling order.
 *
 * <p>Layout. The FIFO is a linked list of chunks of {@value #CHUNK} timers, each chunk a stretch of
 * primitive arrays written front to back. A chunk whose timers have all fired or been cancelled
 * leaves the list at once and is reused next (LIFO), so the memory a queue touches is proportional
 * to the chunks holding live timers, not to the delay times the arming rate: a 30 s connection
 * acquire timeout armed 40,000 times a second and cancelled within milliseconds cycles through a
 * few chunks that stay in cache, instead of streaming through a million-entry ring. A handle names
 * the timer's position and its chunk's generation (bumped when the chunk is freed), so it goes
 * stale when the timer fires or is cancelled. Handlers are kept as small ints (a queue has one or a
 * few), so arming stores one reference (the payload), not two.
 */
public final class TimeoutQueue extends Component {

  private static final int SHIFT = 6;
  private static final int CHUNK = 1 << SHIFT;
  private static final int NIL = -1;
  private static final int NO_HANDLER = 0;

  private final Simulation sim;
  private final double delay;

  // Timers, at (chunk << SHIFT) + index. hid is NO_HANDLER once a timer fired or was cancelled.
  private double[] due;
  private long[] seq;
  private int[] type;
  private int[] arg;
  private int[] hid;
  private Object[] payload;

  // Chunks: how many timers were written, how many are live, generation, FIFO links.
  private int[] fill;
  private int[] liveIn;
  private int[] gen;
  private int[] next;
  private int[] prev;
  private int[] freeChunks;
  private int freeCount;
  private int chunkCount;
  private int headChunk = NIL;
  private int tailChunk = NIL;
  private int headPos;
  private int live;

  // Handlers by id (id 0 is "none").
  private EventHandler[] handlers = new EventHandler[4];
  private int handlerCount = 1;
  private EventHandler lastHandler;
  private int lastHandlerId = NO_HANDLER;
  private Map<EventHandler, Integer> handlerIds;

  private boolean proxyPending;
  private int proxyEntry = NIL;
  private int proxyGen;

  TimeoutQueue(Simulation sim, double delay) {
    if (!(delay >= 0)) {
      throw new IllegalArgumentException("negative timeout delay " + delay);
    }
    this.sim = sim;
    this.delay = delay;
    int chunks = 4;
    int cap = chunks << SHIFT;
    due = new double[cap];
    seq = new long[cap];
    type = new int[cap];
    arg = new int[cap];
    hid = new int[cap];
    payload = new Object[cap];
    fill = new int[chunks];
    liveIn = new int[chunks];
    gen = new int[chunks];
    next = new int[chunks];
    prev = new int[chunks];
    freeChunks = new int[chunks];
  }

  /** The delay every timer of this queue waits. */
  public double delay() {
    return delay;
  }

  /** Timers armed and neither fired nor cancelled. */
  public int live() {
    return live;
  }

  /** Chunks in the FIFO (for tests: the memory in use is this times {@value #CHUNK} timers). */
  int chunksInUse() {
    int n = 0;
    for (int c = headChunk; c != NIL; c = next[c]) {
      n++;
    }
    return n;
  }

  /**
   * Arms a timer that fires {@link #delay()} seconds from now, delivering {@code (type, arg,
   * payload)} to {@code h}.
   *
   * @return a handle for {@link #cancel(long)}, never {@link EventList#NO_EVENT}
   * @throws NullPointerException if {@code h} is null
   */
  public long arm(EventHandler h, int eventType, int eventArg, Object eventPayload) {
    int id = h == lastHandler ? lastHandlerId : handlerIdOf(h);
    int c = tailChunk;
    if (c == NIL || fill[c] == CHUNK) {
      c = appendChunk();
    }
    int e = (c << SHIFT) + fill[c]++;
    due[e] = sim.now() + delay;
    seq[e] = sim.nextSequence();
    type[e] = eventType;
    arg[e] = eventArg;
    hid[e] = id;
    if (eventPayload != null) {
      payload[e] = eventPayload;
    }
    liveIn[c]++;
    live++;
    if (!proxyPending) {
      // Nothing was live: this timer is the earliest.
      scheduleProxy(e);
    }
    return ((long) gen[c] << 32) | e;
  }

  /** Cancels a timer in O(1); false when it already fired or was cancelled. */
  public boolean cancel(long handle) {
    int e = (int) handle;
    int c = e >> SHIFT;
    if (handle == EventList.NO_EVENT || e < 0 || c >= chunkCount) {
      return false;
    }
    if (gen[c] != (int) (handle >>> 32) || hid[e] == NO_HANDLER) {
      return false;
    }
    hid[e] = NO_HANDLER;
    payload[e] = null;
    live--;
    timerDone(c);
    // The proxy stays scheduled even when nothing is live: its time is never later than any
    // timer armed after it, and when it fires it skips cancelled timers. Cancelling it would
    // leave a stale entry in the event list for every idle period.
    return true;
  }

  @Override
  public void handle(int ignoredType, int ignoredArg, Object ignoredPayload) {
    proxyPending = false;
    if (live > 0) {
      // Fire the timer the proxy stood for, if it is still live (cancelling it does not move
      // the proxy, so skip cancelled timers first).
      skipDead();
      int c = headChunk;
      int e = (c << SHIFT) + headPos;
      if (e == proxyEntry && gen[c] == proxyGen) {
        EventHandler h = handlers[hid[e]];
        int t = type[e];
        int a = arg[e];
        Object p = payload[e];
        hid[e] = NO_HANDLER;
        payload[e] = null;
        live--;
        headPos++;
        timerDone(c);
        if (live > 0) {
          skipDead();
          scheduleProxy((headChunk << SHIFT) + headPos);
        }
        h.handle(t, a, p);
        return;
      }
      scheduleProxy(e);
    }
    // Nothing was delivered: the proxy's firing is bookkeeping, not a simulated event.
    sim.uncount();
  }

  /** Moves the head to the earliest live timer (there is one: live > 0). */
  private void skipDead() {
    // Every timer before headPos is done. A chunk whose timers are all done is released at
    // once unless it is the tail, so the head chunk holds a live timer at or after headPos.
    int base = headChunk << SHIFT;
    int i = headPos;
    while (hid[base + i] == NO_HANDLER) {
      i++;
    }
    headPos = i;
  }

  /** Bookkeeping after a timer of chunk {@code c} fired or was cancelled. */
  private void timerDone(int c) {
    if (--liveIn[c] == 0 && c != tailChunk) {
      release(c);
    }
  }

  private void scheduleProxy(int e) {
    proxyEntry = e;
    proxyGen = gen[e >> SHIFT];
    proxyPending = true;
    sim.scheduleWithSequence(due[e], seq[e], this);
  }

  /** Links a fresh chunk at the tail (releasing the old tail if all its timers are done). */
  private int appendChunk() {
    int old = tailChunk;
    if (old != NIL && liveIn[old] == 0) {
      release(old);
      old = tailChunk;
    }
    int c = freeCount > 0 ? freeChunks[--freeCount] : newChunk();
    fill[c] = 0;
    liveIn[c] = 0;
    next[c] = NIL;
    prev[c] = old;
    if (old != NIL) {
      next[old] = c;
    } else {
      headChunk = c;
      headPos = 0;
    }
    tailChunk = c;
    return c;
  }

  /** Unlinks a chunk whose timers are all done and makes it the next to reuse. */
  private void release(int c) {
    int p = prev[c];
    int n = next[c];
    if (p != NIL) {
      next[p] = n;
    } else {
      headChunk = n;
      headPos = 0;
    }
    if (n != NIL) {
      prev[n] = p;
    } else {
      tailChunk = p;
    }
    gen[c]++;
    freeChunks[freeCount++] = c;
  }

  private int newChunk() {
    if (chunkCount == fill.length) {
      int chunks = 2 * chunkCount;
      int cap = chunks << SHIFT;
      due = Arrays.copyOf(due, cap);
      seq = Arrays.copyOf(seq, cap);
      type = Arrays.copyOf(type, cap);
      arg = Arrays.copyOf(arg, cap);
      hid = Arrays.copyOf(hid, cap);
      payload = Arrays.copyOf(payload, cap);
      fill = Arrays.copyOf(fill, chunks);
      liveIn = Arrays.copyOf(liveIn, chunks);
      gen = Arrays.copyOf(gen, chunks);
      next = Arrays.copyOf(next, chunks);
      prev = Arrays.copyOf(prev, chunks);
      freeChunks = Arrays.copyOf(freeChunks, chunks);
    }
    int c = chunkCount++;
    gen[c] = 1;
    return c;
  }

  private int handlerIdOf(EventHandler h) {
    if (h == null) {
      throw new NullPointerException("timeout handler");
    }
    int id = NO_HANDLER;
    for (int i = 1; i < handlerCount && i <= 8; i++) {
      if (handlers[i] == h) {
        id = i;
        break;
      }
    }
    if (id == NO_HANDLER && handlerIds != null) {
      id = handlerIds.getOrDefault(h, NO_HANDLER);
    }
    if (id == NO_HANDLER) {
      id = handlerCount++;
      if (id == handlers.length) {
        handlers = Arrays.copyOf(handlers, 2 * id);
      }
      handlers[id] = h;
      if (handlerCount > 9) {
        if (handlerIds == null) {
          handlerIds = new IdentityHashMap<>();
          for (int i = 1; i < handlerCount; i++) {
            handlerIds.put(handlers[i], i);
          }
        } else {
          handlerIds.put(h, id);
        }
      }
    }
    lastHandler = h;
    lastHandlerId = id;
    return id;
  }
}
