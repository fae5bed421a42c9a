package dev.cascade.model.redis;

import dev.cascade.core.stats.Counter;

/**
 * A Redis list used as a job queue (LPUSH by producers, BRPOP by consumers): the enqueue times of
 * the jobs waiting, oldest first. What survives a restart follows the server's persistence: none
 * loses every job, RDB keeps the jobs enqueued before the last snapshot, AOF keeps all.
 */
public final class JobQueue {

  /** Told when jobs arrive and when the broker goes away or comes back. */
  public interface Consumer {
    /** Jobs are waiting and the broker answers. */
    void jobsAvailable();

    /** The broker stopped answering (crash, hang, OOM kill): connections fail. */
    void brokerLost();
  }

  private final String name;
  private double[] enqueuedAt = new double[64];
  private int head;
  private int size;
  private long lost;
  private Consumer consumer;
  private final Counter enqueueFailures;

  JobQueue(String name, Counter enqueueFailures) {
    this.name = name;
    this.enqueueFailures = enqueueFailures;
  }

  public String name() {
    return name;
  }

  /** Jobs waiting. */
  public int size() {
    return size;
  }

  /** Jobs lost to restarts so far. */
  public long lost() {
    return lost;
  }

  /** Enqueue time of the oldest waiting job, or NaN when empty. */
  public double oldest() {
    return size == 0 ? Double.NaN : enqueuedAt[head];
  }

  /** Failed enqueues, counted by producers. */
  public Counter enqueueFailures() {
    return enqueueFailures;
  }

  /** The consumer group reading this queue (one per queue). */
  public void subscribe(Consumer c) {
    if (consumer != null && consumer != c) {
      throw new IllegalStateException("queue " + name + " already has a consumer group");
    }
    this.consumer = c;
  }

  Consumer consumer() {
    return consumer;
  }

  void push(double now) {
    if (size == enqueuedAt.length) {
      double[] n = new double[size * 2];
      for (int i = 0; i < size; i++) {
        n[i] = enqueuedAt[(head + i) % enqueuedAt.length];
      }
      enqueuedAt = n;
      head = 0;
    }
    enqueuedAt[(head + size) % enqueuedAt.length] = now;
    size++;
  }

  /** Removes the oldest job; returns its enqueue time. */
  double pop() {
    double t = enqueuedAt[head];
    head = (head + 1) % enqueuedAt.length;
    size--;
    return t;
  }

  /** Drops every job enqueued after {@code keptUntil} (RDB) or all (-inf); returns how many. */
  int loseAfter(double keptUntil) {
    int keep = 0;
    while (keep < size && enqueuedAt[(head + keep) % enqueuedAt.length] <= keptUntil) {
      keep++;
    }
    int dropped = size - keep;
    size = keep;
    lost += dropped;
    return dropped;
  }
}
