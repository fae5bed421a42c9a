package dev.cascade.model.flow;

/**
 * One backend operation in flight: who asked, with which call sequence, and where to reply. Kept in
 * the backend's queues until answered.
 */
public final class Op {

  public final int kind;
  public final Request request;
  public final int seq;
  public final Backend.Reply reply;
  public final double submitted;

  /** TTL of a cache write, in seconds (infinity = none). */
  public double ttl = Double.POSITIVE_INFINITY;

  /** Rank offset of the cache keyspace a GET or SET addresses (0: the default keyspace). */
  public int keyOffset;

  /** A component-specific index (the job queue of an enqueue). */
  public int queue;

  /** Node or shard serving it. */
  public int node;

  /** The serving node's epoch when the operation started (a node restart bumps it). */
  public int epoch;

  public Op(int kind, Request request, int seq, Backend.Reply reply, double submitted) {
    this.kind = kind;
    this.request = request;
    this.seq = seq;
    this.reply = reply;
    this.submitted = submitted;
  }

  /** Whether the caller has stopped waiting for this operation. */
  public boolean abandoned() {
    return request.callSeq != seq;
  }

  /** Answers the caller. */
  public void answer(int result) {
    reply.onReply(request, seq, result);
  }
}
