package dev.cascade.model.flow;

import dev.cascade.model.spec.Outcome;

/**
 * One attempt a client sends, from birth at its workload class to its outcome. The same object
 * carries the per-hop state a service thread needs (current step, pending call), so a request in
 * flight allocates nothing else.
 */
public final class Request {

  /** Where the outcome is reported. */
  public final Client client;

  /** The attempt's intended start (seconds): latency is measured from here. */
  public final double start;

  /** 0 for a first try, k for the k-th retry. */
  public final int attempt;

  /** Key rank in the workload's key space, or -1 without keys. */
  public final long key;

  /** The first-try request this attempt retries (itself for a first try). */
  public final Object origin;

  private boolean finished;
  private boolean clientGone;

  /** Timeout handle of the client's end-to-end timer. */
  public long clientTimer;

  /** Service instance executing the request, its step index and the step's phase. */
  public int instance = -1;

  public int step;
  public int phase;
  public int callTries;
  public int queriesLeft;

  /** Incremented on each backend call; replies quoting an older value are stale. */
  public int callSeq;

  /** Timer of the current backend call. */
  public long callTimer;

  /** When the current backend call started (breaker call durations). */
  public double callStart;

  /** When the request started running on its thread (service latency). */
  public double serviceStart;

  /** The breaker permission held by the current call, if any. */
  public boolean breakerPermitted;

  public Request(Client client, double start, int attempt, long key, Object origin) {
    this.client = client;
    this.start = start;
    this.attempt = attempt;
    this.key = key;
    this.origin = origin == null ? this : origin;
  }

  /** Whether the client stopped waiting (timed out); later work on it is wasted. */
  public boolean clientGone() {
    return clientGone;
  }

  /** Marks the client gone; the server side keeps working. */
  public void abandon() {
    clientGone = true;
  }

  /** Whether an outcome was already delivered. */
  public boolean finished() {
    return finished;
  }

  /**
   * Delivers the server-side outcome. The first outcome wins; after a client timeout the response
   * is wasted work and the client is not told again.
   */
  public void respond(Outcome outcome) {
    if (finished) {
      return;
    }
    finished = true;
    client.onResponse(this, outcome);
  }

  /** Receives the outcome of attempts. */
  public interface Client {
    /** Called once per attempt with the server's answer (may come after a client timeout). */
    void onResponse(Request r, Outcome outcome);
  }
}
