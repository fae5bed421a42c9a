package dev.cascade.model.flow;

import java.util.Arrays;

/**
 * A growable FIFO ring of operations, each optionally with a {@code long} tag kept in the queue's
 * own array (a connection waiter's timer handle). Reading the tag of the oldest operation does not
 * touch the operation: a waiter that sat in a long queue has gone cold, and a poll that only needs
 * its timer costs no cache miss on it.
 */
public final class OpQueue {

  private Op[] items = new Op[16];
  private long[] tags; // allocated by the first tagged add
  private int head;
  private int size;

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public void add(Op op) {
    if (size == items.length) {
      grow();
    }
    int i = (head + size) & (items.length - 1);
    items[i] = op;
    if (tags != null) {
      tags[i] = 0;
    }
    size++;
  }

  /** Adds {@code op} with {@code tag}, read back by {@link #peekTag()} while it is the oldest. */
  public void add(Op op, long tag) {
    if (tags == null) {
      tags = new long[items.length];
    }
    if (size == items.length) {
      grow();
    }
    int i = (head + size) & (items.length - 1);
    items[i] = op;
    tags[i] = tag;
    size++;
  }

  private void grow() {
    int n = items.length * 2;
    Op[] grown = new Op[n];
    long[] grownTags = tags == null ? null : new long[n];
    for (int i = 0; i < size; i++) {
      int from = (head + i) & (items.length - 1);
      grown[i] = items[from];
      if (grownTags != null) {
        grownTags[i] = tags[from];
      }
    }
    items = grown;
    tags = grownTags;
    head = 0;
  }

  /**
   * The tag of the oldest operation (0 when it was added without one).
   *
   * @throws java.util.NoSuchElementException when the queue is empty
   */
  public long peekTag() {
    if (size == 0) {
      throw new java.util.NoSuchElementException("empty queue");
    }
    return tags == null ? 0 : tags[head];
  }

  /** Removes and returns the oldest operation, or null. */
  public Op poll() {
    if (size == 0) {
      return null;
    }
    Op op = items[head];
    items[head] = null;
    head = (head + 1) & (items.length - 1);
    size--;
    return op;
  }

  /** Removes everything. */
  public void clear() {
    Arrays.fill(items, null);
    head = 0;
    size = 0;
  }
}
