package dev.cascade.core.event;

/**
 * Timers that all share one delay: a client timeout, a cache-call timeout, a connection acquire
 * timeout. Because every timer is armed at "now + delay" and now never decreases, the timers of one
 * queue expire in the order they were armed, so a FIFO ring buffer keeps them sorted for free:
 * arming is an append, cancelling marks the entry, and only the queue's earliest live timer sits in
 * the simulation's event list.
 *
 * <p>This takes the arm-and-cancel traffic of timeouts (almost every request arms one, and almost
 * all are cancelled) off the event heap. Ordering is exactly that of one event list: the proxy
 * event carries the original scheduling sequence number of the timer it stands for, so a timeout
 * that ties with another event fires in scheduling order.
 */
public final class TimeoutQueue implements EventHandler {

  private final Simulation sim;
  private final double delay;

  // Ring buffer indexed by monotonic position & mask.
  private double[] due;
  private long[] seq;
  private EventHandler[] handler;
  private int[] type;
  private int[] arg;
  private Object[] payload;
  private int mask;
  private long headPos;
  private long tailPos;
  private int live;
  private boolean proxyPending;
  private long proxyPos = -1;

  TimeoutQueue(Simulation sim, double delay) {
    if (!(delay >= 0)) {
      throw new IllegalArgumentException("negative timeout delay " + delay);
    }
    this.sim = sim;
    this.delay = delay;
    int cap = 256;
    due = new double[cap];
    seq = new long[cap];
    handler = new EventHandler[cap];
    type = new int[cap];
    arg = new int[cap];
    payload = new Object[cap];
    mask = cap - 1;
  }

  /** The delay every timer of this queue waits. */
  public double delay() {
    return delay;
  }

  /** Timers armed and neither fired nor cancelled. */
  public int live() {
    return live;
  }

  /**
   * Arms a timer that fires {@link #delay()} seconds from now, delivering {@code (type, arg,
   * payload)} to {@code h}.
   *
   * @return a handle for {@link #cancel(long)}, never {@link EventList#NO_EVENT}
   */
  public long arm(EventHandler h, int eventType, int eventArg, Object eventPayload) {
    if (tailPos - headPos == due.length) {
      grow();
    }
    long pos = tailPos++;
    int i = (int) pos & mask;
    double t = sim.now() + delay;
    due[i] = t;
    seq[i] = sim.nextSequence();
    handler[i] = h;
    type[i] = eventType;
    arg[i] = eventArg;
    payload[i] = eventPayload;
    live++;
    if (!proxyPending) {
      scheduleProxy(pos);
    }
    return pos + 1;
  }

  /** Cancels a timer in O(1); false when it already fired or was cancelled. */
  public boolean cancel(long handle) {
    long pos = handle - 1;
    if (pos < headPos || pos >= tailPos) {
      return false;
    }
    int i = (int) pos & mask;
    if (handler[i] == null) {
      return false;
    }
    handler[i] = null;
    payload[i] = null;
    live--;
    // The proxy stays scheduled even when nothing is live: its time is never later than any
    // timer armed after it, and when it fires it skips cancelled entries. Cancelling it would
    // leave a stale entry in the heap for every idle period.
    return true;
  }

  @Override
  public void handle(int ignoredType, int ignoredArg, Object ignoredPayload) {
    proxyPending = false;
    // Fire the timer the proxy stood for (it is live: cancelling the head does not move the proxy,
    // so skip cancelled entries first).
    skipCancelled();
    if (headPos < tailPos && headPos == proxyPos) {
      int i = (int) headPos & mask;
      EventHandler h = handler[i];
      int t = type[i];
      int a = arg[i];
      Object p = payload[i];
      handler[i] = null;
      payload[i] = null;
      headPos++;
      live--;
      skipCancelled();
      if (headPos < tailPos) {
        scheduleProxy(headPos);
      }
      h.handle(t, a, p);
      return;
    }
    if (headPos < tailPos) {
      scheduleProxy(headPos);
    }
    // Nothing was delivered: the proxy's firing is bookkeeping, not a simulated event.
    sim.uncount();
  }

  private void skipCancelled() {
    while (headPos < tailPos && handler[(int) headPos & mask] == null) {
      headPos++;
    }
  }

  private void scheduleProxy(long pos) {
    int i = (int) pos & mask;
    proxyPos = pos;
    proxyPending = true;
    sim.scheduleWithSequence(due[i], seq[i], this);
  }

  private void grow() {
    int n = due.length;
    int cap = n * 2;
    double[] d = new double[cap];
    long[] s = new long[cap];
    EventHandler[] h = new EventHandler[cap];
    int[] ty = new int[cap];
    int[] ar = new int[cap];
    Object[] p = new Object[cap];
    int newMask = cap - 1;
    for (long pos = headPos; pos < tailPos; pos++) {
      int from = (int) pos & mask;
      int to = (int) pos & newMask;
      d[to] = due[from];
      s[to] = seq[from];
      h[to] = handler[from];
      ty[to] = type[from];
      ar[to] = arg[from];
      p[to] = payload[from];
    }
    due = d;
    seq = s;
    handler = h;
    type = ty;
    arg = ar;
    payload = p;
    mask = newMask;
  }
}
