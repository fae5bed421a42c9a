package dev.cascade.model.flow;

/**
 * A component that serves operations for callers waiting on a thread: a cache or a database. The
 * caller arms its own timeout; the backend answers every operation it accepted exactly once,
 * possibly after the caller gave up (wasted work), or never while it hangs.
 */
public interface Backend {

  /** Cache read. */
  int GET = 0;

  /** Cache write (fill after a miss). */
  int SET = 1;

  /** Database read query. */
  int QUERY = 2;

  /** Result: success (for GET: hit). */
  int OK = 0;

  /** Result: cache miss. */
  int MISS = 1;

  /** Result: connection refused (the component is down). */
  int REFUSED = 2;

  /** Result: the write was rejected for memory (noeviction at maxmemory). */
  int OOM = 3;

  /** Result: no connection could be had in time (pool exhausted) or a node error. */
  int UNAVAILABLE = 4;

  /**
   * Starts an operation for {@code r}; {@code reply.onReply(r, seq, result)} is called later (never
   * synchronously).
   *
   * @param seq the caller's call sequence number, echoed in the reply
   */
  void submit(int op, Request r, int seq, Reply reply);

  /** Component name. */
  String name();

  /** Receives the result of an operation. */
  interface Reply {
    void onReply(Request r, int seq, int result);
  }
}
